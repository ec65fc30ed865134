using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using QbConnector.Engine.Updates;
using QbConnector.Engine.Updates.Install;
using QbConnector.Engine.Updates.Signing;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>Builds update packages as the release build does: files, manifest.json, one archive.</summary>
internal static class TestPackage
{
    public const string EntryPoint = "engine/engine.sh";

    /// <summary>A package whose entry point is a shell script (the launcher tests run it).</summary>
    public static byte[] Build(string version, string script = "#!/bin/sh\nexit 0\n", bool zip = false, int paddingBytes = 0, Action<string>? tamperFolder = null)
    {
        var folder = Directory.CreateTempSubdirectory("update-package-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "engine"));
            var entry = Path.Combine(folder, "engine", "engine.sh");
            File.WriteAllText(entry, script);
            File.WriteAllText(Path.Combine(folder, "engine", "version.txt"), version);
            if (paddingBytes > 0)
            {
                // Incompressible, so the archive is as large as asked.
                File.WriteAllBytes(Path.Combine(folder, "engine", "payload.bin"), RandomNumberGenerator.GetBytes(paddingBytes));
            }

            var manifest = PackageManifest.Describe(folder, version, zip ? "win-x64" : "linux-x64", EntryPoint);
            File.WriteAllText(Path.Combine(folder, "manifest.json"), manifest.ToJson());
            tamperFolder?.Invoke(folder);
            return zip ? Zip(folder) : TarGz(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static UpdateAnnouncement Announce(string version, string url, byte[] package, ECDsa key) =>
        new(version, url, Convert.ToHexStringLower(SHA256.HashData(package)), PackageSignature.Sign(key, package));

    public static string PublicKeyOf(ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    public static byte[] TarGz(string folder)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var name = Path.GetRelativePath(folder, file).Replace('\\', '/');
                var entry = new PaxTarEntry(TarEntryType.RegularFile, name)
                {
                    Mode = name.EndsWith(".sh", StringComparison.Ordinal) ? (UnixFileMode)0x1ED : (UnixFileMode)0x1A4,
                    DataStream = new MemoryStream(File.ReadAllBytes(file)),
                };
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public static byte[] Zip(string folder)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(Path.GetRelativePath(folder, file).Replace('\\', '/'), CompressionLevel.Fastest);
                entry.ExternalAttributes = (file.EndsWith(".sh", StringComparison.Ordinal) ? 0x1ED : 0x1A4) << 16;
                using var stream = entry.Open();
                stream.Write(File.ReadAllBytes(file));
            }
        }

        return output.ToArray();
    }

    /// <summary>A tar.gz holding exactly the given raw entries (for hostile archives).</summary>
    public static byte[] RawTarGz(params TarEntry[] entries)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                tar.WriteEntry(entry);
            }
        }

        return output.ToArray();
    }

    public static PaxTarEntry Entry(string name, string content) =>
        new(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) };
}

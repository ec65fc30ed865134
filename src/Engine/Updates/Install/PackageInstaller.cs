using System.Formats.Tar;
using System.IO.Compression;
using QbConnector.Engine.Updates.Layout;

namespace QbConnector.Engine.Updates.Install;

/// <summary>
/// Unpacks a verified package (zip or tar.gz) into a hidden folder beside the versions, checks
/// it against its manifest, and only then renames it to versions/&lt;version&gt;/: a version folder
/// exists whole or not at all, whatever happens during extraction.
/// </summary>
public sealed class PackageInstaller(InstallLayout layout, Func<string, FileMode, Stream> openFile)
{
    public const long MaxUnpackedBytes = 2L * 1024 * 1024 * 1024;
    public const int MaxEntries = 50_000;

    private const string TempPrefix = ".unpacking-";

    /// <summary>Unpacks and installs; returns the manifest. Throws InvalidDataException for a bad package.</summary>
    public PackageManifest Install(string packageFile, string version, CancellationToken cancellation)
    {
        var target = layout.VersionFolder(version);
        var temp = Path.Combine(layout.VersionsFolder, $"{TempPrefix}{version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            Unpack(packageFile, temp, cancellation);
            var manifest = PackageManifest.Read(Path.Combine(temp, InstallLayout.PackageManifestFileName));
            if (manifest.Version != version)
            {
                throw new InvalidDataException($"The package holds version {manifest.Version}, not the announced {version}.");
            }

            if (manifest.Mismatch(temp) is { } mismatch)
            {
                throw new InvalidDataException($"The package does not match its manifest: {mismatch}.");
            }

            if (Directory.Exists(target))
            {
                // Left by an earlier attempt that never became current: replaced by this verified copy.
                Directory.Delete(target, recursive: true);
            }

            Directory.Move(temp, target);
            return manifest;
        }
        finally
        {
            TryDelete(temp);
        }
    }

    /// <summary>Removes unpacking folders of attempts that were killed part way.</summary>
    public void DeleteLeftovers()
    {
        if (!Directory.Exists(layout.VersionsFolder))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(layout.VersionsFolder, TempPrefix + "*"))
        {
            TryDelete(folder);
        }
    }

    private void Unpack(string packageFile, string destination, CancellationToken cancellation)
    {
        Span<byte> magic = stackalloc byte[4];
        using (var probe = File.OpenRead(packageFile))
        {
            probe.ReadExactly(magic);
        }

        if (magic[0] == (byte)'P' && magic[1] == (byte)'K')
        {
            UnpackZip(packageFile, destination, cancellation);
        }
        else if (magic[0] == 0x1f && magic[1] == 0x8b)
        {
            UnpackTarGz(packageFile, destination, cancellation);
        }
        else
        {
            throw new InvalidDataException("The package is neither a zip nor a tar.gz archive.");
        }
    }

    private void UnpackZip(string packageFile, string destination, CancellationToken cancellation)
    {
        using var archive = ZipFile.OpenRead(packageFile);
        if (archive.Entries.Count > MaxEntries)
        {
            throw new InvalidDataException("The package has too many entries.");
        }

        long total = 0;
        foreach (var entry in archive.Entries)
        {
            cancellation.ThrowIfCancellationRequested();
            var path = SafePath(destination, entry.FullName);
            if (entry.FullName.EndsWith('/'))
            {
                Directory.CreateDirectory(path);
                continue;
            }

            total += entry.Length;
            if (total > MaxUnpackedBytes)
            {
                throw new InvalidDataException("The package unpacks to more than the size limit.");
            }

            using var source = entry.Open();
            WriteFile(path, source, entry.Length);
            var unixMode = (entry.ExternalAttributes >> 16) & 0x1FF;
            if (!OperatingSystem.IsWindows() && unixMode != 0)
            {
                File.SetUnixFileMode(path, (UnixFileMode)unixMode);
            }
        }
    }

    private void UnpackTarGz(string packageFile, string destination, CancellationToken cancellation)
    {
        using var file = File.OpenRead(packageFile);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        long total = 0;
        var entries = 0;
        while (reader.GetNextEntry() is { } entry)
        {
            cancellation.ThrowIfCancellationRequested();
            if (++entries > MaxEntries)
            {
                throw new InvalidDataException("The package has too many entries.");
            }

            var path = SafePath(destination, entry.Name);
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(path);
                    continue;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    break;
                default:
                    // Links and devices could point outside the version folder.
                    throw new InvalidDataException($"The package holds {entry.Name}, which is not a plain file or folder.");
            }

            total += entry.Length;
            if (total > MaxUnpackedBytes)
            {
                throw new InvalidDataException("The package unpacks to more than the size limit.");
            }

            WriteFile(path, entry.DataStream ?? Stream.Null, entry.Length);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, entry.Mode & (UnixFileMode)0x1FF);
            }
        }
    }

    private void WriteFile(string path, Stream source, long declaredLength)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var target = openFile(path, FileMode.CreateNew);
        var buffer = new byte[81920];
        long written = 0;
        int read;
        while ((read = source.Read(buffer)) > 0)
        {
            written += read;
            if (written > declaredLength)
            {
                throw new InvalidDataException("An entry of the package is longer than it declares.");
            }

            target.Write(buffer, 0, read);
        }
    }

    private static string SafePath(string destination, string entryName)
    {
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(root, entryName.Replace('\\', '/')));
        if (!full.StartsWith(root, StringComparison.Ordinal) && full + Path.DirectorySeparatorChar != root)
        {
            throw new InvalidDataException($"The package entry {entryName} points outside its folder.");
        }

        return full;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Removed at the next start by DeleteLeftovers.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}

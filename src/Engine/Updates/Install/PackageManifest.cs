using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QbConnector.Engine.Updates.Install;

/// <summary>
/// manifest.json at the top of every package (and beside the download): the version, the runtime
/// it was built for, the program the launcher starts, and every file with its size and SHA-256.
/// </summary>
public sealed record PackageManifest(string Version, string Runtime, string EntryPoint, IReadOnlyList<PackageFile> Files)
{
    public const int MaxManifestBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static PackageManifest Read(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InvalidDataException("The package has no manifest.json.");
        }

        if (info.Length > MaxManifestBytes)
        {
            throw new InvalidDataException("The package's manifest.json is too large.");
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<PackageManifest>(File.ReadAllBytes(path), Json);
            return manifest is { Version.Length: > 0, EntryPoint.Length: > 0, Files: not null }
                ? manifest
                : throw new InvalidDataException("The package's manifest.json lacks its version, entry point or files.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The package's manifest.json is not valid: {e.Message}", e);
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Builds the manifest of a folder's files (every file but the manifest itself).</summary>
    public static PackageManifest Describe(string folder, string version, string runtime, string entryPoint)
    {
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json")
            .Order(StringComparer.Ordinal)
            .Select(f => new PackageFile(f, new FileInfo(Path.Combine(folder, f)).Length, HashFile(Path.Combine(folder, f))))
            .ToList();
        return new PackageManifest(version, runtime, entryPoint, files);
    }

    /// <summary>
    /// Checks an unpacked folder against the manifest: exactly the listed files, each with its
    /// size and hash, and the entry point among them. Returns why not, or null.
    /// </summary>
    public string? Mismatch(string folder)
    {
        var listed = Files.ToDictionary(f => f.Path, StringComparer.Ordinal);
        if (!listed.ContainsKey(EntryPoint))
        {
            return $"the entry point {EntryPoint} is not among the files";
        }

        var present = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != "manifest.json")
            .ToHashSet(StringComparer.Ordinal);
        foreach (var extra in present.Where(p => !listed.ContainsKey(p)))
        {
            return $"{extra} is not in the manifest";
        }

        foreach (var file in Files)
        {
            var path = Path.Combine(folder, file.Path);
            if (!present.Contains(file.Path))
            {
                return $"{file.Path} is missing";
            }

            if (new FileInfo(path).Length != file.Size || !string.Equals(HashFile(path), file.Sha256, StringComparison.Ordinal))
            {
                return $"{file.Path} does not match its hash";
            }
        }

        return null;
    }

    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}

/// <summary>One file of a package, by its path relative to the package's top (forward slashes).</summary>
public sealed record PackageFile(string Path, long Size, string Sha256);

using System.Text.Json;

namespace QbConnector.Engine.Updates.Layout;

/// <summary>
/// The install root shared by the launcher and the updater:
/// <c>versions/&lt;version&gt;/</c> side by side, <c>current</c> naming the one to run (replaced in
/// one rename), <c>trial</c> while a new version has not yet reported healthy, <c>healthy</c>
/// written by a version once it is up, <c>rejected-versions</c> never to be tried again, and
/// <c>staging/</c> for downloads in progress.
/// </summary>
public sealed class InstallLayout
{
    /// <summary>The exit code with which the engine asks the launcher to start the new current version.</summary>
    public const int RestartForUpdateExitCode = 75;

    /// <summary>Set by the launcher for the engine it starts: the file to write once healthy.</summary>
    public const string HealthFileVariable = "QBCONNECTOR_HEALTH_FILE";

    /// <summary>Set by the launcher for the engine it starts: the install root.</summary>
    public const string InstallRootVariable = "QBCONNECTOR_INSTALL_ROOT";

    public InstallLayout(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string VersionsFolder => Path.Combine(Root, "versions");

    public string StagingFolder => Path.Combine(Root, "staging");

    public string CurrentFile => Path.Combine(Root, "current");

    public string TrialFile => Path.Combine(Root, "trial");

    public string HealthFile => Path.Combine(Root, "healthy");

    public string RejectedFile => Path.Combine(Root, "rejected-versions");

    /// <summary>Version names become folder names: digits, letters, dots, dashes and plus signs only.</summary>
    public static bool IsSafeVersionName(string? version) =>
        !string.IsNullOrEmpty(version)
        && version.Length <= 64
        && version.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+')
        && version.Any(char.IsAsciiLetterOrDigit)
        && !version.StartsWith('.');

    public string VersionFolder(string version)
    {
        if (!IsSafeVersionName(version))
        {
            throw new ArgumentException($"'{version}' is not a version name.", nameof(version));
        }

        return Path.Combine(VersionsFolder, version);
    }

    public void EnsureExists()
    {
        Directory.CreateDirectory(VersionsFolder);
        Directory.CreateDirectory(StagingFolder);
        AtomicFile.DeleteLeftovers(Root);
    }

    /// <summary>The version the pointer names, or null when none is installed (or the name is unusable).</summary>
    public string? ReadCurrent()
    {
        var current = AtomicFile.ReadAllTextOrNull(CurrentFile);
        return IsSafeVersionName(current) ? current : null;
    }

    public TrialRecord? ReadTrial() => TrialRecord.Parse(AtomicFile.ReadAllTextOrNull(TrialFile));

    public bool IsInstalled(string version) =>
        IsSafeVersionName(version) && File.Exists(Path.Combine(VersionFolder(version), PackageManifestFileName));

    public const string PackageManifestFileName = "manifest.json";

    /// <summary>
    /// Makes <paramref name="candidate"/> current on trial. The trial record is written first, so a
    /// crash between the two renames leaves the old pointer and a stale trial that
    /// <see cref="DiscardStaleTrial"/> drops.
    /// </summary>
    public void SwitchOnTrial(string candidate, string previous)
    {
        if (!IsInstalled(candidate))
        {
            throw new InvalidOperationException($"Version {candidate} is not installed.");
        }

        AtomicFile.WriteAllText(TrialFile, new TrialRecord(candidate, previous).Serialize());
        AtomicFile.WriteAllText(CurrentFile, candidate + "\n");
    }

    /// <summary>Points at a version outright (first install), with no trial.</summary>
    public void SetCurrent(string version)
    {
        if (!IsInstalled(version))
        {
            throw new InvalidOperationException($"Version {version} is not installed.");
        }

        AtomicFile.WriteAllText(CurrentFile, version + "\n");
    }

    /// <summary>Returns the trial in force, after dropping one whose switch never happened.</summary>
    public TrialRecord? DiscardStaleTrial()
    {
        var trial = ReadTrial();
        if (trial is null)
        {
            DeleteIfExists(TrialFile);
            return null;
        }

        if (trial.Candidate != ReadCurrent())
        {
            DeleteIfExists(TrialFile);
            return null;
        }

        return trial;
    }

    /// <summary>The candidate proved itself: its trial ends and the pointer stays.</summary>
    public void ConfirmTrial() => DeleteIfExists(TrialFile);

    /// <summary>
    /// Puts the previous pointer back and records the candidate so it is never tried again. The
    /// rejection is recorded before the pointer moves: a crash in between still never retries it.
    /// </summary>
    public void RollBack(TrialRecord trial, string reason)
    {
        ArgumentNullException.ThrowIfNull(trial);
        Reject(trial.Candidate, reason);
        AtomicFile.WriteAllText(CurrentFile, trial.Previous + "\n");
        DeleteIfExists(TrialFile);
    }

    public IReadOnlyDictionary<string, string> ReadRejected()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var content = AtomicFile.ReadAllTextOrNull(RejectedFile);
        if (content is null)
        {
            return result;
        }

        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            var version = tab < 0 ? line : line[..tab];
            result[version] = tab < 0 ? string.Empty : line[(tab + 1)..];
        }

        return result;
    }

    public bool IsRejected(string version) => ReadRejected().ContainsKey(version);

    public void Reject(string version, string reason)
    {
        var rejected = new Dictionary<string, string>(ReadRejected(), StringComparer.Ordinal)
        {
            [version] = reason.ReplaceLineEndings(" ").Replace('\t', ' '),
        };
        AtomicFile.WriteAllText(RejectedFile, string.Concat(rejected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}\t{r.Value}\n")));
    }

    public void ClearHealth() => DeleteIfExists(HealthFile);

    public void MarkHealthy(string version) => AtomicFile.WriteAllText(HealthFile, version + "\n");

    public bool IsHealthy(string version) => AtomicFile.ReadAllTextOrNull(HealthFile) == version;

    /// <summary>
    /// The program to start for a version: the package manifest's <c>entryPoint</c>, else the
    /// engine's own executable in <c>engine/</c>.
    /// </summary>
    public string EntryPoint(string version)
    {
        var folder = VersionFolder(version);
        var fallback = Path.Combine(folder, "engine", OperatingSystem.IsWindows() ? "QbConnector.Engine.exe" : "QbConnector.Engine");
        try
        {
            using var stream = File.OpenRead(Path.Combine(folder, PackageManifestFileName));
            using var document = JsonDocument.Parse(stream);
            if (document.RootElement.TryGetProperty("entryPoint", out var entry) && entry.GetString() is { Length: > 0 } relative)
            {
                var full = Path.GetFullPath(Path.Combine(folder, relative));
                if (full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    return full;
                }
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // An unreadable manifest leaves the conventional location.
        }

        return fallback;
    }

    private static void DeleteIfExists(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

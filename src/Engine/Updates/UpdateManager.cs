using System.Security.Cryptography;
using QbConnector.Engine.Updates.Download;
using QbConnector.Engine.Updates.Install;
using QbConnector.Engine.Updates.Layout;
using QbConnector.Engine.Updates.Signing;
using Serilog;

namespace QbConnector.Engine.Updates;

/// <summary>
/// Silent, signed, reversible updates. <see cref="OnUpdateAvailableAsync"/> answers at once and
/// downloads in the background (resumable, rate-limited) into staging/, checks the SHA-256 and the
/// signature against the pinned key, and installs the version beside the running one. At a quiet
/// moment the engine calls <see cref="TrySwitchForRestart"/>: the pointer moves (on trial) and the
/// engine exits with <see cref="InstallLayout.RestartForUpdateExitCode"/> for the launcher to start
/// the new version, which must call <see cref="MarkHealthy"/> in time or be rolled back.
/// </summary>
public sealed class UpdateManager : IAsyncDisposable
{
    private readonly UpdateOptions _options;
    private readonly HttpClient _http;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly InstallLayout _layout;
    private readonly Func<string, FileMode, Stream> _openFile;
    private readonly SemanticVersion _current;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private UpdateStatus _status = UpdateStatus.Idle;
    private Task _background = Task.CompletedTask;
    private CancellationTokenSource? _attempt;
    private string? _inFlightVersion;
    private string? _stagedVersion;

    public UpdateManager(UpdateOptions options, HttpClient http, ILogger log, TimeProvider? time = null)
        : this(options, http, log, time, openFile: null)
    {
    }

    /// <summary>With a replacement for opening files that are written (tests simulate a full disk).</summary>
    internal UpdateManager(UpdateOptions options, HttpClient http, ILogger log, TimeProvider? time, Func<string, FileMode, Stream>? openFile)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(log);
        if (!SemanticVersion.TryParse(options.CurrentVersion, out var current))
        {
            throw new ArgumentException($"'{options.CurrentVersion}' is not a semantic version.", nameof(options));
        }

        using (UpdateSigningKey.Load(options.SigningPublicKey))
        {
            // Fails now, at start, rather than on the first update.
        }

        _options = options;
        _http = http;
        _log = log.ForContext<UpdateManager>();
        _time = time ?? TimeProvider.System;
        _current = current;
        _layout = new InstallLayout(options.InstallRoot);
        _openFile = openFile ?? ((path, mode) => new FileStream(path, mode, FileAccess.Write, FileShare.None, 4096, FileOptions.None));
    }

    public event EventHandler<UpdateStatus>? StatusChanged;

    public UpdateStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>True once a verified version is installed and waits for a quiet moment.</summary>
    public bool IsRestartPending => Status.State == UpdateState.ReadyToRestart;

    public InstallLayout Layout => _layout;

    /// <summary>
    /// Takes up an announcement: refuses it at once (with the reason logged and returned) or
    /// starts the download in the background and returns. Never waits for the download.
    /// </summary>
    public Task<UpdateDecision> OnUpdateAvailableAsync(UpdateAnnouncement announcement, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        cancellation.ThrowIfCancellationRequested();
        var refusal = Check(announcement, out var url);
        if (refusal is not null)
        {
            return Task.FromResult(Refuse(announcement.Version, refusal));
        }

        lock (_gate)
        {
            if (_inFlightVersion == announcement.Version)
            {
                return Task.FromResult(Refuse(announcement.Version, "an update to this version is already under way"));
            }

            if (_stagedVersion is not null && SemanticVersion.TryParse(_stagedVersion, out var staged) && ParseOrThrow(announcement.Version) <= staged)
            {
                return Task.FromResult(Refuse(announcement.Version, $"version {_stagedVersion} is already installed and waits to start"));
            }

            if (_inFlightVersion is not null && SemanticVersion.TryParse(_inFlightVersion, out var inFlight) && ParseOrThrow(announcement.Version) < inFlight)
            {
                return Task.FromResult(Refuse(announcement.Version, $"the newer version {_inFlightVersion} is already being fetched"));
            }

            // A newer announcement supersedes one still downloading.
            _attempt?.Cancel();
            var attempt = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            _attempt = attempt;
            _inFlightVersion = announcement.Version;
            var previous = _background;
            _background = Task.Run(async () =>
            {
                await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                await RunAsync(announcement, url!, attempt.Token).ConfigureAwait(false);
            });
        }

        _log.Information("Update {Version} announced: fetching {Url}", announcement.Version, announcement.PackageUrl);
        return Task.FromResult(UpdateDecision.Started);
    }

    /// <summary>Completes when no download or installation is under way (for orderly shutdown and tests).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _background.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>
    /// Called by the engine when no page is in flight. When a verified version waits, makes it
    /// current on trial and returns true: the engine is then to exit with
    /// <see cref="InstallLayout.RestartForUpdateExitCode"/>.
    /// </summary>
    public bool TrySwitchForRestart()
    {
        string staged;
        lock (_gate)
        {
            if (_stagedVersion is null || _status.State != UpdateState.ReadyToRestart)
            {
                return false;
            }

            staged = _stagedVersion;
        }

        var running = _layout.ReadCurrent() ?? _options.CurrentVersion;
        if (_layout.IsRejected(staged))
        {
            Publish(new UpdateStatus(UpdateState.Refused, staged, 0, null, "the version was rejected"));
            return false;
        }

        _layout.SwitchOnTrial(staged, running);
        _log.Information("Switched to version {Version} on trial (previous {Previous}); restarting", staged, running);
        Publish(new UpdateStatus(UpdateState.Restarting, staged, 0, null, null));
        return true;
    }

    /// <summary>
    /// Called by the new engine once it has started and connected: ends its trial. Writes the
    /// health file the launcher named (or the install root's).
    /// </summary>
    public void MarkHealthy()
    {
        var healthFile = Environment.GetEnvironmentVariable(InstallLayout.HealthFileVariable);
        if (string.IsNullOrEmpty(healthFile))
        {
            _layout.MarkHealthy(_options.CurrentVersion);
        }
        else
        {
            AtomicFile.WriteAllText(healthFile, _options.CurrentVersion + "\n");
        }

        _log.Information("Version {Version} reported healthy", _options.CurrentVersion);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await WhenIdleAsync().ConfigureAwait(false);
        _stopping.Dispose();
        _attempt?.Dispose();
    }

    private string? Check(UpdateAnnouncement announcement, out Uri? url)
    {
        url = null;
        if (!SemanticVersion.TryParse(announcement.Version, out var version) || !InstallLayout.IsSafeVersionName(announcement.Version))
        {
            return "the version is not a semantic version";
        }

        if (version <= _current)
        {
            return $"version {announcement.Version} is not newer than the running {_options.CurrentVersion}";
        }

        if (_layout.IsRejected(announcement.Version))
        {
            return $"version {announcement.Version} was rejected before";
        }

        if (!Uri.TryCreate(announcement.PackageUrl, UriKind.Absolute, out url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            return "the package URL is not an absolute http(s) URL";
        }

        if (announcement.Sha256.Length != 64 || !announcement.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            return "the SHA-256 is not 64 lower-case hex digits";
        }

        if (announcement.Signature.IsEmpty)
        {
            return "the announcement carries no signature";
        }

        if (_layout.ReadCurrent() is null)
        {
            return "the connector is not running from an install (no current version to come back to)";
        }

        return null;
    }

    private async Task RunAsync(UpdateAnnouncement announcement, Uri url, CancellationToken cancellation)
    {
        var version = announcement.Version;
        var partial = Path.Combine(_layout.StagingFolder, $"{version}-{announcement.Sha256[..16]}.partial");
        try
        {
            _layout.EnsureExists();
            var installer = new PackageInstaller(_layout, _openFile);
            installer.DeleteLeftovers();

            Publish(new UpdateStatus(UpdateState.Downloading, version, 0, null, null));
            var limiter = _options.MaxBytesPerSecond is { } rate ? new BandwidthLimiter(rate, _time) : null;
            var downloader = new PackageDownloader(_http, limiter, _openFile);
            var progress = new SynchronousProgress(p => Publish(new UpdateStatus(UpdateState.Downloading, version, p.Received, p.Total, null)));
            var result = await downloader.DownloadAsync(url, partial, _options.MaxPackageBytes, progress, cancellation).ConfigureAwait(false);
            if (result.ResumedFrom > 0)
            {
                _log.Information("Update {Version} resumed at byte {Offset} of {Length}", version, result.ResumedFrom, result.Length);
            }

            Publish(new UpdateStatus(UpdateState.Verifying, version, result.Length, result.Length, null));
            byte[] digest;
            await using (var package = File.OpenRead(partial))
            {
                digest = await SHA256.HashDataAsync(package, cancellation).ConfigureAwait(false);
            }

            if (!string.Equals(Convert.ToHexStringLower(digest), announcement.Sha256, StringComparison.Ordinal))
            {
                // Bytes damaged on the way (or altered): dropped, so the next announcement fetches afresh.
                File.Delete(partial);
                Fail(version, UpdateState.Failed, "the package's SHA-256 does not match the announcement");
                return;
            }

            using (var key = UpdateSigningKey.Load(_options.SigningPublicKey))
            {
                if (!PackageSignature.IsValid(key, digest, announcement.Signature.Span))
                {
                    File.Delete(partial);
                    _layout.Reject(version, "signature not valid for the pinned key");
                    Fail(version, UpdateState.Refused, "the package's signature is not valid for the pinned signing key");
                    return;
                }
            }

            Publish(new UpdateStatus(UpdateState.Installing, version, result.Length, result.Length, null));
            try
            {
                installer.Install(partial, version, cancellation);
            }
            catch (InvalidDataException e)
            {
                // Signed but unusable: the publisher must issue a new version.
                File.Delete(partial);
                _layout.Reject(version, e.Message);
                Fail(version, UpdateState.Refused, e.Message);
                return;
            }

            File.Delete(partial);
            lock (_gate)
            {
                _stagedVersion = version;
            }

            _log.Information("Update {Version} verified and installed beside {Current}; restarting at a quiet moment", version, _options.CurrentVersion);
            Publish(new UpdateStatus(UpdateState.ReadyToRestart, version, result.Length, result.Length, null));
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            _log.Information("Update {Version} stopped; the partial download is kept to resume", version);
            Publish(new UpdateStatus(UpdateState.Idle, version, 0, null, "stopped"));
        }
        catch (OperationCanceledException)
        {
            // Not ours: the HTTP client's own timeout.
            Fail(version, UpdateState.Failed, "the download timed out");
        }
        catch (Exception e) when (DiskErrors.IsDiskFull(e))
        {
            Fail(version, UpdateState.Failed, "the disk is full");
        }
        catch (Exception e) when (e is IOException or HttpRequestException or InvalidDataException or UnauthorizedAccessException)
        {
            Fail(version, UpdateState.Failed, e.Message);
        }
        finally
        {
            lock (_gate)
            {
                if (_inFlightVersion == version)
                {
                    _inFlightVersion = null;
                }
            }
        }
    }

    private UpdateDecision Refuse(string version, string reason)
    {
        _log.Warning("Update {Version} refused: {Reason}", version, reason);
        return UpdateDecision.Refused(reason);
    }

    private void Fail(string version, UpdateState state, string reason)
    {
        _log.Warning("Update {Version} {Outcome}: {Reason}; version {Current} keeps running", version, state == UpdateState.Refused ? "refused" : "failed", reason, _options.CurrentVersion);
        Publish(new UpdateStatus(state, version, 0, null, reason));
    }

    private void Publish(UpdateStatus status)
    {
        lock (_gate)
        {
            _status = status;
        }

        StatusChanged?.Invoke(this, status);
    }

    private static SemanticVersion ParseOrThrow(string version) =>
        SemanticVersion.TryParse(version, out var parsed) ? parsed : throw new ArgumentException($"'{version}' is not a semantic version.", nameof(version));

    /// <summary>Progress reported on the downloading thread, in order (Progress&lt;T&gt; would post it elsewhere).</summary>
    private sealed class SynchronousProgress(Action<(long Received, long? Total)> report) : IProgress<(long Received, long? Total)>
    {
        public void Report((long Received, long? Total) value) => report(value);
    }
}

using QbConnector.Launcher.Tests.Support;

namespace QbConnector.Launcher.Tests;

/// <summary>
/// The real launcher over versions that are shell scripts: it restarts into an update on exit
/// code 75, keeps a version that reports healthy, and rolls back one that crashes at start or
/// never reports healthy, never to try it again.
/// </summary>
public sealed class LauncherTests : IDisposable
{
    // Version 1.0.0 as the engine behaves: switches to 1.1.0 on trial and exits to restart, unless
    // 1.1.0 was rejected, in which case it reports healthy and ends normally.
    private const string OldVersionScript = """
        if grep -q '^1.1.0' "$QBCONNECTOR_INSTALL_ROOT/rejected-versions" 2>/dev/null; then
          echo "1.0.0 back after rollback"
          printf '1.0.0\n' > "$QBCONNECTOR_HEALTH_FILE"
          exit 0
        fi
        printf '1.1.0\n1.0.0\n' > "$QBCONNECTOR_INSTALL_ROOT/trial.new" && mv "$QBCONNECTOR_INSTALL_ROOT/trial.new" "$QBCONNECTOR_INSTALL_ROOT/trial"
        printf '1.1.0\n' > "$QBCONNECTOR_INSTALL_ROOT/current.new" && mv "$QBCONNECTOR_INSTALL_ROOT/current.new" "$QBCONNECTOR_INSTALL_ROOT/current"
        echo "1.0.0 restarting for update"
        exit 75
        """;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly LauncherInstall _install = new();

    public LauncherTests()
    {
        _install.Install("1.0.0", OldVersionScript);
        _install.Layout.SetCurrent("1.0.0");
    }

    public void Dispose() => _install.Dispose();

    [Fact]
    public async Task Restarts_into_the_update_and_keeps_it_once_healthy()
    {
        _install.Install("1.1.0", "echo \"1.1.0 up\"\nprintf '1.1.0\\n' > \"$QBCONNECTOR_HEALTH_FILE\"\nexit 0\n");
        await using var launcher = _install.StartLauncher(healthTimeoutSeconds: 30);

        (await launcher.WaitForExitAsync(Deadline)).Should().Be(0, string.Join('\n', launcher.Output));

        launcher.Output.Should().ContainInOrder("1.0.0 restarting for update", "1.1.0 up");
        launcher.Output.Should().Contain(l => l.Contains("version 1.1.0 is healthy"));
        _install.Layout.ReadCurrent().Should().Be("1.1.0");
        _install.Layout.ReadTrial().Should().BeNull();
        _install.Layout.IsRejected("1.1.0").Should().BeFalse();
        Directory.Exists(_install.Layout.VersionFolder("1.0.0")).Should().BeTrue("the previous version stays");
    }

    [Fact]
    public async Task A_version_that_crashes_at_start_is_rolled_back_and_rejected()
    {
        _install.Install("1.1.0", "echo \"1.1.0 crashing\"\nexit 134\n");
        await using var launcher = _install.StartLauncher(healthTimeoutSeconds: 30);

        (await launcher.WaitForExitAsync(Deadline)).Should().Be(0, string.Join('\n', launcher.Output));

        launcher.Output.Should().ContainInOrder("1.1.0 crashing", "1.0.0 back after rollback");
        launcher.Output.Should().Contain(l => l.Contains("exited with 134 before reporting healthy"));
        _install.Layout.ReadCurrent().Should().Be("1.0.0");
        _install.Layout.ReadTrial().Should().BeNull();
        _install.Layout.ReadRejected().Should().ContainKey("1.1.0").WhoseValue.Should().Contain("134");
    }

    [Fact]
    public async Task A_version_that_never_reports_healthy_is_stopped_and_rolled_back_at_the_deadline()
    {
        _install.Install("1.1.0", "echo \"1.1.0 hanging\"\nexec sleep 600\n");
        await using var launcher = _install.StartLauncher(healthTimeoutSeconds: 2);

        (await launcher.WaitForExitAsync(Deadline)).Should().Be(0, string.Join('\n', launcher.Output));

        launcher.Output.Should().ContainInOrder("1.1.0 hanging", "1.0.0 back after rollback");
        launcher.Output.Should().Contain(l => l.Contains("did not report healthy within 2 s"));
        _install.Layout.ReadCurrent().Should().Be("1.0.0");
        _install.Layout.IsRejected("1.1.0").Should().BeTrue();
    }

    [Fact]
    public async Task A_launcher_killed_during_a_trial_resumes_the_trial_on_its_next_start()
    {
        _install.Install("1.1.0", "echo \"1.1.0 hanging\"\nexec sleep 600\n");
        await using (var first = _install.StartLauncher(healthTimeoutSeconds: 600))
        {
            await first.WaitForLineAsync(l => l == "1.1.0 hanging", Deadline);
            await first.KillAsync();
        }

        _install.Layout.ReadCurrent().Should().Be("1.1.0");
        _install.Layout.ReadTrial().Should().NotBeNull("the trial outlives the launcher");

        await using var second = _install.StartLauncher(healthTimeoutSeconds: 1);
        (await second.WaitForExitAsync(Deadline)).Should().Be(0, string.Join('\n', second.Output));

        _install.Layout.ReadCurrent().Should().Be("1.0.0");
        _install.Layout.IsRejected("1.1.0").Should().BeTrue();
    }

    [Fact]
    public async Task A_switch_interrupted_before_the_pointer_moved_is_forgotten()
    {
        _install.Install("1.1.0", "exit 9\n");

        // The trial was written, then the process died before the pointer's rename.
        File.WriteAllText(_install.Layout.TrialFile, "1.1.0\n1.0.0\n");
        File.WriteAllText(Path.Combine(_install.Root, "rejected-versions"), "1.1.0\tearlier\n");
        await using var launcher = _install.StartLauncher(healthTimeoutSeconds: 30);

        (await launcher.WaitForExitAsync(Deadline)).Should().Be(0, string.Join('\n', launcher.Output));

        launcher.Output.Should().Contain("1.0.0 back after rollback");
        launcher.Output.Should().NotContain(l => l.Contains("on trial"));
        _install.Layout.ReadTrial().Should().BeNull();
    }

    [Fact]
    public async Task With_nothing_installed_the_launcher_says_so_and_exits()
    {
        File.Delete(_install.Layout.CurrentFile);
        await using var launcher = _install.StartLauncher(healthTimeoutSeconds: 30);

        (await launcher.WaitForExitAsync(Deadline)).Should().Be(3);
        launcher.Output.Should().Contain(l => l.Contains("no installed version"));
    }
}

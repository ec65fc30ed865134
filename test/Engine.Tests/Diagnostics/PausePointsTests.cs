using QbConnector.Engine.Diagnostics;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Diagnostics;

public sealed class PausePointsTests : IDisposable
{
    // Unique names: the configuration is process-wide and other tests run engine code meanwhile.
    private readonly string _name = "test.point-" + Guid.NewGuid().ToString("N");
    private readonly StringWriter _output = new();

    [Fact]
    public async Task The_configured_occurrence_freezes_the_thread_and_says_so()
    {
        PausePoints.Configure(_name + "#2", _output);
        var passed = 0;
        var thread = new Thread(() =>
        {
            PausePoints.Reach(_name);
            Interlocked.Increment(ref passed);
            PausePoints.Reach(_name);
            Interlocked.Increment(ref passed);
        }) { IsBackground = true };
        thread.Start();

        await Eventually.TrueAsync(() => Output().Contains(PausePoints.PausedLine(_name), StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        Volatile.Read(ref passed).Should().Be(1, "the first occurrence passes and the second freezes");
        thread.IsAlive.Should().BeTrue();
    }

    [Fact]
    public void Other_points_and_an_unconfigured_engine_pass_straight_through()
    {
        PausePoints.Configure(null, _output);
        PausePoints.Reach(_name);
        PausePoints.Configure(_name, _output);
        PausePoints.Reach(_name + ".other");
        Output().Should().BeEmpty();
    }

    [Theory]
    [InlineData("page.fetched#0")]
    [InlineData("page.fetched#x")]
    [InlineData("page.fetched#-1")]
    public void A_malformed_point_is_refused(string spec)
    {
        var configure = () => PausePoints.Configure(spec, _output);
        configure.Should().Throw<ArgumentException>().WithMessage("*NAME#N*");
    }

    public void Dispose()
    {
        PausePoints.Configure(null, _output);
        _output.Dispose();
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}

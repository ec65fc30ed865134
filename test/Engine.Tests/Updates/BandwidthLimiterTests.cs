using QbConnector.Engine.Updates.Download;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Updates;

public sealed class BandwidthLimiterTests
{
    [Fact]
    public async Task Transfers_beyond_the_first_seconds_burst_wait_for_the_clock()
    {
        var time = new ManualTimeProvider();
        var limiter = new BandwidthLimiter(1000, time);

        await limiter.AcquireAsync(1000, CancellationToken.None);
        var next = limiter.AcquireAsync(500, CancellationToken.None).AsTask();

        next.IsCompleted.Should().BeFalse("the burst is spent");
        time.Advance(TimeSpan.FromMilliseconds(400));
        next.IsCompleted.Should().BeFalse();
        time.Advance(TimeSpan.FromMilliseconds(100));
        await next.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Ten_kilobytes_at_one_kilobyte_a_second_take_nine_seconds_after_the_burst()
    {
        var time = new ManualTimeProvider();
        var limiter = new BandwidthLimiter(1000, time);
        var start = time.GetUtcNow();

        var transfer = Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await limiter.AcquireAsync(100, CancellationToken.None);
            }
        });
        while (!transfer.IsCompleted)
        {
            await Eventually.TrueAsync(() => transfer.IsCompleted || time.ActiveTimerCount > 0, TimeSpan.FromSeconds(5));
            time.Advance(TimeSpan.FromMilliseconds(50));
        }

        await transfer;
        (time.GetUtcNow() - start).TotalSeconds.Should().BeApproximately(9, 0.2);
    }
}

namespace QbConnector.Engine.Updates.Download;

/// <summary>
/// A token bucket over bytes: at most <c>bytesPerSecond</c> on average, with one second's worth
/// of burst, so a background download never crowds out the person's own use of the line.
/// </summary>
public sealed class BandwidthLimiter
{
    private readonly long _bytesPerSecond;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _lastRefill;

    public BandwidthLimiter(long bytesPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytesPerSecond);
        ArgumentNullException.ThrowIfNull(time);
        _bytesPerSecond = bytesPerSecond;
        _time = time;
        _tokens = bytesPerSecond;
        _lastRefill = time.GetTimestamp();
    }

    /// <summary>Waits until <paramref name="bytes"/> may be transferred, then takes them from the bucket.</summary>
    public async ValueTask AcquireAsync(int bytes, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Refill();
        while (_tokens < bytes)
        {
            var missing = Math.Min(bytes, _bytesPerSecond) - _tokens;
            var wait = TimeSpan.FromSeconds(Math.Max(missing, 1) / _bytesPerSecond);
            await Task.Delay(wait, _time, cancellation).ConfigureAwait(false);
            Refill();
            if (bytes > _bytesPerSecond && _tokens >= _bytesPerSecond)
            {
                // A chunk bigger than the burst goes through once the bucket is full, paid for below.
                break;
            }
        }

        _tokens -= bytes;
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        var elapsed = _time.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_bytesPerSecond, _tokens + (elapsed.TotalSeconds * _bytesPerSecond));
    }
}

using QbConnector.Engine.Updates.Download;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>
/// A disk with little room left: files opened through it share a byte budget, and a write past it
/// fails as a full disk does (IOException with ENOSPC), after writing what fitted.
/// </summary>
internal sealed class DiskQuota(long bytes)
{
    private long _remaining = bytes;

    public bool Exhausted => Interlocked.Read(ref _remaining) <= 0;

    public void Grow(long bytes) => Interlocked.Add(ref _remaining, bytes);

    public Stream Open(string path, FileMode mode) => new QuotaStream(this, new FileStream(path, mode, FileAccess.Write, FileShare.None));

    private int Take(int wanted)
    {
        while (true)
        {
            var remaining = Interlocked.Read(ref _remaining);
            var granted = (int)Math.Clamp(remaining, 0, wanted);
            if (Interlocked.CompareExchange(ref _remaining, remaining - granted, remaining) == remaining)
            {
                return granted;
            }
        }
    }

    private sealed class QuotaStream(DiskQuota quota, FileStream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var granted = quota.Take(buffer.Length);
            inner.Write(buffer[..granted]);
            if (granted < buffer.Length)
            {
                inner.Flush();
                throw new IOException("No space left on device", DiskErrors.Enospc);
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

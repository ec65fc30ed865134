using System.Net;
using System.Net.Http.Headers;

namespace QbConnector.Engine.Updates.Download;

/// <summary>
/// Fetches a package into a partial file, continuing where an earlier attempt stopped (HTTP
/// Range) when the server allows it and starting over when it does not. Integrity is not judged
/// here: whatever the partial file holds is checked against the announced SHA-256 afterwards.
/// </summary>
public sealed class PackageDownloader(HttpClient http, BandwidthLimiter? limiter, Func<string, FileMode, Stream> openFile)
{
    private const int ChunkBytes = 16 * 1024;

    public async Task<DownloadResult> DownloadAsync(Uri url, string partialFile, long maxBytes, IProgress<(long Received, long? Total)>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(url);
        var existing = File.Exists(partialFile) ? new FileInfo(partialFile).Length : 0;
        if (existing > maxBytes)
        {
            File.Delete(partialFile);
            existing = 0;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (existing > 0)
        {
            request.Headers.Range = new RangeHeaderValue(existing, null);
        }

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && existing > 0)
        {
            // The partial file already holds every byte; the hash check decides whether they are right.
            return new DownloadResult(existing, existing);
        }

        response.EnsureSuccessStatusCode();
        var resumed = response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == existing;
        var offset = resumed ? existing : 0;
        long? total = response.Content.Headers.ContentLength is { } length ? offset + length : null;
        if (total > maxBytes)
        {
            throw new InvalidDataException($"The package is {total} bytes, above the limit of {maxBytes}.");
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellation).ConfigureAwait(false);
        await using var file = openFile(partialFile, resumed ? FileMode.Append : FileMode.Create);
        var buffer = new byte[ChunkBytes];
        var received = offset;
        progress?.Report((received, total));
        while (true)
        {
            var read = await body.ReadAsync(buffer, cancellation).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            received += read;
            if (received > maxBytes)
            {
                throw new InvalidDataException($"The package exceeds the limit of {maxBytes} bytes.");
            }

            await file.WriteAsync(buffer.AsMemory(0, read), cancellation).ConfigureAwait(false);
            progress?.Report((received, total));

            // Paid for after writing, so a download held back by the limit has kept all it received.
            if (limiter is not null)
            {
                await limiter.AcquireAsync(read, cancellation).ConfigureAwait(false);
            }
        }

        await file.FlushAsync(cancellation).ConfigureAwait(false);
        return new DownloadResult(received, offset);
    }
}

using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Net.Sockets;
using System.IO.Pipes;
using QbConnector.Engine.Control.Contracts;
using QbConnector.Engine.Hosting;

namespace QbConnector.Engine.Control;

/// <summary>The CLI's and the tray's way to the running engine's control API.</summary>
public sealed class ControlClient : IDisposable
{
    private readonly HttpClient _http;

    public ControlClient(DataDirectory data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, ct) =>
            {
                if (OperatingSystem.IsWindows())
                {
                    var pipe = new NamedPipeClientStream(".", ControlEndpoint.PipeName(data), PipeDirection.InOut, PipeOptions.Asynchronous);
                    await pipe.ConnectAsync(ct);
                    return pipe;
                }

                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(ControlEndpoint.SocketPath(data)), ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = new Uri("http://engine/"), Timeout = TimeSpan.FromMinutes(5) };
    }

    public Task<EngineStatus> GetStatusAsync(CancellationToken ct = default) => SendAsync<EngineStatus>(HttpMethod.Get, "status", null, ct);

    public Task<CommandResult> LinkAsync(LinkCompanyRequest request, CancellationToken ct = default) => SendAsync<CommandResult>(HttpMethod.Post, "companies", request, ct);

    public Task<CommandResult> SyncAsync(SyncRequest request, CancellationToken ct = default) => SendAsync<CommandResult>(HttpMethod.Post, "sync", request, ct);

    public Task<CommandResult> PauseAsync(PauseRequest request, CancellationToken ct = default) => SendAsync<CommandResult>(HttpMethod.Post, "pause", request, ct);

    public Task<CommandResult> ResumeAsync(string? companyId, CancellationToken ct = default) =>
        SendAsync<CommandResult>(HttpMethod.Post, companyId is null ? "resume" : $"resume?company={Uri.EscapeDataString(companyId)}", null, ct);

    public Task<CommandResult> UnlinkAsync(string companyId, CancellationToken ct = default) =>
        SendAsync<CommandResult>(HttpMethod.Delete, $"companies/{Uri.EscapeDataString(companyId)}", null, ct);

    public Task<LicenceInfo> DescribeLicenceAsync(string licenceKey, CancellationToken ct = default) =>
        SendAsync<LicenceInfo>(HttpMethod.Get, $"licences/{Uri.EscapeDataString(licenceKey)}", null, ct);

    /// <summary>
    /// The engine's status now and then each time it changes, until the engine goes away (the
    /// sequence ends, or throws <see cref="EngineNotRunningException"/> if it could not be reached).
    /// </summary>
    public async IAsyncEnumerable<EngineStatus> WatchStatusAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "status/stream");
        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body, Encoding.UTF8);
        var data = new StringBuilder();
        while (await ReadLineAsync(reader, ct) is { } line)
        {
            if (line.Length == 0)
            {
                if (data.Length > 0)
                {
                    var status = JsonSerializer.Deserialize<EngineStatus>(data.ToString(), ControlServer.Json);
                    data.Clear();
                    if (status is not null)
                    {
                        yield return status;
                    }
                }
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data.Append(line.AsSpan(5).TrimStart(' '));
            }
        }
    }

    public void Dispose() => _http.Dispose();

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken ct)
    {
        try
        {
            return await reader.ReadLineAsync(ct);
        }
        catch (IOException)
        {
            // The engine stopped mid-stream: the same as the stream ending.
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // A connection aborted by the engine's shutdown surfaces as a cancellation.
            return null;
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken ct)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new EngineNotRunningException("The connector engine is not running for this data folder. Start it with the 'run' verb (it also starts by itself at log-on once installed).", ex);
        }

        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                ProblemBody? problem = null;
                try
                {
                    problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ControlServer.Json, ct);
                }
                catch (System.Text.Json.JsonException)
                {
                    // No problem body: the status code says enough.
                }

                throw new ControlException((int)response.StatusCode, problem?.Title ?? $"The engine answered {(int)response.StatusCode}.");
            }
        }

        return response;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlServer.Json);
        }

        using var response = await SendRawAsync(request, HttpCompletionOption.ResponseContentRead, ct);
        return (await response.Content.ReadFromJsonAsync<T>(ControlServer.Json, ct))!;
    }

    private sealed record ProblemBody(string? Title, string? Detail);
}

using System.Net.Http.Json;
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

    public void Dispose() => _http.Dispose();

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: ControlServer.Json);
        }

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            throw new EngineNotRunningException("The connector engine is not running for this data folder. Start it with the 'run' verb (it also starts by itself at log-on once installed).", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                var problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ControlServer.Json, ct);
                throw new ControlException((int)response.StatusCode, problem?.Title ?? $"The engine answered {(int)response.StatusCode}.");
            }

            return (await response.Content.ReadFromJsonAsync<T>(ControlServer.Json, ct))!;
        }
    }

    private sealed record ProblemBody(string? Title, string? Detail);
}

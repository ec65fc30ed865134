using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Tests.Grpc;

/// <summary>
/// A stand-in connector over real h2c on loopback: links with the contract's client, opens the
/// Connect stream and records everything the cloud sends down it.
/// </summary>
internal sealed class TestConnector : IAsyncDisposable
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly List<ServerMessage> _received = [];
    private readonly HashSet<int> _taken = [];
    private readonly AsyncDuplexStreamingCall<ClientMessage, ServerMessage> _call;
    private readonly Task _pump;
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private TestConnector(AsyncDuplexStreamingCall<ClientMessage, ServerMessage> call)
    {
        _call = call;
        _pump = PumpAsync();
    }

    /// <summary>How the stream ended: null while open or if it ended with OK.</summary>
    public RpcException? EndedWith { get; private set; }

    public bool Ended => _pump.IsCompleted;

    public static GrpcChannel Channel(int port) => GrpcChannel.ForAddress($"http://127.0.0.1:{port}");

    public static async Task<LinkResponse> LinkAsync(GrpcChannel channel, string licenceKey, Region region = Region.Us, string fingerprint = "fp-1", string? credential = null)
    {
        var client = new ConnectorServiceClient(channel.CreateCallInvoker());
        var request = new LinkRequest
        {
            LicenceKey = licenceKey,
            Region = region,
            CompanyFile = new CompanyFile { Name = "Rock Castle Construction.QBW", Fingerprint = fingerprint },
            ConnectorVersion = "1.0.0",
            Machine = new MachineFacts { Os = "Windows 11", MachineNameHash = "0f", QuickbooksProduct = "QuickBooks Desktop Pro", QuickbooksVersion = "34.0" },
        };
        return await client.LinkAsync(request, credential is null ? null : ConnectorServiceDescriptors.BearerHeaders(credential), DateTime.UtcNow.AddSeconds(30));
    }

    public static async Task<TestConnector> ConnectAsync(GrpcChannel channel, string? credential, bool sayHello = true)
    {
        var client = new ConnectorServiceClient(channel.CreateCallInvoker());
        var headers = credential is null ? new Metadata() : ConnectorServiceDescriptors.BearerHeaders(credential);
        var connector = new TestConnector(client.Connect(headers));
        if (sayHello)
        {
            await connector.SendAsync(new ClientMessage { Hello = new Hello { ConnectorVersion = "1.0.0" } });
        }

        return connector;
    }

    public Task SendAsync(ClientMessage message) => _call.RequestStream.WriteAsync(message);

    public Task CompleteAsync() => _call.RequestStream.CompleteAsync();

    /// <summary>The first message not taken yet that matches; waits for it with a deadline.</summary>
    public async Task<ServerMessage> NextAsync(Func<ServerMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
        while (true)
        {
            var pumpDone = _pump.IsCompleted;
            Task arrived;
            lock (_gate)
            {
                for (var i = 0; i < _received.Count; i++)
                {
                    if (!_taken.Contains(i) && match(_received[i]))
                    {
                        _taken.Add(i);
                        return _received[i];
                    }
                }

                arrived = _arrived.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (pumpDone || left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No matching message; the stream {(pumpDone ? $"ended with {EndedWith?.StatusCode.ToString() ?? "OK"}" : "is open")}. Received: {string.Join(", ", Snapshot().Select(m => m.BodyCase))}");
            }

            await Task.WhenAny(arrived, _pump, Task.Delay(left));
        }
    }

    public Task<ServerMessage> NextWorkAsync() => NextAsync(m => m.BodyCase == ServerMessage.BodyOneofCase.Work);

    public Task<ServerMessage> AckAsync(ulong sequence) => NextAsync(m => m.Ack is { } ack && ack.Sequence == sequence);

    public IReadOnlyList<ServerMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _received];
        }
    }

    /// <summary>Waits for the stream to end and returns its non-OK status (or null for OK).</summary>
    public async Task<RpcException?> EndAsync(TimeSpan? timeout = null)
    {
        await _pump.WaitAsync(timeout ?? DefaultWait);
        return EndedWith;
    }

    public async ValueTask DisposeAsync()
    {
        _call.Dispose();
        try
        {
            await _pump.WaitAsync(DefaultWait);
        }
        catch (TimeoutException)
        {
            // Disposal cancels the call; a pump that outlives it is the test's failure to report, not this cleanup's.
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            while (await _call.ResponseStream.MoveNext(CancellationToken.None))
            {
                lock (_gate)
                {
                    _received.Add(_call.ResponseStream.Current);
                    var arrived = _arrived;
                    _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    arrived.SetResult();
                }
            }
        }
        catch (RpcException e)
        {
            EndedWith = e;
        }
        finally
        {
            lock (_gate)
            {
                _arrived.TrySetResult();
            }
        }
    }
}

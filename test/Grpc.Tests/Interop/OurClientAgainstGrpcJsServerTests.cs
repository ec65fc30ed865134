using System.Diagnostics;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>The project's client against grpc-js's server.</summary>
public sealed class OurClientAgainstGrpcJsServerTests : InteropClientCases
{
    private Process? _node;

    protected override async Task<Uri> StartServerAsync()
    {
        var (process, port) = await NodeProcess.StartServerAsync();
        _node = process;
        return new Uri($"http://127.0.0.1:{port}");
    }

    protected override Task StopServerAsync()
    {
        if (_node is not null)
        {
            NodeProcess.Stop(_node);
            _node.Dispose();
        }

        return Task.CompletedTask;
    }
}

using System.Net;
using System.Net.Sockets;
using QbConnector.TestSupport.Network;

namespace QbConnector.Engine.Tests.Support;

/// <summary>The network-fault proxy used by the end-to-end tests must itself be trustworthy.</summary>
public sealed class TcpFaultProxyTests : IAsyncDisposable
{
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly Task _echoLoop;

    public TcpFaultProxyTests()
    {
        _echo.Start();
        _echoLoop = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _echo.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await client.GetStream().CopyToAsync(client.GetStream());
                        }
                        catch (IOException)
                        {
                            // Dropped by the test.
                        }
                    }
                });
            }
        });
    }

    private int EchoPort => ((IPEndPoint)_echo.LocalEndpoint).Port;

    public async ValueTask DisposeAsync()
    {
        _echo.Stop();
        await _echoLoop;
    }

    [Fact]
    public async Task Bytes_pass_through_both_ways()
    {
        await using var proxy = new TcpFaultProxy(EchoPort);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);

        (await RoundTripAsync(client, "hello")).Should().Be("hello");
        proxy.AcceptedConnections.Should().Be(1);
    }

    [Fact]
    public async Task Dropping_breaks_open_connections_but_new_ones_work()
    {
        await using var proxy = new TcpFaultProxy(EchoPort);
        using var first = new TcpClient();
        await first.ConnectAsync(IPAddress.Loopback, proxy.Port);
        await RoundTripAsync(first, "a");

        proxy.DropAll();

        var read = async () =>
        {
            var buffer = new byte[1];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await first.GetStream().WriteAsync(new byte[] { 1 }, timeout.Token);
            if (await first.GetStream().ReadAsync(buffer, timeout.Token) == 0)
            {
                throw new IOException("closed");
            }
        };
        await read.Should().ThrowAsync<IOException>();

        using var second = new TcpClient();
        await second.ConnectAsync(IPAddress.Loopback, proxy.Port);
        (await RoundTripAsync(second, "b")).Should().Be("b");
    }

    [Fact]
    public async Task Stalled_traffic_flows_again_after_resume()
    {
        await using var proxy = new TcpFaultProxy(EchoPort);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, proxy.Port);
        proxy.Stall();

        await client.GetStream().WriteAsync("x"u8.ToArray());
        var buffer = new byte[1];
        var pending = client.GetStream().ReadAsync(buffer).AsTask();
        var first = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(300)));
        first.Should().NotBeSameAs(pending, "nothing may pass while stalled");

        proxy.Resume();
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(1);
    }

    private static async Task<string> RoundTripAsync(TcpClient client, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        await client.GetStream().WriteAsync(bytes);
        var buffer = new byte[bytes.Length];
        await client.GetStream().ReadExactlyAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        return System.Text.Encoding.UTF8.GetString(buffer);
    }
}

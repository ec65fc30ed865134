using System.Threading.Channels;
using QbConnector.Engine.Actors.Core;

namespace QbConnector.Engine.Tests.Actors.Support;

/// <summary>An actor that records what it receives, so a test can await messages in order.</summary>
internal sealed class Probe
{
    private readonly Channel<(object Message, IActorRef Sender)> _received = Channel.CreateUnbounded<(object, IActorRef)>();

    public Probe(ActorSystem system, string? name = null) => Ref = system.ActorOf(Props.Create(() => new ProbeActor(_received.Writer)), name);

    public IActorRef Ref { get; }

    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    public async Task<T> ExpectAsync<T>(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var (message, sender) = await _received.Reader.ReadAsync(cts.Token);
        LastSender = sender;
        return message.Should().BeAssignableTo<T>().Subject;
    }

    public async Task<T> ExpectAsync<T>(T expected)
    {
        var actual = await ExpectAsync<T>();
        actual.Should().Be(expected);
        return actual;
    }

    /// <summary>True when nothing has arrived yet (a snapshot, not a wait).</summary>
    public bool IsEmpty => !_received.Reader.TryPeek(out _);

    private sealed class ProbeActor(ChannelWriter<(object, IActorRef)> writer) : ActorBase
    {
        protected override bool Receive(object message)
        {
            writer.TryWrite((message, Sender));
            return true;
        }
    }
}

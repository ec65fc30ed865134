using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;

namespace QbConnector.Benchmarks.Actors;

/// <summary>
/// The kernel's Tell throughput (one sender, one actor) and Ask round trips, next to the anchors
/// measured in the same run: a bare Channel producer/consumer pair and a ping-pong over two channels.
/// </summary>
[MemoryDiagnoser]
public class ActorKernelBenchmarks
{
    private const int Messages = 200_000;
    private const int RoundTrips = 20_000;
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(30);

    private ActorSystem _system = null!;
    private IActorRef _counter = null!;
    private IActorRef _echo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _system = ActorSystem.Create("bench");
        _counter = _system.ActorOf(Props.Create(() => new Countdown()));
        _echo = _system.ActorOf(Props.Create(() => new Echo()));
    }

    [GlobalCleanup]
    public void Cleanup() => _system.Terminate().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = Messages, Description = "Kernel: Tell, 1 sender -> 1 actor")]
    public Task Tell_throughput()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _counter.Tell(new Expect(Messages, done));
        for (var i = 0; i < Messages; i++)
        {
            _counter.Tell(i);
        }

        return done.Task;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "Kernel: Ask round trip")]
    public async Task Ask_round_trips()
    {
        for (var i = 0; i < RoundTrips; i++)
        {
            await _echo.Ask<int>(i, AskTimeout);
        }
    }

    [Benchmark(OperationsPerInvoke = Messages, Description = "Anchor: Channel producer/consumer")]
    public async Task Channel_producer_consumer()
    {
        var channel = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var consumer = Task.Run(async () =>
        {
            var count = 0;
            while (count < Messages && await channel.Reader.WaitToReadAsync())
            {
                while (channel.Reader.TryRead(out _))
                {
                    count++;
                }
            }
        });
        for (var i = 0; i < Messages; i++)
        {
            channel.Writer.TryWrite(i);
        }

        await consumer;
    }

    [Benchmark(OperationsPerInvoke = RoundTrips, Description = "Anchor: Channel ping-pong")]
    public async Task Channel_ping_pong()
    {
        var requests = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var replies = Channel.CreateUnbounded<int>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var responder = Task.Run(async () =>
        {
            await foreach (var request in requests.Reader.ReadAllAsync())
            {
                replies.Writer.TryWrite(request);
            }
        });
        for (var i = 0; i < RoundTrips; i++)
        {
            requests.Writer.TryWrite(i);
            await replies.Reader.ReadAsync();
        }

        requests.Writer.Complete();
        await responder;
    }

    private sealed record Expect(int Count, TaskCompletionSource Done);

    private sealed class Countdown : ActorBase
    {
        private int _remaining;
        private TaskCompletionSource? _done;

        protected override bool Receive(object message)
        {
            if (message is Expect expect)
            {
                _remaining = expect.Count;
                _done = expect.Done;
            }
            else if (--_remaining == 0)
            {
                _done!.SetResult();
            }

            return true;
        }
    }

    private sealed class Echo : ActorBase
    {
        protected override bool Receive(object message)
        {
            Sender.Tell(message, Self);
            return true;
        }
    }
}

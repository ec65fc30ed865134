using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Core.Events;
using QbConnector.Engine.Tests.Actors.Support;
using QbConnector.TestSupport;

namespace QbConnector.Engine.Tests.Actors.Core;

public sealed class AskTests : ActorTestKit
{
    [Fact]
    public async Task Ask_completes_with_the_reply_and_releases_the_temporary_target()
    {
        var echo = System.ActorOf(Props.Create(() => new Echo()));

        var reply = await echo.Ask<string>("hello", Timeout);

        reply.Should().Be("echo:hello");
        System.TemporaryRefCount.Should().Be(0);
    }

    [Fact]
    public async Task Ask_without_reply_fails_with_AskTimeoutException_when_the_clock_passes_the_timeout()
    {
        var silent = System.ActorOf(Props.Create(() => new Silent()));
        var ask = silent.Ask<string>("anyone?", TimeSpan.FromSeconds(3));

        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(2));
        ask.IsCompleted.Should().BeFalse("the timeout has not passed yet");
        Clock.Advance(TimeSpan.FromSeconds(1));

        await FluentActions.Awaiting(() => ask).Should().ThrowAsync<AskTimeoutException>();
        System.TemporaryRefCount.Should().Be(0);
        Clock.ActiveTimerCount.Should().Be(0, "the timeout timer is disposed");
    }

    [Fact]
    public async Task A_reply_after_the_timeout_is_a_dead_letter_not_a_completion()
    {
        var late = System.ActorOf(Props.Create(() => new ReplyLater()));
        var ask = late.Ask<string>("question", TimeSpan.FromSeconds(1));
        await AdvanceWhenTimersAsync(TimeSpan.FromSeconds(1));
        await FluentActions.Awaiting(() => ask).Should().ThrowAsync<AskTimeoutException>();

        late.Tell("answer-now");

        await WaitForDeadLetter(d => Equals(d.Message, "late answer") && d.Recipient.Path.StartsWith("/temp/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Status_Failure_reply_faults_the_ask_with_its_cause()
    {
        var echo = System.ActorOf(Props.Create(() => new Echo()));

        var ask = echo.Ask<string>("fail", Timeout);

        (await FluentActions.Awaiting(() => ask).Should().ThrowAsync<InvalidOperationException>()).WithMessage("no");
    }

    [Fact]
    public async Task A_reply_of_another_type_is_an_InvalidCastException()
    {
        var echo = System.ActorOf(Props.Create(() => new Echo()));

        await FluentActions.Awaiting(() => echo.Ask<int>("hello", Timeout)).Should().ThrowAsync<InvalidCastException>();
    }

    [Fact]
    public async Task Cancelling_an_ask_releases_its_target()
    {
        var silent = System.ActorOf(Props.Create(() => new Silent()));
        using var cts = new CancellationTokenSource();
        var ask = silent.Ask<string>("x", Timeout, cts.Token);

        await cts.CancelAsync();

        await FluentActions.Awaiting(() => ask).Should().ThrowAsync<OperationCanceledException>();
        System.TemporaryRefCount.Should().Be(0);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            Receive<string>(s => s == "fail", _ => Sender.Tell(new Status.Failure(new InvalidOperationException("no")), Self));
            Receive<string>(s => Sender.Tell("echo:" + s, Self));
        }
    }

    private sealed class Silent : ReceiveActor
    {
        public Silent() => ReceiveAny(_ => { });
    }

    private sealed class ReplyLater : ReceiveActor
    {
        private IActorRef? _asker;

        public ReplyLater()
        {
            Receive<string>(s => s == "question", _ => _asker = Sender);
            Receive<string>(s => s == "answer-now", _ => _asker!.Tell("late answer", Self));
        }
    }
}

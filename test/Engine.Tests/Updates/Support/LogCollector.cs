using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;

namespace QbConnector.Engine.Tests.Updates.Support;

/// <summary>Keeps every log event rendered, so a test can see that a refusal was logged with its reason.</summary>
internal sealed class LogCollector : ILogEventSink
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Messages => _messages;

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        _messages.Enqueue($"{logEvent.Level}: {logEvent.RenderMessage(CultureInfo.InvariantCulture)}");
    }
}

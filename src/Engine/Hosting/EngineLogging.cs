using Serilog;
using Serilog.Events;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// The engine's Serilog pipeline: structured events to daily rolling files under the data
/// folder (kept 14 days), and to the console when a person is watching. Company and work item
/// come from the log context (LogContext.PushProperty), so every event of a sync carries them.
/// </summary>
public static class EngineLogging
{
    public const string OutputTemplate =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj}{CompanyScope}{WorkScope} <{SourceContext}>{NewLine}{Exception}";

    public static LoggerConfiguration Configure(LoggerConfiguration configuration, DataDirectory dataDirectory, bool console, LogEventLevel minimumLevel = LogEventLevel.Information)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(dataDirectory);
        configuration = configuration
            .MinimumLevel.Is(minimumLevel)
            .Enrich.FromLogContext()
            .Enrich.With<ScopeFormatter>()
            .WriteTo.Async(sink => sink.File(
                Path.Combine(dataDirectory.LogsFolder, "engine-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14,
                fileSizeLimitBytes: 50L * 1024 * 1024,
                rollOnFileSizeLimit: true,
                outputTemplate: OutputTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        if (console)
        {
            configuration = configuration.WriteTo.Console(outputTemplate: OutputTemplate, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        return configuration;
    }

    /// <summary>Renders the company and work-item properties as " company=… work=…" when present.</summary>
    private sealed class ScopeFormatter : Serilog.Core.ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("CompanyScope", Render(logEvent, "Company", " company=")));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("WorkScope", Render(logEvent, "WorkItem", " work=")));
        }

        private static string Render(LogEvent logEvent, string name, string prefix) =>
            logEvent.Properties.TryGetValue(name, out var value) ? prefix + value.ToString().Trim('"') : "";
    }
}

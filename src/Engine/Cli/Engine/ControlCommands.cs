using System.CommandLine;
using System.Text.Json;
using QbConnector.Engine.Control;
using QbConnector.Engine.Control.Contracts;

namespace QbConnector.Engine.Cli.Engine;

/// <summary><c>link</c>, <c>status</c>, <c>sync</c>, <c>pause</c>, <c>resume</c>, <c>unlink</c>: commands for the running engine, through its control API.</summary>
internal static class ControlCommands
{
    private static readonly JsonSerializerOptions Json = new(ControlServer.Json) { WriteIndented = true };

    public static Command Link()
    {
        var dataDir = CommonOptions.DataDir();
        var key = new Option<string>("--license-key", "--licence-key") { Description = "The platform's licence key (its company id).", Required = true };
        var file = new Option<string>("--company-file") { Description = "The QuickBooks company file (.QBW).", Required = true };
        var region = new Option<string>("--region") { Description = "US, CA or UK.", Required = true };
        region.AcceptOnlyFromAmong("US", "CA", "UK");
        var cloud = new Option<string?>("--cloud") { Description = "The cloud's address (the engine's own when omitted)." };
        var command = new Command("link", "Links a company file to the platform.") { dataDir, key, file, region, cloud };
        command.SetAction((result, ct) => Call(result, dataDir, (client, token) =>
            client.LinkAsync(new LinkCompanyRequest(result.GetValue(key)!, result.GetValue(file)!, result.GetValue(region)!, result.GetValue(cloud)), token), ct));
        return command;
    }

    public static Command Status()
    {
        var dataDir = CommonOptions.DataDir();
        var json = new Option<bool>("--json") { Description = "Machine-readable output." };
        var command = new Command("status", "Shows every linked company: state, current work, last syncs, problems.") { dataDir, json };
        command.SetAction(async (result, ct) =>
        {
            using var client = new ControlClient(CommonOptions.Resolve(result.GetValue(dataDir)));
            try
            {
                var status = await client.GetStatusAsync(ct);
                result.InvocationConfiguration.Output.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(status, Json) : Describe(status));
                return 0;
            }
            catch (Exception ex) when (ex is EngineNotRunningException or ControlException)
            {
                result.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    public static Command Sync()
    {
        var dataDir = CommonOptions.DataDir();
        var company = new Option<string?>("--company") { Description = "The company id (all companies when omitted)." };
        var types = new Option<string[]>("--data-type") { Description = "A data type to sync (repeatable; all when omitted).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("sync", "Syncs now.") { dataDir, company, types };
        command.SetAction((result, ct) => Call(result, dataDir, (client, token) =>
            client.SyncAsync(new SyncRequest(result.GetValue(company), result.GetValue(types) is { Length: > 0 } chosen ? chosen : null), token), ct));
        return command;
    }

    public static Command Pause()
    {
        var dataDir = CommonOptions.DataDir();
        var company = new Option<string?>("--company") { Description = "The company id (all companies when omitted)." };
        var duration = new Option<TimeSpan?>("--for")
        {
            Description = $"How long, as {Durations.Help} (until resumed when omitted).",
            CustomParser = argument =>
            {
                var text = argument.Tokens.Count == 1 ? argument.Tokens[0].Value : null;
                var parsed = Durations.TryParse(text, out var error);
                if (error is not null)
                {
                    argument.AddError(error);
                }

                return parsed;
            },
        };
        var command = new Command("pause", "Pauses syncing for one company or all, for a while or until resumed.") { dataDir, company, duration };
        command.SetAction((result, ct) => Call(result, dataDir, (client, token) =>
            client.PauseAsync(new PauseRequest(result.GetValue(company), result.GetValue(duration)), token), ct));
        return command;
    }

    public static Command Resume()
    {
        var dataDir = CommonOptions.DataDir();
        var company = new Option<string?>("--company") { Description = "The company id (all companies when omitted)." };
        var command = new Command("resume", "Ends a pause for one company or all.") { dataDir, company };
        command.SetAction((result, ct) => Call(result, dataDir, (client, token) => client.ResumeAsync(result.GetValue(company), token), ct));
        return command;
    }

    public static Command Unlink()
    {
        var dataDir = CommonOptions.DataDir();
        var company = new Option<string>("--company") { Description = "The company id to unlink (as 'status' shows it).", Required = true };
        var command = new Command("unlink", "Unlinks a company: its work stops, its unsent data and credential on this PC are deleted, and the platform is told.") { dataDir, company };
        command.SetAction((result, ct) => Call(result, dataDir, (client, token) => client.UnlinkAsync(result.GetValue(company)!, token), ct));
        return command;
    }

    private static async Task<int> Call(ParseResult result, Option<string?> dataDir, Func<ControlClient, CancellationToken, Task<CommandResult>> call, CancellationToken ct)
    {
        using var client = new ControlClient(CommonOptions.Resolve(result.GetValue(dataDir)));
        try
        {
            var answer = await call(client, ct);
            result.InvocationConfiguration.Output.WriteLine(answer.Message);
            return 0;
        }
        catch (Exception ex) when (ex is EngineNotRunningException or ControlException)
        {
            result.InvocationConfiguration.Error.WriteLine(ex.Message);
            return 1;
        }
    }

    private static string Describe(EngineStatus status)
    {
        var lines = new List<string> { $"Connector {status.Version}: cloud {(status.CloudConnected ? "connected" : "not connected")}" };
        if (status.OneTime is { } oneTime)
        {
            lines.Add(oneTime.Finished ? "One-time link: done; the connector is removing itself from this PC." : "One-time link: once the first sync is done, the connector removes itself from this PC.");
        }

        if (status.Companies.Count == 0)
        {
            lines.Add("No company is linked yet. Link one with: link --license-key KEY --company-file PATH --region US|CA|UK");
        }

        foreach (var company in status.Companies)
        {
            lines.Add($"{company.CompanyName} ({company.CompanyId}): {company.State}");
            lines.Add($"  file: {company.CompanyFile}");
            if (company.Work is { } work)
            {
                var percent = work.Fraction is { } fraction ? $"{Math.Floor(Math.Clamp(fraction, 0, 1) * 100):0} %, " : "";
                var (records, done, total) = work.Run is { } run ? (run.RecordsDone, run.DataTypesDone, run.DataTypesTotal) : (work.RecordsDone, work.DataTypesDone, work.DataTypesTotal);
                lines.Add($"  syncing {work.DataType ?? "…"}: {percent}{records:N0} records, {done} of {total} data types");
            }

            if (company.PausedUntil is { } until)
            {
                lines.Add($"  paused until {until.ToLocalTime():yyyy-MM-dd HH:mm}");
            }

            if (company.NextSyncAt is { } next)
            {
                lines.Add($"  next sync {next.ToLocalTime():yyyy-MM-dd HH:mm}");
            }

            if (company.Problem is { } problem)
            {
                lines.Add($"  needs you: {problem.Message}");
                lines.Add($"  what to do: {problem.Fix}");
            }

            foreach (var (type, at) in company.LastSyncs.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                lines.Add($"  {type,-20} last synced {at.ToLocalTime():yyyy-MM-dd HH:mm}");
            }
        }

        return string.Join(Environment.NewLine, lines);
    }
}

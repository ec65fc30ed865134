using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using QbConnector.QbGateway.Sandbox.Editing;
using QbConnector.QbGateway.Sandbox.Faults;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Stats;

namespace QbConnector.Engine.Cli.Sandbox;

/// <summary><c>sandbox create|edit|stats|state</c>: sample company files for the sandbox QuickBooks.</summary>
internal static class SandboxCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create()
    {
        var command = new Command("sandbox", "Sample company files for the sandbox QuickBooks (the simulator used where QuickBooks is not installed).");
        command.Subcommands.Add(CreateCommand());
        command.Subcommands.Add(EditCommand());
        command.Subcommands.Add(StatsCommand());
        command.Subcommands.Add(StateCommand());
        return command;
    }

    private static Option<string> FileOption() => new("--file") { Description = "The sandbox company file.", Required = true };

    private static Option<int> PositiveOption(string name, string description, int defaultValue, int minimum)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[0].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value < minimum)
            {
                result.AddError($"{name} must be at least {minimum}.");
            }
        });
        return option;
    }

    private static Command CreateCommand()
    {
        var file = FileOption();
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed gives the same company file.", DefaultValueFactory = _ => 1 };
        var scale = PositiveOption("--scale", "Roughly how many records in total (lists, transactions and deletes).", 1_000, 1);
        var country = new Option<string>("--country") { Description = "The QuickBooks edition's region.", DefaultValueFactory = _ => "US" };
        country.AcceptOnlyFromAmong("US", "CA", "UK");
        var name = new Option<string?>("--company-name") { Description = "The company's name (generated when absent)." };
        var asOf = new Option<string?>("--as-of") { Description = "The company's \"today\" (yyyy-MM-dd); history covers the five years before it. Default: today." };
        var command = new Command("create", "Generates a realistic company file.") { file, seed, scale, country, name, asOf };
        command.SetAction(result => Guard(result, () =>
        {
            DateOnly? asOfDate = null;
            if (result.GetValue(asOf) is { } text)
            {
                asOfDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new ArgumentException($"--as-of '{text}' is not a date (yyyy-MM-dd).");
            }

            var path = result.GetValue(file)!;
            if (File.Exists(path))
            {
                throw new ArgumentException($"'{path}' already exists; choose another path or delete it first.");
            }

            var generated = CompanyGenerator.Generate(path, new GenerationOptions
            {
                Seed = result.GetValue(seed),
                Scale = result.GetValue(scale),
                Country = Enum.Parse<CompanyCountry>(result.GetValue(country)!),
                CompanyName = result.GetValue(name),
                AsOf = asOfDate,
            });
            result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Created {generated.Path}: {generated.Records} records and {generated.DeletedRecords} deletes in {generated.Elapsed.TotalSeconds:0.0} s, {generated.FileBytes / 1024.0 / 1024.0:0.0} MB."));
        }));
        return command;
    }

    private static Command EditCommand()
    {
        var file = FileOption();
        var seed = new Option<int>("--seed") { Description = "Seed: the same seed makes the same changes.", DefaultValueFactory = _ => 1 };
        var changes = PositiveOption("--changes", "How many changes to make (adds, modifications, deletes).", 10, 0);
        changes.Required = true;
        var command = new Command("edit", "Makes changes to a company file as a person working in QuickBooks would.") { file, seed, changes };
        command.SetAction(result => Guard(result, () =>
        {
            var summary = SandboxEditor.Apply(ExistingFile(result.GetValue(file)!), result.GetValue(seed), result.GetValue(changes));
            result.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Edited: {summary.Added} added, {summary.Modified} modified, {summary.Deleted} deleted."));
        }));
        return command;
    }

    private static Command StatsCommand()
    {
        var file = FileOption();
        var json = new Option<bool>("--json") { Description = "Print JSON (record count and content hash per data type)." };
        var command = new Command("stats", "Record counts and content hashes per data type.") { file, json };
        command.SetAction(result => Guard(result, () =>
        {
            var stats = SandboxStats.Compute(ExistingFile(result.GetValue(file)!));
            var output = result.InvocationConfiguration.Output;
            if (result.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    stats.CompanyName,
                    stats.Country,
                    stats.TotalRecords,
                    stats.DeletedRecords,
                    DataTypes = stats.DataTypes,
                }, Json));
                return;
            }

            output.WriteLine($"{stats.CompanyName} ({stats.Country})");
            foreach (var type in stats.DataTypes)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type.DataType,-18} {type.Count,10}  {type.ContentHash}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"total",-18} {stats.TotalRecords,10}  ({stats.DeletedRecords} deletes in history)"));
        }));
        return command;
    }

    private static Command StateCommand()
    {
        var file = FileOption();
        var set = new Option<string?>("--set") { Description = "The state to put QuickBooks in: " + string.Join(", ", StateNames.All) + "." };
        set.AcceptOnlyFromAmong([.. StateNames.All]);
        var failAfter = new Option<int?>("--fail-after") { Description = "Fail every request after this many in a session (0x80040402)." };
        var dropAfter = new Option<int?>("--drop-after") { Description = "QuickBooks goes away after this many requests in a session (0x80040401)." };
        var slow = new Option<int?>("--slow-ms") { Description = "Extra milliseconds per request." };
        var latency = new Option<string?>("--latency") { Description = "Latency profile: none or realistic." };
        latency.AcceptOnlyFromAmong("none", "realistic");
        var clearFaults = new Option<bool>("--clear-faults") { Description = "Remove fail/drop/slow faults." };
        var command = new Command("state", "Shows or changes what the simulated QuickBooks is doing for a company file (read at every session and request).")
        {
            file, set, failAfter, dropAfter, slow, latency, clearFaults,
        };
        command.SetAction(result => Guard(result, () =>
        {
            var path = ExistingFile(result.GetValue(file)!);
            var state = QuickBooksState.Load(path);
            if (result.GetValue(clearFaults))
            {
                state = state with { FailAfterRequests = null, DropAfterRequests = null, SlowResponseMilliseconds = 0 };
            }

            if (result.GetValue(set) is { } name)
            {
                state = StateNames.Apply(state, name);
            }

            state = state with
            {
                FailAfterRequests = result.GetValue(failAfter) ?? state.FailAfterRequests,
                DropAfterRequests = result.GetValue(dropAfter) ?? state.DropAfterRequests,
                SlowResponseMilliseconds = result.GetValue(slow) ?? state.SlowResponseMilliseconds,
                LatencyProfile = result.GetValue(latency) ?? state.LatencyProfile,
            };
            state.Save(path);
            result.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(state, Json));
        }));
        return command;
    }

    private static string ExistingFile(string path) =>
        File.Exists(path) ? path : throw new ArgumentException($"'{path}' does not exist; create it with 'sandbox create --file {path}'.");

    private static int Guard(ParseResult result, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            result.InvocationConfiguration.Error.WriteLine($"Error: {e.Message}");
            return 1;
        }
    }
}

using System.Text.Json;
using QbConnector.Engine.Cli;
using QbConnector.QbGateway.Sandbox.Faults;

namespace QbConnector.Engine.Tests.Cli.Sandbox;

public sealed class SandboxCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qb-sandbox-cli-tests", Guid.NewGuid().ToString("N"));

    public SandboxCommandTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Create_then_stats_as_json_reports_counts_and_hashes_per_data_type()
    {
        var file = Path.Combine(_dir, "company.qbw.db");

        var (created, createOutput, _) = Run("sandbox", "create", "--file", file, "--seed", "4", "--scale", "300", "--country", "UK", "--company-name", "Cli Test Ltd", "--as-of", "2025-01-31");
        var (statsCode, statsOutput, _) = Run("sandbox", "stats", "--file", file, "--json");

        created.Should().Be(0);
        createOutput.Should().Contain("Created");
        statsCode.Should().Be(0);
        using var json = JsonDocument.Parse(statsOutput);
        json.RootElement.GetProperty("companyName").GetString().Should().Be("Cli Test Ltd");
        json.RootElement.GetProperty("country").GetString().Should().Be("UK");
        var types = json.RootElement.GetProperty("dataTypes").EnumerateArray().ToList();
        types.Should().Contain(t => t.GetProperty("dataType").GetString() == "invoices" && t.GetProperty("count").GetInt64() > 0);
        types.Should().OnlyContain(t => t.GetProperty("contentHash").GetString()!.Length == 64);
    }

    [Fact]
    public void Edit_changes_the_content_hash()
    {
        var file = Path.Combine(_dir, "edit.qbw.db");
        Run("sandbox", "create", "--file", file, "--scale", "200").Code.Should().Be(0);
        var before = Run("sandbox", "stats", "--file", file, "--json").Output;

        var (code, output, _) = Run("sandbox", "edit", "--file", file, "--seed", "9", "--changes", "12");

        code.Should().Be(0);
        output.Should().Contain("Edited");
        Run("sandbox", "stats", "--file", file, "--json").Output.Should().NotBe(before);
    }

    [Fact]
    public void State_flips_the_QuickBooks_state_file()
    {
        var file = Path.Combine(_dir, "state.qbw.db");
        Run("sandbox", "create", "--file", file, "--scale", "50").Code.Should().Be(0);

        Run("sandbox", "state", "--file", file, "--set", "modal-dialog").Code.Should().Be(0);
        Run("sandbox", "state", "--file", file, "--set", "access-granted-once", "--fail-after", "3").Code.Should().Be(0);

        var state = QuickBooksState.Load(file);
        state.Condition.Should().Be(QuickBooksCondition.ModalDialog);
        state.Authorization.Should().Be(QuickBooksAuthorization.GrantedOnce);
        state.FailAfterRequests.Should().Be(3);
    }

    [Theory]
    [InlineData("sandbox", "create", "--scale", "10")]
    [InlineData("sandbox", "create", "--file", "x.db", "--country", "FR")]
    [InlineData("sandbox", "create", "--file", "x.db", "--scale", "0")]
    [InlineData("sandbox", "state", "--file", "x.db", "--set", "on-fire")]
    [InlineData("sandbox", "edit", "--file", "x.db")]
    [InlineData("sandbox", "frobnicate")]
    public void Bad_arguments_fail_with_a_message(params string[] args)
    {
        var (code, output, error) = Run(args);

        code.Should().NotBe(0);
        (output + error).Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void A_missing_company_file_is_a_clear_error()
    {
        var (code, _, error) = Run("sandbox", "stats", "--file", Path.Combine(_dir, "missing.qbw.db"));

        code.Should().Be(1);
        error.Should().Contain("does not exist");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // Leave it to the temp cleaner rather than hide a test failure.
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliRoot.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}

using QbConnector.Engine.Cli;

namespace QbConnector.Engine.Tests.Cli.Engine;

/// <summary>The pause, resume and unlink verbs' arguments: bad ones get a clear message and a non-zero exit.</summary>
public sealed class ModeCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("tomorrow", "is not a duration such as 24h")]
    [InlineData("0h", "out of range")]
    [InlineData("400d", "out of range")]
    [InlineData("-5m", "is not a duration")]
    public void A_bad_duration_is_refused_with_a_message(string duration, string message)
    {
        var (exit, _, error) = Run("pause", "--for", duration, "--data-dir", _dir);

        exit.Should().NotBe(0);
        error.Should().Contain(message);
    }

    [Fact]
    public void Unlink_needs_a_company()
    {
        var (exit, _, error) = Run("unlink", "--data-dir", _dir);

        exit.Should().NotBe(0);
        error.Should().Contain("--company");
    }

    [Theory]
    [InlineData("pause", "--for", "24h")]
    [InlineData("pause", "--company", "c1", "--for", "1h30m")]
    [InlineData("resume")]
    [InlineData("unlink", "--company", "c1")]
    public void Good_arguments_reach_the_engine_and_say_when_it_is_not_running(params string[] args)
    {
        var (exit, _, error) = Run([.. args, "--data-dir", _dir]);

        exit.Should().Be(1);
        error.Should().Contain("not running");
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = CliRoot.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}

using QbConnector.CloudEmulator.Hosting;

namespace QbConnector.CloudEmulator.Tests.Hosting;

public sealed class EmulatorArgumentsTests
{
    [Fact]
    public void Parses_ports_and_data_folder()
    {
        var (options, error) = EmulatorArguments.Parse(["--grpc-port", "5001", "--http-port", "5002", "--data", "some/dir"]);

        error.Should().BeNull();
        options!.GrpcPort.Should().Be(5001);
        options.HttpPort.Should().Be(5002);
        options.DataDirectory.Should().Be(Path.GetFullPath("some/dir"));
    }

    [Fact]
    public void Ports_default_to_zero_meaning_any_free_port()
    {
        var (options, _) = EmulatorArguments.Parse(["--data", "d"]);

        options!.GrpcPort.Should().Be(0);
        options.HttpPort.Should().Be(0);
    }

    [Theory]
    [InlineData(new[] { "--grpc-port", "x", "--data", "d" }, "--grpc-port must be a number")]
    [InlineData(new[] { "--http-port", "70000", "--data", "d" }, "--http-port must be a number")]
    [InlineData(new[] { "--grpc-port", "1" }, "--data is required")]
    [InlineData(new[] { "--data" }, "Missing value after '--data'")]
    [InlineData(new[] { "--colour", "red", "--data", "d" }, "Unknown argument '--colour'")]
    [InlineData(new[] { "--grpc-port", "5000", "--http-port", "5000", "--data", "d" }, "must differ")]
    public void Bad_arguments_get_a_clear_message(string[] args, string expected)
    {
        var (options, error) = EmulatorArguments.Parse(args);

        options.Should().BeNull();
        error.Should().Contain(expected);
    }
}

namespace QbConnector.Engine.Tests;

public class BuildSmokeTests
{
    [Fact]
    public void Engine_assembly_carries_the_product_version()
    {
        typeof(Program).Assembly.GetName().Version.Should().Be(new Version(0, 1, 0, 0));
    }
}

using QbConnector.QbGateway.Sandbox.Store;
using QbConnector.TestSupport;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.QbGateway.Sandbox.Stats;

namespace QbConnector.QbGateway.Tests.Sandbox.Generation;

public sealed class CompanyGeneratorTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 3, 14);
    private readonly SandboxTempDirectory _dir = new();

    [Theory]
    [InlineData("2026-11-22T06:30:00Z", CompanyCountry.US)] // 01:30 in the company's -05:00: early on its "today"
    [InlineData("2026-11-22T12:00:00Z", CompanyCountry.UK)]
    public void A_company_generated_today_has_nothing_created_or_modified_after_now(string utcNow, CompanyCountry country)
    {
        var now = DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture);
        var file = _dir.File("today.qbw.db");
        CompanyGenerator.Generate(file, new GenerationOptions { Seed = 3, Scale = 800, Country = country, Time = new ManualTimeProvider(now) });

        using var store = CompanyStore.Open(file);
        var records = store.Query(new RecordFilter { Types = [.. SandboxDataType.All.Select(t => t.Name)] }, null, int.MaxValue);
        records.Max(r => r.TimeModified).Should().BeLessThanOrEqualTo(now.ToUnixTimeSeconds());
        records.Max(r => r.TimeCreated).Should().BeLessThanOrEqualTo(now.ToUnixTimeSeconds());
        records.Max(r => r.TimeModified).Should().BeGreaterThan(now.AddDays(-3).ToUnixTimeSeconds(), "history still runs up to the present");
    }

    [Fact]
    public void Same_seed_gives_the_same_file_contents()
    {
        var a = CompanyGenerator.Generate(_dir.File("a.qbw.db"), new GenerationOptions { Seed = 7, Scale = 600, AsOf = AsOf });
        var b = CompanyGenerator.Generate(_dir.File("b.qbw.db"), new GenerationOptions { Seed = 7, Scale = 600, AsOf = AsOf });
        var c = CompanyGenerator.Generate(_dir.File("c.qbw.db"), new GenerationOptions { Seed = 8, Scale = 600, AsOf = AsOf });

        var statsA = SandboxStats.Compute(a.Path);
        var statsB = SandboxStats.Compute(b.Path);
        var statsC = SandboxStats.Compute(c.Path);
        statsA.DataTypes.Should().BeEquivalentTo(statsB.DataTypes, o => o.WithStrictOrdering());
        statsA.CompanyName.Should().Be(statsB.CompanyName);
        statsA.DataTypes.Select(t => t.ContentHash).Should().NotEqual(statsC.DataTypes.Select(t => t.ContentHash));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void Scale_gives_roughly_that_many_records(int scale)
    {
        var result = CompanyGenerator.Generate(_dir.File($"s{scale}.qbw.db"), new GenerationOptions { Seed = 3, Scale = scale, AsOf = AsOf });

        var total = result.Records + result.DeletedRecords;
        if (scale >= 1_000)
        {
            total.Should().BeInRange((long)(scale * 0.8), (long)(scale * 1.2));
        }
        else
        {
            total.Should().BeLessThan(120);
        }

        SandboxStats.Compute(result.Path).TotalRecords.Should().Be(result.Records);
    }

    public void Dispose() => _dir.Dispose();
}

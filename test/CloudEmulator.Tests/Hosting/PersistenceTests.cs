using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Tests.Grpc;

namespace QbConnector.CloudEmulator.Tests.Hosting;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Companies_datasets_settings_and_records_survive_a_restart_on_the_same_folder()
    {
        var dir = Directory.CreateTempSubdirectory("cloud-emulator-restart-").FullName;
        string companyId;
        string datasetId;
        await using (var first = await EmulatorTestHost.StartAsync(dir))
        {
            companyId = await first.CreateCompanyAsync("Persisted Ltd", "canada");
            using var queued = await first.Http.PostAsync(new Uri($"/companies/{companyId}/data/queue/customers", UriKind.Relative), null);
            datasetId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            using var settings = await first.Http.PutAsJsonAsync($"/companies/{companyId}/settings", new { mode = "oneTime" });
            settings.StatusCode.Should().Be(HttpStatusCode.OK);
            first.Services.Records.StorePage(new(companyId, 1, datasetId, "customers", [new("80000001-1", "1700000000", "2024-01-01T10:00:00-05:00", null, false, "{\"name\":\"A\"}"u8.ToArray())]));
        }

        await using var second = await EmulatorTestHost.StartAsync(dir);
        var company = await second.GetJsonAsync($"/companies/{companyId}");
        company.GetProperty("name").GetString().Should().Be("Persisted Ltd");
        company.GetProperty("region").GetString().Should().Be("canada");
        (await second.GetJsonAsync($"/companies/{companyId}/datasets/{datasetId}")).GetProperty("recordsReceived").GetInt64().Should().Be(1);
        (await second.GetJsonAsync($"/companies/{companyId}/settings")).GetProperty("mode").GetString().Should().Be("oneTime");
        var data = await second.GetJsonAsync($"/companies/{companyId}/data/customers");
        data.GetProperty("totalResults").GetInt64().Should().Be(1);
        data.GetProperty("results")[0].GetProperty("data").GetProperty("name").GetString().Should().Be("A");
        File.Exists(Path.Combine(dir, "cloud-emulator.db")).Should().BeTrue();
    }

    [Fact]
    public async Task An_install_credential_and_unfinished_work_survive_a_restart()
    {
        var dir = Directory.CreateTempSubdirectory("cloud-emulator-restart-").FullName;
        string companyId;
        string credential;
        await using (var first = await EmulatorTestHost.StartAsync(dir))
        {
            companyId = await first.CreateCompanyAsync();
            using var channel = TestConnector.Channel(first.App.GrpcPort);
            credential = (await TestConnector.LinkAsync(channel, companyId)).InstallCredential;
        }

        await using var second = await EmulatorTestHost.StartAsync(dir);
        using var again = TestConnector.Channel(second.App.GrpcPort);
        await using var connector = await TestConnector.ConnectAsync(again, credential);

        var work = await connector.NextWorkAsync();
        work.Work.CompanyId.Should().Be(companyId);
        work.Work.KindCase.Should().Be(WorkItem.KindOneofCase.Sync);
        (await second.GetJsonAsync($"/companies/{companyId}")).GetProperty("connectorOnline").GetBoolean().Should().BeTrue();
    }
}

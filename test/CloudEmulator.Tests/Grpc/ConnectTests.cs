using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf;
using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Tests.Hosting;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.TestSupport;
using Record = QbConnector.CloudContract.V1.Record;

namespace QbConnector.CloudEmulator.Tests.Grpc;

/// <summary>The Connect stream over real h2c on loopback, with the grpc library's client.</summary>
public sealed class ConnectTests : IAsyncLifetime
{
    private EmulatorTestHost _host = null!;
    private GrpcChannel _channel = null!;
    private string _companyId = null!;
    private string _credential = null!;

    public async Task InitializeAsync()
    {
        _host = await EmulatorTestHost.StartAsync();
        _channel = TestConnector.Channel(_host.App.GrpcPort);
        using (var only = await _host.Http.PutAsJsonAsync("/settings", new { dataTypes = LinkTests.OnlyCustomersOnFirstLink() }))
        {
            only.EnsureSuccessStatusCode();
        }

        _companyId = await _host.CreateCompanyAsync();
        _credential = (await TestConnector.LinkAsync(_channel, _companyId)).InstallCredential;
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Without_a_credential_the_stream_is_unauthenticated()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, credential: null, sayHello: false);

        var error = await connector.EndAsync();

        error!.StatusCode.Should().Be(StatusCode.Unauthenticated);
        error.Status.Detail.Should().Contain("authorization: Bearer");
    }

    [Fact]
    public async Task With_a_wrong_credential_the_stream_is_unauthenticated()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, "made-up-credential", sayHello: false);

        (await connector.EndAsync())!.StatusCode.Should().Be(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task The_first_message_must_be_hello()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential, sayHello: false);
        await connector.SendAsync(new ClientMessage { Heartbeat = new Heartbeat { Nonce = 1 } });

        (await connector.EndAsync())!.StatusCode.Should().Be(StatusCode.InvalidArgument);
    }

    [Fact]
    public async Task Settings_and_first_link_work_arrive_after_hello_and_the_connector_shows_online_while_connected()
    {
        var connector = await TestConnector.ConnectAsync(_channel, _credential);

        (await connector.NextAsync(m => m.Settings is not null)).Settings.CompanyId.Should().Be(_companyId);
        var work = (await connector.NextWorkAsync()).Work;
        work.CompanyId.Should().Be(_companyId);
        work.Sync.DataTypes.Should().Equal("customers");
        work.Sync.Scope.Should().Be(SyncScope.Full);
        (await _host.GetJsonAsync($"/companies/{_companyId}")).GetProperty("connectorOnline").GetBoolean().Should().BeTrue();

        await connector.CompleteAsync();
        (await connector.EndAsync()).Should().BeNull("a half-close by the connector ends the call with OK");
        await connector.DisposeAsync();
        await Eventually.TrueAsync(async () => !(await _host.GetJsonAsync($"/companies/{_companyId}")).GetProperty("connectorOnline").GetBoolean());
    }

    [Fact]
    public async Task Work_queued_while_connected_is_handed_out_at_once_and_unfinished_work_again_on_reconnect()
    {
        string queuedId;
        await using (var connector = await TestConnector.ConnectAsync(_channel, _credential))
        {
            var firstLink = await connector.NextWorkAsync();
            queuedId = await QueueAsync("invoices");

            var queued = await connector.NextAsync(m => m.Work?.WorkId == queuedId);
            queued.Work.Sync.DataTypes.Should().Equal("invoices");
            queued.Work.Sync.Scope.Should().Be(SyncScope.Incremental);
            await CompleteAsync(connector, firstLink.Work.WorkId, sequence: 1);
        }

        await using var again = await TestConnector.ConnectAsync(_channel, _credential);
        var offered = await again.NextWorkAsync();
        offered.Work.WorkId.Should().Be(queuedId, "only the unfinished work is offered again");
        var snapshot = again.Snapshot().Where(m => m.Work is not null).Select(m => m.Work.WorkId);
        snapshot.Should().OnlyContain(w => w == queuedId);
    }

    [Fact]
    public async Task A_re_sent_page_is_stored_once_and_acknowledged_each_time()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var work = (await connector.NextWorkAsync()).Work;
        var page = Page(work.WorkId, 1, ("80000001-1", "100"), ("80000002-1", "200"));

        await connector.SendAsync(new ClientMessage { DataPage = page });
        await connector.AckAsync(1);
        await connector.SendAsync(new ClientMessage { DataPage = page });
        var ack = await connector.AckAsync(1);

        ack.Ack.CompanyId.Should().Be(_companyId);
        var stats = await _host.GetJsonAsync($"/companies/{_companyId}/data/customers/stats");
        stats.GetProperty("distinctRecords").GetInt64().Should().Be(2);
        stats.GetProperty("deliveries").GetInt64().Should().Be(2, "the second copy of page 1 is not stored again");
        (await _host.GetJsonAsync($"/companies/{_companyId}/datasets/{work.WorkId}")).GetProperty("pagesReceived").GetInt64().Should().Be(1);
    }

    [Fact]
    public async Task A_compressed_page_is_unpacked_and_stored()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var work = (await connector.NextWorkAsync()).Work;
        var plain = Page(work.WorkId, 5, ("A", "1"), ("B", "2"), ("C", "3"));
        var batch = new RecordBatch();
        batch.Records.Add(plain.Records);
        var compressed = new DataPage { WorkId = plain.WorkId, CompanyId = plain.CompanyId, DataType = plain.DataType, Sequence = plain.Sequence, Compressed = true, CompressedRecords = ByteString.CopyFrom(Gzip(batch.ToByteArray())) };

        await connector.SendAsync(new ClientMessage { DataPage = compressed });
        await connector.AckAsync(5);

        var data = await _host.GetJsonAsync($"/companies/{_companyId}/data/customers");
        data.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal("A", "B", "C");
        data.GetProperty("results")[0].GetProperty("data").GetProperty("name").GetString().Should().Be("Customer A");
    }

    [Fact]
    public async Task A_dataset_moves_from_queued_to_fetching_to_complete_as_the_connector_reports()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var work = (await connector.NextWorkAsync()).Work;
        var path = $"/companies/{_companyId}/datasets/{work.WorkId}";
        (await Status(path)).Should().Be("queued");

        await connector.SendAsync(new ClientMessage { WorkAccepted = new WorkAccepted { WorkId = work.WorkId, CompanyId = _companyId } });
        await Eventually.TrueAsync(async () => await Status(path) == "fetching");

        await connector.SendAsync(new ClientMessage { DataPage = Page(work.WorkId, 1, ("X", "1")) });
        await CompleteAsync(connector, work.WorkId, sequence: 2);

        var dataset = await _host.GetJsonAsync(path);
        dataset.GetProperty("status").GetString().Should().Be("complete");
        dataset.GetProperty("recordsReceived").GetInt64().Should().Be(1);
        (await _host.GetJsonAsync($"/companies/{_companyId}")).GetProperty("lastSyncAt").ValueKind.Should().Be(JsonValueKind.String);
    }

    [Fact]
    public async Task A_failed_work_item_fails_its_dataset_with_the_quickbooks_error()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var work = (await connector.NextWorkAsync()).Work;

        await connector.SendAsync(new ClientMessage
        {
            WorkFailed = new WorkFailed
            {
                WorkId = work.WorkId,
                CompanyId = _companyId,
                Sequence = 1,
                Error = new QuickBooksError { ErrorClass = ErrorClass.NeedsPerson, StatusCode = -2147220458, Message = "QuickBooks is not running.", Fix = "Open QuickBooks." },
            },
        });
        await connector.AckAsync(1);

        var dataset = await _host.GetJsonAsync($"/companies/{_companyId}/datasets/{work.WorkId}");
        dataset.GetProperty("status").GetString().Should().Be("failed");
        dataset.GetProperty("error").GetString().Should().Contain("QuickBooks is not running.").And.Contain("Open QuickBooks.");
        (await _host.GetJsonAsync($"/companies/{_companyId}")).GetProperty("lastError").GetString().Should().Contain("not running");
    }

    [Fact]
    public async Task A_push_is_handed_out_and_its_result_is_reported_back_to_rest()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        await connector.NextWorkAsync();
        using var queued = await _host.Http.PostAsJsonAsync($"/companies/{_companyId}/push/customers", new { name = "New Customer" });
        var pushId = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var push = (await connector.NextAsync(m => m.Work?.Push is not null)).Work;
        push.Push.PushId.Should().Be(pushId);
        push.Push.Operation.Should().Be(PushOperation.Add);
        JsonDocument.Parse(push.Push.RecordJson.Memory).RootElement.GetProperty("name").GetString().Should().Be("New Customer");

        await connector.SendAsync(new ClientMessage
        {
            PushResult = new PushResult { WorkId = push.WorkId, CompanyId = _companyId, PushId = pushId, Sequence = 1, Success = new PushSuccess { Id = "80000099-1", EditSequence = "1700000123" } },
        });
        await connector.AckAsync(1);

        var result = await _host.GetJsonAsync($"/companies/{_companyId}/push/{pushId}");
        result.GetProperty("status").GetString().Should().Be("success");
        result.GetProperty("result").GetProperty("id").GetString().Should().Be("80000099-1");
    }

    [Fact]
    public async Task Heartbeats_are_answered_with_their_nonce()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);

        await connector.SendAsync(new ClientMessage { Heartbeat = new Heartbeat { Nonce = 4242 } });

        (await connector.NextAsync(m => m.HeartbeatReply is not null)).HeartbeatReply.Nonce.Should().Be(4242);
    }

    [Fact]
    public async Task Settings_changes_pause_resume_deauthorise_and_updates_reach_an_open_stream()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        await connector.NextAsync(m => m.Settings is not null);

        using (await _host.Http.PutAsJsonAsync($"/companies/{_companyId}/settings", new { mode = "oneTime" }))
        {
        }

        (await connector.NextAsync(m => m.Settings is not null)).Settings.Settings.Mode.Should().Be(SyncMode.OneTime);
        using (await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/pause", UriKind.Relative), null))
        {
        }

        (await connector.NextAsync(m => m.Pause is not null)).Pause.CompanyId.Should().Be(_companyId);
        using (await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/resume", UriKind.Relative), null))
        {
        }

        await connector.NextAsync(m => m.Resume is not null);
        using (await _host.Http.PostAsJsonAsync("/updates", new { version = "2.0.0", url = "http://127.0.0.1/updates/c.zip", sha256 = new string('a', 64), signature = "AQI=" }))
        {
        }

        (await connector.NextAsync(m => m.UpdateAvailable is not null)).UpdateAvailable.Signature.ToByteArray().Should().Equal(1, 2);
        using (await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/deauthorise", UriKind.Relative), null))
        {
        }

        (await connector.NextAsync(m => m.Deauthorise is not null)).Deauthorise.CompanyId.Should().Be(_companyId);
    }

    [Fact]
    public async Task Work_queued_while_paused_waits_for_resume()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        await connector.NextWorkAsync();
        using (await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/pause", UriKind.Relative), null))
        {
        }

        await connector.NextAsync(m => m.Pause is not null);
        var queued = await QueueAsync("bills");
        await connector.SendAsync(new ClientMessage { Heartbeat = new Heartbeat { Nonce = 1 } });
        await connector.NextAsync(m => m.HeartbeatReply is not null);
        connector.Snapshot().Should().NotContain(m => m.Work != null && m.Work.WorkId == queued);

        using (await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/resume", UriKind.Relative), null))
        {
        }

        (await connector.NextAsync(m => m.Work?.WorkId == queued)).Work.Sync.DataTypes.Should().Equal("bills");
    }

    [Fact]
    public async Task A_second_stream_of_the_install_ends_the_first_with_aborted()
    {
        await using var first = await TestConnector.ConnectAsync(_channel, _credential);
        await first.NextWorkAsync();

        await using var second = await TestConnector.ConnectAsync(_channel, _credential);
        await second.NextWorkAsync();

        (await first.EndAsync())!.StatusCode.Should().Be(StatusCode.Aborted);
        (await _host.GetJsonAsync($"/companies/{_companyId}")).GetProperty("connectorOnline").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task A_page_for_a_company_of_another_install_is_permission_denied()
    {
        var other = await _host.CreateCompanyAsync("Other");
        await TestConnector.LinkAsync(_channel, other, fingerprint: "fp-other");
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var page = Page(string.Empty, 1, ("A", "1"));
        page.CompanyId = other;

        // The server may end the call while the write is still completing; then the write reports the status.
        try
        {
            await connector.SendAsync(new ClientMessage { DataPage = page });
        }
        catch (RpcException e)
        {
            e.StatusCode.Should().Be(StatusCode.PermissionDenied);
            return;
        }

        (await connector.EndAsync())!.StatusCode.Should().Be(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task An_oversized_message_is_refused_with_resource_exhausted()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        await connector.NextWorkAsync();
        var page = Page(string.Empty, 1);
        page.Records.Add(new Record { Id = "big", EditSequence = "1", Json = ByteString.CopyFrom(new byte[5 * 1024 * 1024]) });

        var send = () => connector.SendAsync(new ClientMessage { DataPage = page });

        // The library may refuse to send it, or the server refuses to take it; either way the status says why.
        try
        {
            await send();
        }
        catch (RpcException e)
        {
            e.StatusCode.Should().Be(StatusCode.ResourceExhausted);
            return;
        }

        (await connector.EndAsync())!.StatusCode.Should().Be(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task A_compressed_page_that_is_not_gzip_is_invalid_argument()
    {
        await using var connector = await TestConnector.ConnectAsync(_channel, _credential);
        var page = new DataPage { CompanyId = _companyId, DataType = "customers", Sequence = 1, Compressed = true, CompressedRecords = ByteString.CopyFromUtf8("garbage, not gzip") };

        await connector.SendAsync(new ClientMessage { DataPage = page });

        var error = await connector.EndAsync();
        error!.StatusCode.Should().Be(StatusCode.InvalidArgument);
        error.Status.Detail.Should().Contain("not valid gzip");
    }

    private async Task<string> QueueAsync(string dataType)
    {
        using var response = await _host.Http.PostAsync(new Uri($"/companies/{_companyId}/data/queue/{dataType}", UriKind.Relative), null);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task CompleteAsync(TestConnector connector, string workId, ulong sequence)
    {
        await connector.SendAsync(new ClientMessage { WorkCompleted = new WorkCompleted { WorkId = workId, CompanyId = _companyId, Sequence = sequence, RecordsSent = 1, PagesSent = 1 } });
        await connector.AckAsync(sequence);
    }

    private async Task<string?> Status(string path) => (await _host.GetJsonAsync(path)).GetProperty("status").GetString();

    private DataPage Page(string workId, ulong sequence, params (string Id, string EditSequence)[] records)
    {
        var page = new DataPage { WorkId = workId, CompanyId = _companyId, DataType = "customers", Sequence = sequence };
        foreach (var (id, edit) in records)
        {
            page.Records.Add(new Record { Id = id, EditSequence = edit, TimeModified = "2024-01-01T10:00:00-05:00", Json = ByteString.CopyFromUtf8($"{{\"name\":\"Customer {id}\"}}") });
        }

        return page;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(bytes);
        }

        return output.ToArray();
    }
}

using System.Diagnostics;
using System.Text.Json;
using QbConnector.QbGateway.Sandbox.Generation;
using QbConnector.TestSupport.Processes;

namespace QbConnector.LoadDriver;

/// <summary>One run's loopback world: the cloud emulator and engine as real processes, sandbox files in a temp folder.</summary>
internal sealed class World : IAsyncDisposable
{
    private World(string root, EmulatorProcess emulator)
    {
        Root = root;
        Emulator = emulator;
    }

    /// <summary>Leave each world's folder (engine logs, journal, cloud database) behind for reading (<c>--keep</c>).</summary>
    public static bool Keep { get; set; }

    public string Root { get; }

    public EmulatorProcess Emulator { get; }

    public EngineProcess? Engine { get; private set; }

    public static async Task<World> StartAsync(string name)
    {
        var root = Directory.CreateTempSubdirectory("qbconnector-load-" + name + "-").FullName;
        return new World(root, await EmulatorProcess.StartAsync(Path.Combine(root, "cloud")));
    }

    /// <summary>A sandbox company file; the same seed and scale give the same records whatever the name.</summary>
    public string CompanyFile(string name, int scale, int seed = 7)
    {
        var file = Path.Combine(Root, name + ".qbw");
        CompanyGenerator.Generate(file, new GenerationOptions { Seed = seed, Scale = scale, CompanyName = name, AsOf = new DateOnly(2025, 6, 30) });
        return file;
    }

    public async Task<EngineProcess> StartEngineAsync(string latency, string? trace = null, string? pauseAt = null)
    {
        Engine = await EngineProcess.StartAsync(new EngineProcessOptions
        {
            DataDirectory = Path.Combine(Root, "engine"),
            CloudUrl = Emulator.GrpcUrl,
            SandboxLatency = latency,
            QbXmlTrace = trace,
            PauseAt = pauseAt,
            StartTimeout = TimeSpan.FromMinutes(3),
        });
        return Engine;
    }

    /// <summary>Creates the cloud company and links the file with the CLI, as the person would; returns the licence key.</summary>
    public async Task<string> LinkAsync(string companyFile, string name)
    {
        var key = await Emulator.CreateCompanyAsync(name);
        var linked = await Engine!.CliAsync("link", "--license-key", key, "--company-file", companyFile, "--region", "US");
        if (linked.ExitCode != 0)
        {
            throw new InvalidOperationException($"link failed: {linked.Output}");
        }

        return key;
    }

    /// <summary>Waits until every dataset of every company is complete in the cloud; returns the records received.</summary>
    public async Task<long> WaitForSyncAsync(IReadOnlyCollection<string> keys, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            long records = 0;
            var done = true;
            foreach (var key in keys)
            {
                var datasets = (await Emulator.GetJsonAsync($"companies/{key}/datasets")).EnumerateArray().ToList();
                if (datasets.Any(d => d.GetProperty("status").GetString() is "failed"))
                {
                    throw new InvalidOperationException("a dataset failed: " + string.Join(", ", datasets.Select(d => d.ToString())));
                }

                done &= datasets.Count > 0 && datasets.All(d => d.GetProperty("status").GetString() is "complete");
                records += datasets.Sum(d => d.GetProperty("recordsReceived").GetInt64());
            }

            if (done)
            {
                return records;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"the sync did not finish within {timeout}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }

    /// <summary>Queues a full sync of every data type the company has in the cloud; returns (company, dataset id) pairs.</summary>
    public async Task<IReadOnlyList<(string Company, string Dataset)>> QueueFullSyncAsync(IEnumerable<string> keys)
    {
        var queued = new List<(string, string)>();
        foreach (var key in keys)
        {
            var types = (await Emulator.GetJsonAsync($"companies/{key}/datasets")).EnumerateArray().Select(d => d.GetProperty("dataType").GetString()!).Distinct().ToList();
            foreach (var type in types)
            {
                using var response = await Emulator.Http.PostAsync($"companies/{key}/data/queue/{type}?full=true", null);
                response.EnsureSuccessStatusCode();
                var dataset = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                queued.Add((key, dataset.GetProperty("id").GetString()!));
            }
        }

        return queued;
    }

    /// <summary>Waits until the given datasets are complete; returns their records.</summary>
    public async Task<long> WaitForDatasetsAsync(IReadOnlyList<(string Company, string Dataset)> datasets, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var wanted = datasets.Select(d => d.Dataset).ToHashSet(StringComparer.Ordinal);
        while (true)
        {
            long records = 0;
            var complete = 0;
            foreach (var key in datasets.Select(d => d.Company).Distinct())
            {
                foreach (var dataset in (await Emulator.GetJsonAsync($"companies/{key}/datasets")).EnumerateArray().Where(d => wanted.Contains(d.GetProperty("id").GetString()!)))
                {
                    if (dataset.GetProperty("status").GetString() is "failed")
                    {
                        throw new InvalidOperationException("a dataset failed: " + dataset);
                    }

                    complete += dataset.GetProperty("status").GetString() is "complete" ? 1 : 0;
                    records += dataset.GetProperty("recordsReceived").GetInt64();
                }
            }

            if (complete == wanted.Count)
            {
                return records;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"the sync did not finish within {timeout}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Waits until the cloud received a first page of any of the given datasets: the syncs are under way.</summary>
    public async Task WaitForAnyRecordsAsync(IReadOnlyList<(string Company, string Dataset)> datasets, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while ((await DatasetStatesAsync(datasets)).All(d => d.Records == 0))
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"no sync started within {timeout}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>How many companies have one of the given datasets not yet complete.</summary>
    public async Task<int> IncompleteCompaniesAsync(IReadOnlyList<(string Company, string Dataset)> datasets) =>
        (await DatasetStatesAsync(datasets)).Where(d => d.Status != "complete").Select(d => d.Company).Distinct(StringComparer.Ordinal).Count();

    private async Task<List<(string Company, string Status, long Records)>> DatasetStatesAsync(IReadOnlyList<(string Company, string Dataset)> datasets)
    {
        var wanted = datasets.Select(d => d.Dataset).ToHashSet(StringComparer.Ordinal);
        var states = new List<(string, string, long)>();
        foreach (var key in datasets.Select(d => d.Company).Distinct(StringComparer.Ordinal))
        {
            foreach (var dataset in (await Emulator.GetJsonAsync($"companies/{key}/datasets")).EnumerateArray().Where(d => wanted.Contains(d.GetProperty("id").GetString()!)))
            {
                states.Add((key, dataset.GetProperty("status").GetString() ?? "", dataset.GetProperty("recordsReceived").GetInt64()));
            }
        }

        return states;
    }

    /// <summary>
    /// Records the cloud received more than once: it keeps one row per record and counts its
    /// deliveries (a page re-sent under the same sequence is not a delivery).
    /// </summary>
    public async Task<long> DuplicatesAsync(string key)
    {
        long duplicates = 0;
        foreach (var stats in await StatsAsync(key))
        {
            duplicates += stats.GetProperty("deliveries").GetInt64() - stats.GetProperty("distinctRecords").GetInt64();
        }

        return duplicates;
    }

    /// <summary>Different records the cloud holds for the company, over every data type it has datasets of.</summary>
    public async Task<long> RecordsStoredAsync(string key) => (await StatsAsync(key)).Sum(s => s.GetProperty("distinctRecords").GetInt64());

    private async Task<List<JsonElement>> StatsAsync(string key)
    {
        var types = (await Emulator.GetJsonAsync($"companies/{key}/datasets")).EnumerateArray().Select(d => d.GetProperty("dataType").GetString()!).Distinct(StringComparer.Ordinal).ToList();
        var stats = new List<JsonElement>();
        foreach (var type in types)
        {
            stats.Add(await Emulator.GetJsonAsync($"companies/{key}/data/{type}/stats"));
        }

        return stats;
    }

    public int FileOpens() => EngineLogLines().Count(l => l.Contains("Began a QuickBooks session", StringComparison.Ordinal));

    /// <summary>The engine's log lines so far, every run on this world's data folder, in order.</summary>
    public IReadOnlyList<string> EngineLogLines() =>
        Directory.EnumerateFiles(Path.Combine(Root, "engine", "logs"), "*.log")
            .Order(StringComparer.Ordinal)
            .SelectMany(f => ReadShared(f).Split('\n'))
            .ToList();

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }

        await Emulator.DisposeAsync();
        if (Keep)
        {
            Console.WriteLine($"  kept {Root}");
            return;
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that is exiting: the temp folder is cleaned later.
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    internal static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

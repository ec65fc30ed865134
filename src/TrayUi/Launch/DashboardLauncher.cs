using System.Diagnostics;
using System.Text.Json;
using QbConnector.Engine.Hosting;
using QbConnector.TrayUi.Dashboard;

namespace QbConnector.TrayUi.Launch;

/// <summary>The 'open' verb: finds the running dashboard for a data folder, or starts one in the background.</summary>
internal static class DashboardLauncher
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    public static async Task<Uri> FindOrStartAsync(DataDirectory data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        var files = new DashboardFiles(data);
        if (await FindAsync(files, ct) is { } running)
        {
            return running;
        }

        StartDetached(data);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartLimit)
        {
            if (await FindAsync(files, ct) is { } started)
            {
                return started;
            }

            // Waiting for another process to write its address: nothing to await but the file.
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        throw new TimeoutException($"The dashboard did not start within {StartLimit.TotalSeconds:0} s.");
    }

    /// <summary>The open URL of a dashboard that answers with this install's token, if there is one.</summary>
    public static async Task<Uri?> FindAsync(DashboardFiles files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        DashboardEndpoint? endpoint;
        string token;
        try
        {
            endpoint = JsonSerializer.Deserialize<DashboardEndpoint>(await File.ReadAllTextAsync(files.EndpointFile, ct), DashboardServer.Json);
            token = (await File.ReadAllTextAsync(files.TokenFile, ct)).Trim();
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }

        if (endpoint is null)
        {
            return null;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{endpoint.Port}/api/state");
        request.Headers.Add("Cookie", $"{new RequestGuard(token, endpoint.Port).CookieName}={token}");
        try
        {
            using var response = await http.SendAsync(request, ct);
            return response.IsSuccessStatusCode ? new Uri($"http://127.0.0.1:{endpoint.Port}/?token={token}") : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    public static void OpenInBrowser(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        try
        {
            if (OperatingSystem.IsWindows())
            {
                using var _ = Process.Start(new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true });
            }
            else
            {
                using var _ = Process.Start(new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", uri.AbsoluteUri) { UseShellExecute = false });
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No browser launcher here; the address is printed for the person to open.
        }
    }

    private static void StartDetached(DataDirectory data)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell where this program is.");
        var start = new ProcessStartInfo(self)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(DashboardLauncher).Assembly.Location);
        }

        foreach (var arg in new[] { "serve", "--data-dir", data.Root, "--detached" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The dashboard could not be started.");
    }
}

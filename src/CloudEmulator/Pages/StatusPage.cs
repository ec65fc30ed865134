using System.Globalization;
using System.Net;
using System.Text;
using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Pages;

/// <summary>A read-only page at "/": companies, their link state and dataset history. No scripts, no external assets.</summary>
internal static class StatusPage
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/", (HttpContext context, CompanyStore companies, DatasetStore datasets, IConnectorNotifier connectors) =>
        {
            context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.Content(Render(companies, datasets, connectors), "text/html; charset=utf-8");
        });
    }

    internal static string Render(CompanyStore companies, DatasetStore datasets, IConnectorNotifier connectors)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Cloud emulator</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}
            th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}
            th{background:#f3f3f3}.online{color:#2e7d32}.offline{color:#888}.Failed{color:#b00020}.Complete{color:#2e7d32}
            </style></head><body><h1>Cloud emulator</h1>
            """);
        var all = companies.List();
        if (all.Count == 0)
        {
            html.Append("<p>No companies yet. Create one with <code>POST /companies</code>.</p>");
        }

        foreach (var company in all)
        {
            var online = connectors.IsOnline(company.InstallId);
            Append(html, $"<h2>{E(company.Name)}</h2><p>Licence key <code>{E(company.Id)}</code> · {E(company.Region.ToString())} · ");
            Append(html, $"{E(company.LinkState.ToString())}{(company.Paused ? " (paused)" : string.Empty)} · ");
            Append(html, $"<span class=\"{(online ? "online" : "offline")}\">connector {(online ? "online" : "offline")}</span>");
            if (company.FileName is not null)
            {
                Append(html, $" · file {E(company.FileName)}");
            }

            Append(html, $" · last sync {E(Time(company.LastSyncAt))}</p>");
            if (company.LastError is not null)
            {
                Append(html, $"<p class=\"Failed\">Last error: {E(company.LastError)}</p>");
            }

            var history = datasets.List(company.Id);
            if (history.Count == 0)
            {
                html.Append("<p>No datasets.</p>");
                continue;
            }

            html.Append("<table><tr><th>Data type</th><th>Status</th><th>Records</th><th>Pages</th><th>Queued</th><th>Completed</th><th>Error</th></tr>");
            foreach (var d in history.Reverse())
            {
                Append(html, $"<tr><td>{E(d.DataType)}</td><td class=\"{E(d.Status.ToString())}\">{E(d.Status.ToString())}</td><td>{d.RecordsReceived}</td><td>{d.PagesReceived}</td>");
                Append(html, $"<td>{E(Time(d.QueuedAt))}</td><td>{E(Time(d.CompletedAt))}</td><td>{E(d.Error ?? string.Empty)}</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Append(StringBuilder html, FormattableString text) => html.Append(text.ToString(CultureInfo.InvariantCulture));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) ?? "never";
}

using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

internal static class SettingsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/settings", (SettingsStore settings) => Results.Ok(settings.GetDefaults()));

        app.MapPut("/settings", async (HttpRequest request, SettingsStore settings, IConnectorNotifier connectors, CancellationToken ct) =>
        {
            var (body, problem) = await ReadValidAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            settings.PutDefaults(body!);
            connectors.SettingsChanged(null);
            return Results.Ok(settings.GetDefaults());
        });

        // The company's effective settings: the defaults with its overrides.
        app.MapGet("/companies/{companyId}/settings", (string companyId, CompanyStore companies, SettingsStore settings) =>
            companies.Get(companyId) is null ? Problems.UnknownCompany(companyId) : Results.Ok(settings.Effective(companyId)));

        app.MapPut("/companies/{companyId}/settings", async (string companyId, HttpRequest request, CompanyStore companies, SettingsStore settings, IConnectorNotifier connectors, CancellationToken ct) =>
        {
            if (companies.Get(companyId) is null)
            {
                return Problems.UnknownCompany(companyId);
            }

            var (body, problem) = await ReadValidAsync(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            settings.PutOverrides(companyId, body!);
            connectors.SettingsChanged(companyId);
            return Results.Ok(settings.Effective(companyId));
        });
    }

    private static async Task<(SettingsDocument? Settings, IResult? Problem)> ReadValidAsync(HttpRequest request, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<SettingsDocument>(request, ct);
        if (problem is not null)
        {
            return (null, problem);
        }

        return body!.Validate() is { } error ? (null, Problems.BadRequest(error)) : (body, null);
    }
}

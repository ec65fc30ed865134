using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

internal static class CompanyEndpoints
{
    private const int MaxNameLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/companies", async (HttpRequest request, CompanyStore companies, CancellationToken ct) =>
        {
            var (body, problem) = await JsonBody.ReadAsync<CreateCompanyRequest>(request, ct);
            if (problem is not null)
            {
                return problem;
            }

            var name = body!.Name?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
            {
                return Problems.BadRequest($"'name' is required, 1 to {MaxNameLength} characters.");
            }

            var company = companies.Create(name, body.Region ?? Region.US);
            return Results.Created($"/companies/{company.Id}", CompanyView.From(company, online: false));
        });

        app.MapGet("/companies", (CompanyStore companies, IConnectorNotifier connectors) =>
            Results.Ok(companies.List().Select(c => CompanyView.From(c, connectors.IsOnline(c.InstallId))).ToList()));

        app.MapGet("/companies/{companyId}", (string companyId, CompanyStore companies, IConnectorNotifier connectors) =>
            companies.Get(companyId) is { } company
                ? Results.Ok(CompanyView.From(company, connectors.IsOnline(company.InstallId)))
                : Problems.UnknownCompany(companyId));

        app.MapPost("/companies/{companyId}/deauthorise", (string companyId, CompanyStore companies, IConnectorNotifier connectors) =>
        {
            if (companies.Get(companyId) is not { } company)
            {
                return Problems.UnknownCompany(companyId);
            }

            companies.Deauthorise(companyId);
            connectors.Deauthorised(companyId, company.InstallId);
            return Results.Ok(CompanyView.From(companies.Get(companyId)!, connectors.IsOnline(company.InstallId)));
        });

        app.MapPost("/companies/{companyId}/pause", async (string companyId, HttpRequest request, CompanyStore companies, IConnectorNotifier connectors, CancellationToken ct) =>
        {
            if (companies.Get(companyId) is not { } company)
            {
                return Problems.UnknownCompany(companyId);
            }

            DateTimeOffset? until = null;
            if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            {
                var (body, problem) = await JsonBody.ReadAsync<PauseRequest>(request, ct);
                if (problem is not null)
                {
                    return problem;
                }

                until = body!.Until;
            }

            companies.SetPaused(companyId, paused: true, until);
            connectors.Paused(companyId, until);
            return Results.Ok(CompanyView.From(companies.Get(companyId)!, connectors.IsOnline(company.InstallId)));
        });

        app.MapPost("/companies/{companyId}/resume", (string companyId, CompanyStore companies, IConnectorNotifier connectors) =>
        {
            if (companies.Get(companyId) is not { } company)
            {
                return Problems.UnknownCompany(companyId);
            }

            companies.SetPaused(companyId, paused: false, until: null);
            connectors.Resumed(companyId);
            return Results.Ok(CompanyView.From(companies.Get(companyId)!, connectors.IsOnline(company.InstallId)));
        });
    }
}

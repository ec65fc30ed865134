using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

/// <summary>Queueing fetches (datasets) and reading what the connector sent.</summary>
internal static class DataEndpoints
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 5000;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/companies/{companyId}/data/queue/{dataType}", (string companyId, string dataType, bool? full, CompanyStore companies, DatasetStore datasets, IConnectorNotifier connectors) =>
        {
            if (Check(companies, companyId, dataType) is { } problem)
            {
                return problem;
            }

            if (companies.Get(companyId)!.LinkState == CompanyLinkState.Deauthorised)
            {
                return Problems.Conflict("The company is deauthorised: no connector will fetch its data.");
            }

            var dataset = datasets.Queue(companyId, dataType, full ?? false);
            connectors.WorkQueued(companyId);
            return Results.Accepted($"/companies/{companyId}/datasets/{dataset.Id}", DatasetView.From(dataset));
        });

        app.MapGet("/companies/{companyId}/datasets", (string companyId, CompanyStore companies, DatasetStore datasets) =>
            companies.Get(companyId) is null
                ? Problems.UnknownCompany(companyId)
                : Results.Ok(datasets.List(companyId).Select(DatasetView.From).ToList()));

        app.MapGet("/companies/{companyId}/datasets/{datasetId}", (string companyId, string datasetId, CompanyStore companies, DatasetStore datasets) =>
        {
            if (companies.Get(companyId) is null)
            {
                return Problems.UnknownCompany(companyId);
            }

            return datasets.Get(companyId, datasetId) is { } dataset
                ? Results.Ok(DatasetView.From(dataset))
                : Problems.NotFound($"No dataset with id '{datasetId}' for this company.");
        });

        app.MapGet("/companies/{companyId}/data/{dataType}", (string companyId, string dataType, int? page, int? pageSize, CompanyStore companies, RecordStore records) =>
        {
            if (Check(companies, companyId, dataType) is { } problem)
            {
                return problem;
            }

            var p = page ?? 1;
            var size = pageSize ?? DefaultPageSize;
            if (p < 1 || size < 1 || size > MaxPageSize)
            {
                return Problems.BadRequest($"'page' starts at 1 and 'pageSize' is 1 to {MaxPageSize}.");
            }

            var (total, rows) = records.List(companyId, dataType, p, size);
            return Results.Ok(new RecordPageView(p, size, total, rows.Select(RecordView.From).ToList()));
        });

        app.MapGet("/companies/{companyId}/data/{dataType}/stats", (string companyId, string dataType, CompanyStore companies, RecordStore records) =>
        {
            if (Check(companies, companyId, dataType) is { } problem)
            {
                return problem;
            }

            var stats = records.Stats(companyId, dataType);
            return Results.Ok(new StatsView(dataType, stats.DistinctRecords, stats.ExistingRecords, stats.DistinctRecords - stats.ExistingRecords, stats.Deliveries, stats.ContentHash));
        });
    }

    internal static IResult? Check(CompanyStore companies, string companyId, string dataType) =>
        companies.Get(companyId) is null ? Problems.UnknownCompany(companyId)
        : !DataTypes.IsKnown(dataType) ? Problems.UnknownDataType(dataType)
        : null;
}

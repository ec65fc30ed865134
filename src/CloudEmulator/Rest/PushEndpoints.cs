using QbConnector.CloudEmulator.Grpc;
using QbConnector.CloudEmulator.Store;

namespace QbConnector.CloudEmulator.Rest;

internal static class PushEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // The body is the record; with ?recordId=&editSequence= the push modifies that record, else it adds one.
        app.MapPost("/companies/{companyId}/push/{dataType}", async (string companyId, string dataType, string? recordId, string? editSequence, HttpRequest request, CompanyStore companies, PushStore pushes, IConnectorNotifier connectors, CancellationToken ct) =>
        {
            if (DataEndpoints.Check(companies, companyId, dataType) is { } problem)
            {
                return problem;
            }

            if (companies.Get(companyId)!.LinkState == CompanyLinkState.Deauthorised)
            {
                return Problems.Conflict("The company is deauthorised: no connector will apply the push.");
            }

            if (string.IsNullOrEmpty(recordId) != string.IsNullOrEmpty(editSequence))
            {
                return Problems.BadRequest("To modify a record give both 'recordId' and 'editSequence'; to add one give neither.");
            }

            var (json, bodyProblem) = await JsonBody.ReadObjectAsync(request, ct);
            if (bodyProblem is not null)
            {
                return bodyProblem;
            }

            var operation = string.IsNullOrEmpty(recordId) ? PushOperation.Add : PushOperation.Mod;
            var push = pushes.Queue(companyId, dataType, operation, json, recordId, editSequence);
            connectors.WorkQueued(companyId);
            return Results.Accepted($"/companies/{companyId}/push/{push.Id}", PushView.From(push));
        });

        app.MapGet("/companies/{companyId}/push/{pushId}", (string companyId, string pushId, CompanyStore companies, PushStore pushes) =>
        {
            if (companies.Get(companyId) is null)
            {
                return Problems.UnknownCompany(companyId);
            }

            return pushes.Get(companyId, pushId) is { } push
                ? Results.Ok(PushView.From(push))
                : Problems.NotFound($"No push with id '{pushId}' for this company.");
        });
    }
}

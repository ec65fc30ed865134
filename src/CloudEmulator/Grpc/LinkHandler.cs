using QbConnector.CloudContract.V1;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>The Link call: turns the link service's outcome into a response or a gRPC status.</summary>
internal sealed class LinkHandler(LinkService linking, ConnectorSessions sessions, Serilog.ILogger log)
{
    private readonly Serilog.ILogger _log = log.ForContext<LinkHandler>();

    public Task<LinkResponse> LinkAsync(LinkRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var bearer = ConnectorServiceDescriptors.ReadBearer(context.RequestHeaders);
        var outcome = linking.Link(request, bearer);
        if (outcome.Failure is { } failure)
        {
            // The licence key is not a secret; the credential never appears in a log.
            _log.Warning("Link refused for licence key {LicenceKey}: {Failure} {Reason}", request.LicenceKey, failure, outcome.Message);
            throw new RpcException(new Status(ToStatusCode(failure), outcome.Message));
        }

        _log.Information(
            "Company {CompanyId} linked to file {FileName} ({Kind}), connector {ConnectorVersion}",
            outcome.CompanyId,
            request.CompanyFile.Name,
            bearer is null ? "new install" : "existing install",
            request.ConnectorVersion);

        // A company that joins an install whose stream is open gets its settings and first work now.
        sessions.SettingsChanged(outcome.CompanyId);
        sessions.WorkQueued(outcome.CompanyId!);
        return Task.FromResult(outcome.Response!);
    }

    internal static StatusCode ToStatusCode(LinkFailure failure) => failure switch
    {
        LinkFailure.InvalidArgument => StatusCode.InvalidArgument,
        LinkFailure.Unauthenticated => StatusCode.Unauthenticated,
        LinkFailure.NotFound => StatusCode.NotFound,
        LinkFailure.PermissionDenied => StatusCode.PermissionDenied,
        _ => StatusCode.FailedPrecondition,
    };
}

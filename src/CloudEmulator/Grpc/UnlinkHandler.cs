using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>The Unlink call: a connector ends one of its companies' links; the company is deauthorised.</summary>
internal sealed class UnlinkHandler(InstallStore installs, CompanyStore companies, Serilog.ILogger log)
{
    private readonly Serilog.ILogger _log = log.ForContext<UnlinkHandler>();

    public Task<UnlinkResponse> UnlinkAsync(UnlinkRequest request, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var credential = ConnectorServiceDescriptors.ReadBearer(context.RequestHeaders)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Unlink needs the install credential in the metadata 'authorization: Bearer <credential>'."));
        var install = installs.FindByCredential(credential)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The install credential is not known to the platform."));
        var id = request.CompanyId.Trim().ToLowerInvariant();
        var company = companies.Get(id)
            ?? throw new RpcException(new Status(StatusCode.NotFound, $"The platform does not know company '{request.CompanyId}'."));
        if (company.InstallId != install.Id)
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied, $"Company '{request.CompanyId}' is not linked to this install."));
        }

        companies.Deauthorise(id);
        _log.Information("Company {CompanyId} unlinked by its connector (install {InstallId}): {Reason}", id, install.Id, request.Reason);
        return Task.FromResult(new UnlinkResponse { LinkState = LinkState.Deauthorised });
    }
}

using QbConnector.CloudContract.V1;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies;
using QbConnector.Engine.Security;
using QbConnector.Grpc.Core;
using Serilog;

namespace QbConnector.Engine.Hosting;

/// <summary>
/// Tells the cloud that this install ends a company's link (the contract's Unlink call), a few
/// times over a short while if the cloud cannot be reached. The credential never reaches a log.
/// </summary>
internal sealed class CloudUnlinker(ConnectorServiceClient client, ICredentialStore credentials, TimeProvider time, ILogger log) : ICloudUnlinker
{
    private static readonly TimeSpan[] Retries = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(15);

    public async Task<bool> UnlinkAsync(string companyId, string reason, CancellationToken cancellationToken)
    {
        var credential = credentials.TryLoad(CloudLinkActor.CredentialKey);
        if (credential is null)
        {
            log.Warning("The cloud cannot be told that company {Company} is unlinked: this install has no credential", companyId);
            return false;
        }

        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.UnlinkAsync(
                    new UnlinkRequest { CompanyId = companyId, Reason = reason },
                    ConnectorServiceDescriptors.BearerHeaders(credential.Reveal()),
                    time.GetUtcNow().UtcDateTime + CallTimeout,
                    cancellationToken);
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound)
            {
                // The cloud has no such company any more: nothing is linked there.
                return true;
            }
            catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown && attempt < Retries.Length)
            {
                log.Information("The cloud could not be told that company {Company} is unlinked ({Status}); trying again", companyId, ex.StatusCode);
                await Task.Delay(Retries[attempt], time, cancellationToken);
            }
            catch (RpcException ex)
            {
                log.Warning("The cloud could not be told that company {Company} is unlinked: {Status} {Detail}", companyId, ex.StatusCode, ex.Status.Detail);
                return false;
            }
        }
    }
}

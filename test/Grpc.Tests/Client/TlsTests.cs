using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using QbConnector.Grpc.Client;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Support;

namespace QbConnector.Grpc.Tests.Client;

/// <summary>TLS on loopback with a self-signed certificate made for the test.</summary>
public sealed class TlsTests : IAsyncLifetime
{
    private X509Certificate2 _certificate = null!;
    private GrpcTestServer _server = null!;

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(System.Net.IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Kestrel needs the key in a form it can use on every platform: round-trip through PKCS#12.
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        _server = await GrpcTestServer.StartAsync(endpoints => endpoints.MapGrpcUnary(TestMethods.Unary, (r, c) => Task.FromResult("secure:" + r)), certificate: _certificate);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task A_pinned_certificate_is_accepted()
    {
        var thumbprint = _certificate.GetCertHashString(HashAlgorithmName.SHA256);
        using var channel = _server.CreateChannel(new GrpcChannelOptions
        {
            ServerCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && new X509Certificate2(certificate).GetCertHashString(HashAlgorithmName.SHA256) == thumbprint,
        });

        (await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "hi")).Should().Be("secure:hi");
    }

    [Fact]
    public async Task An_untrusted_certificate_is_refused_by_default()
    {
        using var channel = _server.CreateChannel();
        var act = async () => await channel.CreateCallInvoker().AsyncUnaryCall(TestMethods.Unary, null, default, "hi");
        (await act.Should().ThrowAsync<RpcException>()).Which.StatusCode.Should().Be(StatusCode.Unavailable);
    }
}

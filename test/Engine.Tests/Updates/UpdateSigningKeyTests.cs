using System.Reflection;
using System.Security.Cryptography;
using QbConnector.Engine.Updates.Signing;

namespace QbConnector.Engine.Tests.Updates;

public sealed class UpdateSigningKeyTests
{
    [Fact]
    public void The_built_in_key_is_the_one_set_at_build_time_or_else_the_placeholder_and_is_P256()
    {
        var fromBuild = typeof(UpdateSigningKey).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == UpdateSigningKey.MetadataKey)?.Value;

        UpdateSigningKey.BuiltInPublicKey.Should().Be(string.IsNullOrWhiteSpace(fromBuild) ? UpdateSigningKey.PlaceholderPublicKey : fromBuild.Trim());
        using var key = UpdateSigningKey.LoadBuiltIn();
        key.KeySize.Should().Be(256);
    }

    [Fact]
    public void A_key_that_is_not_P256_is_refused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);

        var act = () => UpdateSigningKey.Load(Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()));

        act.Should().Throw<CryptographicException>().WithMessage("*P-256*");
    }
}

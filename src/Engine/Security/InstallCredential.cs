namespace QbConnector.Engine.Security;

/// <summary>
/// The secret the cloud issues at link time in exchange for the licence key. Its ToString is
/// redacted so that it cannot reach a log by accident; only <see cref="Reveal"/> gives the value.
/// </summary>
public sealed class InstallCredential : IEquatable<InstallCredential>
{
    private readonly string _value;

    public InstallCredential(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    /// <summary>The value, for the one place that must send it (the cloud link's authorisation header).</summary>
    public string Reveal() => _value;

    public override string ToString() => "***";

    public bool Equals(InstallCredential? other) => other is not null && string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as InstallCredential);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value);
}

namespace QbConnector.Engine.Pushes;

/// <summary>
/// A reference in a push to a customer, vendor, account or item (CustomerRef, ItemRef,
/// ARAccountRef…), by ListID and/or FullName.
/// </summary>
/// <param name="Path">Where it is in the request, e.g. "InvoiceAdd/InvoiceLineAdd[2]/ItemRef".</param>
/// <param name="DataType">The data type it refers to: customers, vendors, accounts or items.</param>
public sealed record PushReference(string Path, string DataType, string? ListId, string? FullName)
{
    /// <summary>How the reference names its target, for messages.</summary>
    public string Describe() => ListId is not null ? $"ListID '{ListId}'" : $"FullName '{FullName}'";

    /// <summary>The data type a reference element points to, or null for references not checked here (terms, classes…).</summary>
    public static string? TargetOf(string refElement) => refElement switch
    {
        "CustomerRef" => "customers",
        "VendorRef" => "vendors",
        "ItemRef" => "items",
        _ when refElement.EndsWith("AccountRef", StringComparison.Ordinal) => "accounts",
        _ => null,
    };
}

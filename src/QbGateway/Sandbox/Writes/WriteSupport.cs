using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Writes;

/// <summary>A write request that cannot be applied, with its qbXML status.</summary>
internal sealed class WriteRejected(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

/// <summary>Resolving references (ListID or FullName) the way QuickBooks does: a reference to nothing is status 3140.</summary>
internal static class WriteSupport
{
    /// <summary>Which lists a reference element points into; references to lists the sandbox does not keep resolve to nothing.</summary>
    private static readonly Dictionary<string, string[]> RefTargets = new(StringComparer.Ordinal)
    {
        ["CustomerRef"] = ["Customer"],
        ["ParentRef"] = ["Customer"],
        ["VendorRef"] = ["Vendor"],
        ["TaxVendorRef"] = ["Vendor"],
        ["PrefVendorRef"] = ["Vendor"],
        ["TermsRef"] = ["StandardTerms"],
        ["ClassRef"] = ["Class"],
        ["SalesTaxCodeRef"] = ["SalesTaxCode"],
        ["CustomerSalesTaxCodeRef"] = ["SalesTaxCode"],
        ["ItemSalesTaxRef"] = ["ItemSalesTax"],
        ["ItemRef"] = ["ItemService", "ItemNonInventory", "ItemOtherCharge", "ItemInventory", "ItemSalesTax"],
        ["AccountRef"] = ["Account"],
        ["ARAccountRef"] = ["Account"],
        ["APAccountRef"] = ["Account"],
        ["DepositToAccountRef"] = ["Account"],
        ["BankAccountRef"] = ["Account"],
        ["EntityRef"] = ["Customer", "Vendor", "Employee", "OtherName"],
        ["PayeeEntityRef"] = ["Customer", "Vendor", "Employee", "OtherName"],
    };

    public static StoredRecord Resolve(SessionContext context, XElement reference, string inType)
    {
        var name = reference.Name.LocalName;
        var types = RefTargets.GetValueOrDefault(name) ?? [];
        var listId = reference.Element("ListID")?.Value.Trim();
        var fullName = reference.Element("FullName")?.Value.Trim();
        StoredRecord? found = null;
        if (listId is not null)
        {
            found = context.Store.FindById(listId);
            if (found is not null && !types.Contains(found.Type))
            {
                found = null;
            }
        }
        else if (fullName is not null)
        {
            found = context.Store.FindByName(types, fullName);
        }

        return found ?? throw new WriteRejected(3140, StatusMessages.InvalidReference(name.Replace("Ref", string.Empty, StringComparison.Ordinal), listId ?? fullName ?? string.Empty, inType));
    }

    /// <summary>The resolved reference as the Ret writes it (ListID and FullName).</summary>
    public static XElement ResolvedRef(string name, StoredRecord target) =>
        new(name, new XElement("ListID", target.Id), new XElement("FullName", target.Name ?? string.Empty));

    public static XElement ResolveToRet(SessionContext context, XElement reference, string inType) =>
        ResolvedRef(reference.Name.LocalName, Resolve(context, reference, inType));

    public static RequestResult Success(string responseName, XElement request, StoredRecord record, TimeSpan offset)
    {
        var include = request.Elements("IncludeRetElement").Select(e => e.Value.Trim()).ToHashSet(StringComparer.Ordinal);
        return new RequestResult
        {
            ResponseName = responseName,
            RequestId = (string?)request.Attribute("requestID"),
            IsWrite = true,
            RecordsReturned = 1,
            Body = writer => RetWriter.Write(writer, record, offset, includeLines: true, include.Count == 0 ? null : include),
        };
    }

    public static decimal Amount(XElement? element, string field)
    {
        if (element is null)
        {
            return 0m;
        }

        return QbFormat.TryParseAmount(element.Value, out var value) ? value : throw new WriteRejected(3210, StatusMessages.InvalidValue(field, element.Value));
    }

    public static DateOnly Date(XElement? element, DateOnly fallback)
    {
        if (element is null)
        {
            return fallback;
        }

        return QbFormat.TryParseDate(element.Value, out var date) ? date : throw new WriteRejected(3020, StatusMessages.BadDate(element.Value, element.Name.LocalName));
    }
}

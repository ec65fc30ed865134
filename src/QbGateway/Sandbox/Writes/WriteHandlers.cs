using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Writes;

/// <summary>The writes the sandbox applies; each runs in its own transaction (stopOnError never rolls back earlier requests).</summary>
internal static class WriteHandlers
{
    private static readonly Dictionary<string, Func<XElement, SessionContext, RequestResult>> Handlers = new(StringComparer.Ordinal)
    {
        ["CustomerAddRq"] = (r, c) => EntityWrites.Add(r, c, SandboxDataType.Customer),
        ["VendorAddRq"] = (r, c) => EntityWrites.Add(r, c, SandboxDataType.Vendor),
        ["CustomerModRq"] = (r, c) => EntityWrites.Mod(r, c, SandboxDataType.Customer),
        ["VendorModRq"] = (r, c) => EntityWrites.Mod(r, c, SandboxDataType.Vendor),
        ["InvoiceAddRq"] = TxnWrites.InvoiceAdd,
        ["BillAddRq"] = TxnWrites.BillAdd,
        ["ReceivePaymentAddRq"] = TxnWrites.ReceivePaymentAdd,
        ["JournalEntryAddRq"] = TxnWrites.JournalEntryAdd,
    };

    public static bool Handles(string requestName) => Handlers.ContainsKey(requestName);

    public static RequestResult Handle(XElement request, SessionContext context)
    {
        var name = request.Name.LocalName;
        try
        {
            return Handlers[name](request, context);
        }
        catch (WriteRejected rejected)
        {
            return new RequestResult
            {
                ResponseName = name[..^2] + "Rs",
                RequestId = (string?)request.Attribute("requestID"),
                StatusCode = rejected.StatusCode,
                Severity = "Error",
                Message = rejected.Message,
                IsWrite = true,
            };
        }
    }
}

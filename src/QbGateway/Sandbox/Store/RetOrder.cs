using System.Collections.Concurrent;
using QbConnector.QbGateway.Sandbox.Schema;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>The schema order of a Ret's direct children, for inserting an element where QuickBooks would write it.</summary>
internal static class RetOrder
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Cache = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string[]> Fallback = new(StringComparer.Ordinal)
    {
        ["AccountRet"] = ["Name", "FullName", "IsActive", "ParentRef", "Sublevel", "AccountType", "DetailAccountType", "SpecialAccountType", "IsTaxAccount", "AccountNumber", "BankNumber", "LastCheckNumber", "Desc", "Balance", "TotalBalance"],
    };

    public static IReadOnlyList<string> For(string retElement) => Cache.GetOrAdd(retElement, static name =>
        QbXmlContentModels.Models.TryGetValue(name, out var model)
            ? [.. ContentModel.Parse(model).ElementNamesInOrder()]
            : Fallback.GetValueOrDefault(name) ?? []);
}

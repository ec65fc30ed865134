using System.Security.Cryptography;
using System.Text;
using QbConnector.QbGateway.Catalog;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Stats;

/// <summary>Record count and content hash of one data type.</summary>
public sealed record DataTypeStats(string DataType, long Count, string ContentHash);

/// <summary>What a company file holds, in a form the cloud emulator can compare with what it received.</summary>
public sealed record CompanyFileStats(string CompanyName, string Country, IReadOnlyList<DataTypeStats> DataTypes, long DeletedRecords)
{
    public long TotalRecords => DataTypes.Sum(t => t.Count);
}

/// <summary>
/// Per data type (the catalogue's names, e.g. "customers", "items", "invoices"; lists the catalogue does
/// not sync keep their qbXML name, e.g. "Employee"): the number of existing records, and a content hash
/// defined as the SHA-256 (lower-case hex) of the UTF-8 concatenation, over the existing (not deleted)
/// records of that data type sorted by id (ordinal), of "{id}\t{editSequence}\n".
/// </summary>
public static class SandboxStats
{
    public static CompanyFileStats Compute(string companyFile)
    {
        using var store = CompanyStore.Open(companyFile);
        var company = SandboxCompany.Load(store);
        var groups = SandboxDataType.All
            .GroupBy(DataTypeOf, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        var result = new List<DataTypeStats>();
        foreach (var group in groups)
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long count = 0;
            foreach (var (id, editSequence) in store.StreamIdentities([.. group.Select(t => t.Name)]))
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{id}\t{editSequence}\n"));
                count++;
            }

            if (count > 0)
            {
                result.Add(new DataTypeStats(group.Key, count, Convert.ToHexStringLower(hash.GetHashAndReset())));
            }
        }

        return new CompanyFileStats(company.Name, company.Country.ToString(), result, store.CountDeleted());
    }

    /// <summary>The hash of an arbitrary set of (id, edit sequence) pairs, for comparing with <see cref="Compute"/>.</summary>
    public static string ContentHash(IEnumerable<(string Id, string EditSequence)> records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (id, editSequence) in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{id}\t{editSequence}\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The data type a stored record counts under: the catalogue entity whose query returns its Ret.</summary>
    internal static string DataTypeOf(SandboxDataType type) => QbCatalog.FindByRetElement(type.RetElement)?.DataType ?? type.Name;
}

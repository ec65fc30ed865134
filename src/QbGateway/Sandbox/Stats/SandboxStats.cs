using System.Security.Cryptography;
using System.Text;
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
/// Computes per data type: the number of existing records, and a content hash defined as the SHA-256
/// (lower-case hex) of the UTF-8 concatenation, over the existing (not deleted) records of that type
/// sorted by id (ordinal), of "{id}\t{editSequence}\n".
/// </summary>
public static class SandboxStats
{
    public static CompanyFileStats Compute(string companyFile)
    {
        using var store = CompanyStore.Open(companyFile);
        var company = SandboxCompany.Load(store);
        var result = new List<DataTypeStats>();
        string? currentType = null;
        IncrementalHash? hash = null;
        long count = 0;
        foreach (var (type, id, editSequence) in store.StreamIdentities())
        {
            if (!string.Equals(type, currentType, StringComparison.Ordinal))
            {
                Flush();
                currentType = type;
                hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                count = 0;
            }

            hash!.AppendData(Encoding.UTF8.GetBytes($"{id}\t{editSequence}\n"));
            count++;
        }

        Flush();
        return new CompanyFileStats(company.Name, company.Country.ToString(), result, store.CountDeleted());

        void Flush()
        {
            if (currentType is null || hash is null)
            {
                return;
            }

            result.Add(new DataTypeStats(currentType, count, Convert.ToHexStringLower(hash.GetHashAndReset())));
            hash.Dispose();
        }
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
}

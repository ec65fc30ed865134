using System.Globalization;
using QbConnector.QbGateway.Sandbox.Generation;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>The company-level facts of a sandbox file (what CompanyQuery and HostQuery reveal).</summary>
internal sealed record SandboxCompany(
    string Name,
    string LegalName,
    CompanyCountry Country,
    TimeSpan UtcOffset,
    string Addr1,
    string City,
    string State,
    string PostalCode,
    string Phone,
    string FirstMonthFiscalYear)
{
    /// <summary>Host-local standard time of a typical office in each region (QuickBooks' offsets ignore daylight saving).</summary>
    public static TimeSpan DefaultOffset(CompanyCountry country) => country switch
    {
        CompanyCountry.UK => TimeSpan.Zero,
        _ => TimeSpan.FromHours(-5),
    };

    /// <summary>
    /// The product name QuickBooks reports in HostRet. Regional editions name themselves, and HostRet also
    /// carries a two-letter Country element ("US", "CA", "UK"), which is what the region check should read.
    /// </summary>
    public string ProductName => Country switch
    {
        CompanyCountry.CA => "QuickBooks Premier Edition 2023 (Canada)",
        CompanyCountry.UK => "QuickBooks Pro 2023 (UK)",
        _ => "QuickBooks Pro 2023",
    };

    public static SandboxCompany Load(CompanyStore store)
    {
        string Meta(string key) => store.GetMeta(key) ?? string.Empty;
        return new SandboxCompany(
            Meta("company_name"),
            Meta("legal_name"),
            Enum.Parse<CompanyCountry>(Meta("country")),
            TimeSpan.FromMinutes(int.Parse(Meta("utc_offset_minutes"), CultureInfo.InvariantCulture)),
            Meta("addr1"),
            Meta("city"),
            Meta("state"),
            Meta("postal_code"),
            Meta("phone"),
            Meta("first_month_fiscal_year"));
    }
}

namespace QbConnector.QbGateway.Sandbox.Generation;

/// <summary>Sales tax as each regional edition names it.</summary>
internal static class TaxCodeNames
{
    public static string Taxable(CompanyCountry country, bool taxable) => country switch
    {
        CompanyCountry.CA => taxable ? "H" : "E",
        CompanyCountry.UK => taxable ? "S" : "Z",
        _ => taxable ? "Tax" : "Non",
    };

    public static string TaxItem(CompanyCountry country) => country switch
    {
        CompanyCountry.CA => "HST ON",
        CompanyCountry.UK => "VAT Standard",
        _ => "State Sales Tax",
    };

    public static string TaxItemDescription(CompanyCountry country) => country switch
    {
        CompanyCountry.CA => "Harmonized sales tax (Ontario)",
        CompanyCountry.UK => "Standard rate VAT",
        _ => "State sales tax",
    };

    public static decimal Rate(CompanyCountry country) => country switch
    {
        CompanyCountry.CA => 13m,
        CompanyCountry.UK => 20m,
        _ => 7.25m,
    };
}

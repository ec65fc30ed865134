using QbConnector.QbGateway.Sessions;
using QbConnector.QbGateway.Sessions.Com;
using QbConnector.QbGateway.Tests.Sessions;

namespace QbConnector.QbGateway.ComTests;

/// <summary>
/// The two real company files the contract runs on (QB_COMPANY_FILE and QB_OTHER_COMPANY_FILE), prepared once
/// per run with <see cref="ContractCompanyData"/>: the main file gets the customers, invoices and recent delete
/// the contract needs, through the real SDK.
/// </summary>
public sealed class ComContractCompanyFiles
{
    public const string AppId = "contract-tests";
    public const string AppName = "Contract tests";

    public ComContractCompanyFiles()
    {
        CompanyFile = Required("QB_COMPANY_FILE");
        OtherCompanyFile = Required("QB_OTHER_COMPANY_FILE");
        using var session = CreateSession();
        session.OpenConnection(AppId, AppName);
        ContractCompanyData.Prepare(session, CompanyFile, DateOnly.FromDateTime(DateTime.Now));
    }

    public string CompanyFile { get; }

    public string OtherCompanyFile { get; }

    /// <summary>A COM session on its own STA thread, asking for unattended access so files open while QuickBooks is closed.</summary>
    public static IQbSession CreateSession()
    {
        var session = new StaQbSession(() => new ComQbSession());
        session.AuthPreferences.UnattendedModeRequired = true;
        return session;
    }

    private static string Required(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value) || !File.Exists(value))
        {
            throw new InvalidOperationException($"Set {variable} to the full path of an existing QuickBooks company file (.qbw); see docs/quickbooks-com.md.");
        }

        return value;
    }
}

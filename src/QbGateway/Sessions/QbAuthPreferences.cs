namespace QbConnector.QbGateway.Sessions;

/// <summary>The SDK's AuthPreferences: what the application asks for when it is first authorised.</summary>
public sealed class QbAuthPreferences
{
    /// <summary>PutUnattendedModePref(1): ask for access while QuickBooks is not running.</summary>
    public bool UnattendedModeRequired { get; set; }

    /// <summary>PutPersonalDataPref: whether the application needs personal data (e.g. SSNs); it does not.</summary>
    public bool PersonalDataRequired { get; set; }
}

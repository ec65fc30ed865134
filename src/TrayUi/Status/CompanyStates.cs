namespace QbConnector.TrayUi.Status;

/// <summary>The company states the engine reports, and how the person reads them.</summary>
internal static class CompanyStates
{
    public const string Linking = "Linking";
    public const string WaitingForAuthorisation = "WaitingForAuthorisation";
    public const string Linked = "Linked";
    public const string Syncing = "Syncing";
    public const string Paused = "Paused";
    public const string NeedsAttention = "NeedsAttention";
    public const string Deauthorised = "Deauthorised";

    public static bool NeedsThePerson(string state) => state is NeedsAttention or Deauthorised or WaitingForAuthorisation;

    public static bool IsBusy(string state) => state is Syncing or Linking;

    public static string Label(string state) => state switch
    {
        Linking => "Linking",
        WaitingForAuthorisation => "Waiting for you in QuickBooks",
        Linked => "Up to date",
        Syncing => "Syncing",
        Paused => "Paused",
        NeedsAttention => "Needs you",
        Deauthorised => "Access removed",
        _ => state,
    };
}

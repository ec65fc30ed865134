using QbConnector.QbGateway.Errors;

namespace QbConnector.QbGateway.Sandbox.Faults;

/// <summary>
/// The HRESULTs the sandbox raises, with the SDK's own messages (QBXMLRP2's string table); the
/// classification and plain words come from the connector's <see cref="QbSdkErrors"/>, as for the real SDK.
/// </summary>
internal static class SdkErrors
{
    public const int ParseError = unchecked((int)0x80040400);
    public const int CouldNotAccess = unchecked((int)0x80040401);
    public const int Unexpected = unchecked((int)0x80040402);
    public const int CouldNotOpenFile = unchecked((int)0x80040403);
    public const int CouldNotStart = unchecked((int)0x80040408);
    public const int OtherFileOpen = unchecked((int)0x8004040A);
    public const int NoSession = unchecked((int)0x8004040C);
    public const int BadTicket = unchecked((int)0x8004040D);
    public const int NotConnected = unchecked((int)0x8004040F);
    public const int OtherMode = unchecked((int)0x80040410);
    public const int SessionAlreadyOpen = unchecked((int)0x80040411);
    public const int AlreadyConnected = unchecked((int)0x80040412);
    public const int RollbackNotSupported = unchecked((int)0x80040413);
    public const int ModalDialog = unchecked((int)0x80040414);
    public const int NoAppName = unchecked((int)0x80040415);
    public const int NotRunningNoFile = unchecked((int)0x80040416);
    public const int NoFileOpenNoFile = unchecked((int)0x80040417);
    public const int NotYetAuthorised = unchecked((int)0x80040418);
    public const int NoPermission = unchecked((int)0x8004041A);
    public const int CouldNotLock = unchecked((int)0x8004041B);
    public const int NoAutomaticLogin = unchecked((int)0x8004041D);
    public const int UserDenied = unchecked((int)0x80040420);
    public const int VersionNotSupported = unchecked((int)0x80040423);
    public const int StillStarting = unchecked((int)0x80040424);
    public const int LoggedInElsewhere = unchecked((int)0x80040437);
    public const int SeveralInstances = unchecked((int)0x80040438);

    private static readonly Dictionary<int, string> Messages = new()
    {
        [ParseError] = "QuickBooks found an error when parsing the provided XML text stream.",
        [CouldNotAccess] = "Could not access QuickBooks.",
        [Unexpected] = "Unexpected error. Check the \"qbsdklog.txt\" file for possible additional information.",
        [CouldNotOpenFile] = "Could not open the specified QuickBooks company data file.",
        [CouldNotStart] = "Could not start QuickBooks.",
        [OtherFileOpen] = "A QuickBooks company data file is already open and it is different from the one requested or there are multiple company files open.",
        [NoSession] = "The \"BeginSession\" method has not been called or it did not succeed.",
        [BadTicket] = "The ticket parameter is invalid.",
        [NotConnected] = "The \"OpenConnection\" method has not been called.",
        [OtherMode] = "The QuickBooks company data file is currently open in a mode other than the one specified by your application.",
        [SessionAlreadyOpen] = "Before calling the \"BeginSession\" method, you must call the \"EndSession\" method to terminate the current session.",
        [AlreadyConnected] = "You cannot make multiple successive calls to the \"OpenConnection\" method. Call \"CloseConnection\" before calling \"OpenConnection\" again.",
        [RollbackNotSupported] = "QuickBooks does not support the \"rollbackOnError\" value of the \"onError\" attribute.",
        [ModalDialog] = "A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box.",
        [NoAppName] = "A call to the \"OpenConnection\" method must include the name of your application.",
        [NotRunningNoFile] = "If QuickBooks is not running, a call to the \"BeginSession\" method must include the name of the QuickBooks company data file.",
        [NoFileOpenNoFile] = "If the QuickBooks company data file is not open, a call to the \"BeginSession\" method must include the name of the data file.",
        [NotYetAuthorised] = "This application has not accessed this QuickBooks company data file before. The QuickBooks administrator must grant an application permission to access a QuickBooks company data file for the first time.",
        [NoPermission] = "This application does not have permission to access this QuickBooks company data file. The QuickBooks administrator can grant access permission through the Integrated Application preferences.",
        [CouldNotLock] = "Unable to lock the necessary information to allow this application to access this QuickBooks company data file.  Try again later.",
        [NoAutomaticLogin] = "This application is not allowed to log into this QuickBooks company data file automatically. The QuickBooks administrator can grant permission for an automatic login through the Integrated Application preferences.",
        [UserDenied] = "The QuickBooks user has denied access.",
        [VersionNotSupported] = "The version of QBXML that was requested is not supported or is unknown.",
        [StillStarting] = "QuickBooks did not finish its initialization. Please try again later.",
        [LoggedInElsewhere] = "The user you are trying to log in with is already logged in from another machine.",
        [SeveralInstances] = "The application trying to connect to QuickBooks is not supported while multiple instances of QuickBooks are running.",
    };

    public static QbSdkException Create(int hresult, string? companyFile = null) =>
        QbSdkErrors.ToException(hresult, Messages[hresult], companyFile);
}

using QbConnector.QbGateway.Errors;

namespace QbConnector.QbGateway.Sandbox.Faults;

/// <summary>The HRESULTs the sandbox raises, with the SDK's own messages (QBXMLRP2's string table).</summary>
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

    private static readonly Dictionary<int, (string Sdk, QbErrorClass Class, string Plain, string Fix)> Table = new()
    {
        [ParseError] = ("QuickBooks found an error when parsing the provided XML text stream.", QbErrorClass.RequestInvalid,
            "QuickBooks could not read the request.", "The request is wrong; it is reported and not retried."),
        [CouldNotAccess] = ("Could not access QuickBooks.", QbErrorClass.RetryLater, "QuickBooks could not be reached.", "The connector will try again."),
        [Unexpected] = ("Unexpected error. Check the \"qbsdklog.txt\" file for possible additional information.", QbErrorClass.RetryLater,
            "QuickBooks reported an unexpected error.", "The connector will try again."),
        [CouldNotOpenFile] = ("Could not open the specified QuickBooks company data file.", QbErrorClass.NeedsPerson,
            "QuickBooks could not open the company file.", "Check that the company file exists and can be opened in QuickBooks."),
        [CouldNotStart] = ("Could not start QuickBooks.", QbErrorClass.NeedsPerson, "QuickBooks could not be started.", "Start QuickBooks on this computer."),
        [OtherFileOpen] = ("A QuickBooks company data file is already open and it is different from the one requested or there are multiple company files open.",
            QbErrorClass.NeedsPerson, "Another company file is open in QuickBooks.", "Close it, or open the linked company file."),
        [NoSession] = ("The \"BeginSession\" method has not been called or it did not succeed.", QbErrorClass.RetryLater, "No QuickBooks session is open.", "The connector will open one."),
        [BadTicket] = ("The ticket parameter is invalid.", QbErrorClass.RetryLater, "The QuickBooks session is no longer valid.", "The connector will open a new one."),
        [NotConnected] = ("The \"OpenConnection\" method has not been called.", QbErrorClass.RetryLater, "The connector is not connected to QuickBooks.", "The connector will connect."),
        [OtherMode] = ("The QuickBooks company data file is currently open in a mode other than the one specified by your application.", QbErrorClass.NeedsPerson,
            "The company file is open in another mode (single-user or multi-user).", "Switch QuickBooks to the other mode, or close the file."),
        [SessionAlreadyOpen] = ("Before calling the \"BeginSession\" method, you must call the \"EndSession\" method to terminate the current session.", QbErrorClass.RequestInvalid,
            "A QuickBooks session is already open.", "End the current session first."),
        [AlreadyConnected] = ("You cannot make multiple successive calls to the \"OpenConnection\" method. Call \"CloseConnection\" before calling \"OpenConnection\" again.", QbErrorClass.RequestInvalid,
            "The connection to QuickBooks is already open.", "Close it first."),
        [RollbackNotSupported] = ("QuickBooks does not support the \"rollbackOnError\" value of the \"onError\" attribute.", QbErrorClass.RequestInvalid,
            "QuickBooks cannot roll back a request set.", "Send stopOnError or continueOnError."),
        [ModalDialog] = ("A modal dialog box is showing in the QuickBooks user interface. Your application cannot access QuickBooks until the user dismisses the dialog box.", QbErrorClass.NeedsPerson,
            "A window is open in QuickBooks and blocks the connector.", "Close the open window in QuickBooks."),
        [NoAppName] = ("A call to the \"OpenConnection\" method must include the name of your application.", QbErrorClass.RequestInvalid, "The application name is missing.", "Give the application name."),
        [NotRunningNoFile] = ("If QuickBooks is not running, a call to the \"BeginSession\" method must include the name of the QuickBooks company data file.", QbErrorClass.NeedsPerson,
            "QuickBooks is not running and no company file was given.", "Start QuickBooks, or give the company file's path."),
        [NoFileOpenNoFile] = ("If the QuickBooks company data file is not open, a call to the \"BeginSession\" method must include the name of the data file.", QbErrorClass.NeedsPerson,
            "No company file is open in QuickBooks and none was given.", "Open the company file in QuickBooks, or give its path."),
        [NotYetAuthorised] = ("This application has not accessed this QuickBooks company data file before. The QuickBooks administrator must grant an application permission to access a QuickBooks company data file for the first time.", QbErrorClass.NeedsPerson,
            "QuickBooks has not yet allowed the connector to use this company file.", "Open the company file in QuickBooks as the administrator and allow access when asked."),
        [NoPermission] = ("This application does not have permission to access this QuickBooks company data file. The QuickBooks administrator can grant access permission through the Integrated Application preferences.", QbErrorClass.NeedsPerson,
            "The connector is not allowed to use this company file.", "In QuickBooks, Edit > Preferences > Integrated Applications, allow the connector."),
        [CouldNotLock] = ("Unable to lock the necessary information to allow this application to access this QuickBooks company data file.  Try again later.", QbErrorClass.RetryLater,
            "QuickBooks is busy with the company file.", "The connector will try again."),
        [NoAutomaticLogin] = ("This application is not allowed to log into this QuickBooks company data file automatically. The QuickBooks administrator can grant permission for an automatic login through the Integrated Application preferences.", QbErrorClass.NeedsPerson,
            "The connector may only use QuickBooks while it is open.", "Open QuickBooks, or allow access \"even if QuickBooks is not running\" in the Integrated Applications preferences."),
        [UserDenied] = ("The QuickBooks user has denied access.", QbErrorClass.NeedsPerson, "Access to QuickBooks was refused.", "Allow the connector in QuickBooks' Integrated Applications preferences."),
        [VersionNotSupported] = ("The version of QBXML that was requested is not supported or is unknown.", QbErrorClass.RequestInvalid, "This QuickBooks does not accept that qbXML version.", "Use a version the host supports."),
        [StillStarting] = ("QuickBooks did not finish its initialization. Please try again later.", QbErrorClass.RetryLater, "QuickBooks is still starting.", "The connector will try again."),
        [LoggedInElsewhere] = ("The user you are trying to log in with is already logged in from another machine.", QbErrorClass.NeedsPerson,
            "The QuickBooks user is logged in on another computer.", "Log that user out on the other computer."),
        [SeveralInstances] = ("The application trying to connect to QuickBooks is not supported while multiple instances of QuickBooks are running.", QbErrorClass.NeedsPerson,
            "Several copies of QuickBooks are running.", "Close all but one QuickBooks window."),
    };

    public static QbSdkException Create(int hresult)
    {
        var (sdk, errorClass, plain, fix) = Table[hresult];
        return new QbSdkException(hresult, errorClass, sdk, plain, fix);
    }
}

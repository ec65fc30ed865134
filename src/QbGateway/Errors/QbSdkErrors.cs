namespace QbConnector.QbGateway.Errors;

/// <summary>
/// Every HRESULT the SDK's request processor raises (0x80040400 to 0x80040439), classified, in the
/// connector's own plain words with the fix.
/// </summary>
public static class QbSdkErrors
{
    private static readonly QbSdkError[] Table =
    [
        new(unchecked((int)0x80040400), "XmlParseError", QbErrorClass.RequestInvalid, "QuickBooks could not read the request the connector sent.", "The connector skips this request and reports it; no action needed from you."),
        new(unchecked((int)0x80040401), "CannotAccessQuickBooks", QbErrorClass.RetryLater, "The connector could not reach QuickBooks.", "The connector will try again shortly. If it keeps failing, restart QuickBooks."),
        new(unchecked((int)0x80040402), "UnexpectedError", QbErrorClass.RetryLater, "QuickBooks reported an unexpected error.", "The connector will try again. If it keeps happening, restart QuickBooks and check qbsdklog.txt."),
        new(unchecked((int)0x80040403), "CannotOpenCompanyFile", QbErrorClass.NeedsPerson, "QuickBooks could not open the company file.", "Check that {file} exists and can be opened in QuickBooks, then the connector will continue by itself."),
        new(unchecked((int)0x80040404), "QbXmlNotSupported", QbErrorClass.NeedsPerson, "This version of QuickBooks cannot exchange data with the connector.", "Update QuickBooks Desktop to a supported version."),
        new(unchecked((int)0x80040405), "SdkNotInstalled", QbErrorClass.NeedsPerson, "The QuickBooks SDK components are not installed.", "Reinstall or repair QuickBooks Desktop (it installs the SDK components)."),
        new(unchecked((int)0x80040406), "CompanyFileVersionUnknown", QbErrorClass.NeedsPerson, "QuickBooks could not tell the version of the company file, or the file needs a newer QuickBooks.", "Open {file} in QuickBooks once (it may offer to update the file), or update QuickBooks."),
        new(unchecked((int)0x80040407), "QuickBooksIncomplete", QbErrorClass.NeedsPerson, "QuickBooks appears to be incompletely installed.", "Reinstall or repair QuickBooks Desktop."),
        new(unchecked((int)0x80040408), "CannotStartQuickBooks", QbErrorClass.NeedsPerson, "QuickBooks could not be started.", "Start QuickBooks yourself and open {file}; the connector will continue by itself."),
        new(unchecked((int)0x80040409), "CompanyFileWrongVersion", QbErrorClass.NeedsPerson, "This version of QuickBooks cannot work with the company file.", "Open {file} with the QuickBooks version it belongs to, or update the file in QuickBooks."),
        new(unchecked((int)0x8004040A), "OtherCompanyFileOpen", QbErrorClass.NeedsPerson, "Another company file is open in QuickBooks.", "Close it in QuickBooks (File > Close Company), or open {file}; the connector will continue by itself."),
        new(unchecked((int)0x8004040B), "CannotGetCompanyFileName", QbErrorClass.RetryLater, "QuickBooks could not tell which company file is open.", "The connector will try again shortly."),
        new(unchecked((int)0x8004040C), "NoSession", QbErrorClass.RetryLater, "The connection to QuickBooks was not ready.", "The connector reconnects by itself."),
        new(unchecked((int)0x8004040D), "InvalidTicket", QbErrorClass.RetryLater, "The session with QuickBooks had ended.", "The connector reconnects by itself."),
        new(unchecked((int)0x8004040E), "OutOfMemory", QbErrorClass.RetryLater, "QuickBooks ran out of memory for the request.", "The connector will retry with smaller pages. Closing other programs may help."),
        new(unchecked((int)0x8004040F), "NotConnected", QbErrorClass.RetryLater, "The connection to QuickBooks was not open.", "The connector reconnects by itself."),
        new(unchecked((int)0x80040410), "FileOpenInOtherMode", QbErrorClass.NeedsPerson, "The company file is open in QuickBooks in another mode (single-user or multi-user).", "Switch {file} to multi-user mode in QuickBooks (File > Switch to Multi-user Mode), or close it; the connector will continue by itself."),
        new(unchecked((int)0x80040411), "SessionAlreadyOpen", QbErrorClass.RetryLater, "A session with QuickBooks was still open.", "The connector ends the old session and retries by itself."),
        new(unchecked((int)0x80040412), "AlreadyConnected", QbErrorClass.RetryLater, "The connection to QuickBooks was already open.", "The connector reconnects by itself."),
        new(unchecked((int)0x80040413), "RollbackNotSupported", QbErrorClass.RequestInvalid, "QuickBooks does not support rolling back a failed request set.", "The connector skips this request and reports it; no action needed from you."),
        new(unchecked((int)0x80040414), "ModalDialogOpen", QbErrorClass.NeedsPerson, "A window is open in QuickBooks that blocks other programs.", "Close the open dialog box in QuickBooks; the connector will continue by itself."),
        new(unchecked((int)0x80040415), "ApplicationNameMissing", QbErrorClass.RequestInvalid, "The connector did not give QuickBooks its name.", "Update the connector."),
        new(unchecked((int)0x80040416), "QuickBooksNotRunningNoFile", QbErrorClass.NeedsPerson, "QuickBooks is not running and no company file was given.", "Start QuickBooks and open your company file, or link the company file by its path; the connector will continue by itself."),
        new(unchecked((int)0x80040417), "NoCompanyFileOpen", QbErrorClass.NeedsPerson, "No company file is open in QuickBooks and none was given.", "Open your company file in QuickBooks, or link it by its path; the connector will continue by itself."),
        new(unchecked((int)0x80040418), "FirstAccessNeedsAdmin", QbErrorClass.NeedsPerson, "The connector has not been allowed into this company file yet.", "Open {file} in QuickBooks as the Admin user and answer \"Yes, always; allow access even if QuickBooks is not running\" when QuickBooks asks about the connector."),
        new(unchecked((int)0x80040419), "CertificateInvalid", QbErrorClass.NeedsPerson, "QuickBooks considers the connector's certificate invalid.", "Reinstall the connector; if it persists, contact support."),
        new(unchecked((int)0x8004041A), "NoPermission", QbErrorClass.NeedsPerson, "The connector is not allowed to access this company file.", "In QuickBooks, as Admin: Edit > Preferences > Integrated Applications > Company Preferences, allow the connector for {file}."),
        new(unchecked((int)0x8004041B), "CannotLock", QbErrorClass.RetryLater, "QuickBooks could not lock the data the connector needs (someone else is using it).", "The connector will try again later by itself."),
        new(unchecked((int)0x8004041C), "QuickBooksInternalError", QbErrorClass.RetryLater, "QuickBooks had an internal error opening the company file.", "The connector will try again. If it keeps happening, restart QuickBooks or run File > Utilities > Verify Data."),
        new(unchecked((int)0x8004041D), "AutoLoginNotAllowed", QbErrorClass.NeedsPerson, "The connector is not allowed to log in to this company file by itself.", "In QuickBooks, as Admin: Edit > Preferences > Integrated Applications > Company Preferences > select the connector > Properties, tick \"Allow this application to login automatically\"."),
        new(unchecked((int)0x8004041E), "CertificateExpired", QbErrorClass.NeedsPerson, "The connector's certificate has expired for automatic login.", "Log in to {file} in QuickBooks and choose \"Allow Always\" when QuickBooks says the certificate has expired."),
        new(unchecked((int)0x8004041F), "EditionNotSupported", QbErrorClass.NeedsPerson, "This edition of QuickBooks does not accept connections from other programs.", "Use QuickBooks Pro, Premier or Enterprise (2002 or later)."),
        new(unchecked((int)0x80040420), "AccessDenied", QbErrorClass.NeedsPerson, "Someone at QuickBooks refused the connector's access.", "Open {file} in QuickBooks as Admin and allow the connector when QuickBooks asks (or in Edit > Preferences > Integrated Applications)."),
        new(unchecked((int)0x80040421), "QuickBooksMessage", QbErrorClass.RetryLater, "QuickBooks returned a message of its own.", "The connector will try again; if it repeats, the message text says what QuickBooks wants."),
        new(unchecked((int)0x80040422), "SingleUserNeededButShared", QbErrorClass.NeedsPerson, "The connector needs the company file to itself, but another program is using it.", "Close the other programs connected to {file}, or switch QuickBooks to multi-user mode; the connector will continue by itself."),
        new(unchecked((int)0x80040423), "QbXmlVersionUnknown", QbErrorClass.RequestInvalid, "QuickBooks does not accept the qbXML version the connector asked for.", "The connector falls back to a version QuickBooks supports; update QuickBooks if it persists."),
        new(unchecked((int)0x80040424), "QuickBooksStarting", QbErrorClass.RetryLater, "QuickBooks has not finished starting.", "The connector will try again in a moment by itself."),
        new(unchecked((int)0x80040425), "InvalidParameter", QbErrorClass.RequestInvalid, "QuickBooks refused a parameter of the connector's call.", "The connector skips this request and reports it."),
        new(unchecked((int)0x80040426), "ScriptsNotAllowed", QbErrorClass.NeedsPerson, "QuickBooks does not accept calls from scripts.", "Run the connector as installed, not from a script host."),
        new(unchecked((int)0x80040427), "QuickBooksNotRegistered", QbErrorClass.NeedsPerson, "QuickBooks needs to be registered.", "Register QuickBooks (Help > Register QuickBooks); the connector will continue by itself."),
        new(unchecked((int)0x80040428), "QbXmlVersionNotInSdk", QbErrorClass.RequestInvalid, "The installed SDK components do not support the qbXML version the connector asked for.", "Update QuickBooks Desktop (it updates the SDK components)."),
        new(unchecked((int)0x80040429), "MessageSetNotSupported", QbErrorClass.RequestInvalid, "QuickBooks cannot process this kind of request through this connection.", "The connector skips this request and reports it."),
        new(unchecked((int)0x8004042A), "RemoteCallNotAllowed", QbErrorClass.NeedsPerson, "QuickBooks does not accept calls from another computer.", "Run the connector on the computer where QuickBooks is installed."),
        new(unchecked((int)0x8004042B), "CallUnavailable", QbErrorClass.RequestInvalid, "This version of QuickBooks does not support the call.", "Update QuickBooks Desktop."),
        new(unchecked((int)0x8004042C), "CertificateRevoked", QbErrorClass.NeedsPerson, "The connector's certificate has been revoked.", "Install the latest connector; if it persists, contact support."),
        new(unchecked((int)0x8004042D), "QuickBooksLoginNotCompleted", QbErrorClass.NeedsPerson, "QuickBooks started but the company file was not opened (the login may not have been completed).", "Open QuickBooks, log in to {file}, and leave it open; the connector will continue by itself."),
        new(unchecked((int)0x8004042E), "CallNotAllowedInSession", QbErrorClass.RetryLater, "The call is not allowed while a session is open.", "The connector ends the session and retries by itself."),
        new(unchecked((int)0x8004042F), "ConnectionTypeNotFound", QbErrorClass.NeedsPerson, "The requested kind of connection to QuickBooks is not available.", "Reinstall or repair QuickBooks Desktop."),
        new(unchecked((int)0x80040430), "AutoLoginNeedsRegrant", QbErrorClass.NeedsPerson, "The connector can no longer log in to this company file by itself.", "In QuickBooks, as Admin: Edit > Preferences > Integrated Applications > Company Preferences: remove the connector's automatic login, save, then allow it again."),
        new(unchecked((int)0x80040431), "SimpleStartNotSupported", QbErrorClass.NeedsPerson, "The connector does not support QuickBooks Simple Start.", "Use QuickBooks Pro, Premier or Enterprise."),
        new(unchecked((int)0x80040432), "ProNotSupported", QbErrorClass.NeedsPerson, "This connector build does not support QuickBooks Pro.", "Install a connector build that supports QuickBooks Pro."),
        new(unchecked((int)0x80040433), "PremierNotSupported", QbErrorClass.NeedsPerson, "This connector build does not support QuickBooks Premier.", "Install a connector build that supports QuickBooks Premier."),
        new(unchecked((int)0x80040434), "EnterpriseNotSupported", QbErrorClass.NeedsPerson, "This connector build does not support QuickBooks Enterprise.", "Install a connector build that supports QuickBooks Enterprise."),
        new(unchecked((int)0x80040435), "AutoLoginNeedsReauthorising", QbErrorClass.NeedsPerson, "A configuration change means the connector must be authorised again for automatic login.", "In QuickBooks, as Admin: Edit > Preferences > Integrated Applications > Company Preferences, authorise the connector's automatic login again."),
        new(unchecked((int)0x80040436), "MultiUserNotInSimpleStart", QbErrorClass.NeedsPerson, "The connector needs multi-user access, which QuickBooks Simple Start does not offer.", "Use QuickBooks Pro, Premier or Enterprise."),
        new(unchecked((int)0x80040437), "UserLoggedInElsewhere", QbErrorClass.NeedsPerson, "The QuickBooks user is already logged in on another computer.", "Log that user out of QuickBooks on the other computer; the connector will continue by itself."),
        new(unchecked((int)0x80040438), "SeveralQuickBooksRunning", QbErrorClass.NeedsPerson, "Several copies of QuickBooks are running.", "Close the extra QuickBooks windows so only one is running; the connector will continue by itself."),
        new(unchecked((int)0x80040439), "SharedBooksReadOnly", QbErrorClass.NeedsPerson, "A company file with Shared Books is open read-only.", "Close {file} in QuickBooks or open it normally; the connector will continue by itself."),
    ];

    private static readonly Dictionary<int, QbSdkError> ByCode = Table.ToDictionary(e => e.HResult);

    /// <summary>All known SDK errors, in HRESULT order.</summary>
    public static IReadOnlyList<QbSdkError> All => Table;

    /// <summary>The entry for an HRESULT, or null when it is not one of the SDK's.</summary>
    public static QbSdkError? Find(int hresult) => ByCode.GetValueOrDefault(hresult);

    /// <summary>
    /// The entry for an HRESULT; an unknown one (COM itself, RPC failures) is treated as
    /// "retry later" with a generic message, since the connector cannot say more.
    /// </summary>
    public static QbSdkError Get(int hresult) => Find(hresult) ?? new QbSdkError(
        hresult, "Unknown", QbErrorClass.RetryLater, $"QuickBooks reported error 0x{hresult:X8}.", "The connector will try again. If it keeps happening, restart QuickBooks.");

    /// <summary>A typed exception for an HRESULT.</summary>
    public static QbSdkException ToException(int hresult, string? sdkMessage = null, string? companyFile = null, Exception? innerException = null) =>
        Get(hresult).ToException(sdkMessage, companyFile, innerException);
}

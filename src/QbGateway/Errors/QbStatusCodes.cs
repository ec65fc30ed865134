namespace QbConnector.QbGateway.Errors;

/// <summary>The qbXML statusCodes the connector meets, classified (see the qbXML README).</summary>
public static class QbStatusCodes
{
    public const int Ok = 0;
    public const int NoMatch = 1;
    public const int NotFoundWarning = 500;
    public const int MessageSetNotFound = 600;
    public const int InternalError = 1000;
    public const int InvalidRequestId = 1060;
    public const int InvalidObjectId = 3000;
    public const int InvalidDate = 3020;
    public const int DateRangeReversed = 3030;
    public const int NameInUse = 3100;
    public const int ObjectNotFound = 3120;
    public const int InvalidReference = 3140;
    public const int MissingElement = 3150;
    public const int ModifiedByAnotherUser = 3170;
    public const int LockedByAnotherUser = 3175;
    public const int LockedByAnotherUserInUse = 3176;
    public const int SaveFailedInUse = 3180;
    public const int EditSequenceOutOfDate = 3200;
    public const int InvalidValue = 3210;
    public const int RequestNotProcessed = 3231;
    public const int FeatureNotEnabled = 3250;
    public const int InsufficientPermission = 3260;
    public const int InvalidIteratorId = 3391;
    public const int MessageSetNothingStored = 9002;

    private static readonly QbStatus[] Table =
    [
        new(Ok, "Ok", null, "The request succeeded.", "Nothing to do."),
        new(NoMatch, "NoMatch", null, "Nothing matched the query.", "Nothing to do: an empty answer is not an error."),
        new(NotFoundWarning, "NotFoundWarning", null, "Some of the requested objects were not found.", "Nothing to do: the answer holds what was found."),
        new(MessageSetNotFound, "MessageSetNotFound", null, "QuickBooks has no stored outcome for this message set.", "The request was never processed; it can be sent again."),
        new(InternalError, "InternalError", QbErrorClass.RetryLater, "QuickBooks had an internal error.", "The connector will try again later by itself."),
        new(InvalidRequestId, "InvalidRequestId", QbErrorClass.RequestInvalid, "The request's requestID was not accepted.", "Fix the request: requestID must be at most 50 characters."),
        new(InvalidObjectId, "InvalidObjectId", QbErrorClass.RequestInvalid, "An ID in the request is not valid.", "Check the ListID or TxnID in the record."),
        new(InvalidDate, "InvalidDate", QbErrorClass.RequestInvalid, "A date in the request is not valid.", "Check the dates in the record."),
        new(DateRangeReversed, "DateRangeReversed", QbErrorClass.RequestInvalid, "A date range starts after it ends.", "Swap or fix the range's bounds."),
        new(NameInUse, "NameInUse", QbErrorClass.RequestInvalid, "The name is already used (names are unique across customers, vendors, employees and other names).", "Choose another name, or update the existing record instead."),
        new(ObjectNotFound, "ObjectNotFound", QbErrorClass.RequestInvalid, "An object the request refers to was not found.", "Check that the referenced record still exists in QuickBooks."),
        new(InvalidReference, "InvalidReference", QbErrorClass.RequestInvalid, "A reference in the request points to nothing usable.", "Check the referenced account, customer, item or other list entry."),
        new(MissingElement, "MissingElement", QbErrorClass.RequestInvalid, "A required field is missing.", "Add the missing field to the record."),
        new(ModifiedByAnotherUser, "ModifiedByAnotherUser", QbErrorClass.RetryLater, "Someone else changed the record at the same time.", "The connector will try again later by itself."),
        new(LockedByAnotherUser, "LockedByAnotherUser", QbErrorClass.RetryLater, "The record is in use by another QuickBooks user.", "The connector will try again later by itself."),
        new(LockedByAnotherUserInUse, "LockedInUse", QbErrorClass.RetryLater, "The record is locked by another QuickBooks user.", "The connector will try again later by itself."),
        new(SaveFailedInUse, "SaveFailedInUse", QbErrorClass.RetryLater, "QuickBooks could not save because the data is in use.", "The connector will try again later by itself."),
        new(EditSequenceOutOfDate, "EditSequenceOutOfDate", QbErrorClass.RequestInvalid, "The record changed in QuickBooks since it was read (stale EditSequence).", "Fetch the record again and reapply the change."),
        new(InvalidValue, "InvalidValue", QbErrorClass.RequestInvalid, "A value in the request is not valid.", "Check the record's values against QuickBooks' rules."),
        new(RequestNotProcessed, "RequestNotProcessed", QbErrorClass.RetryLater, "The request was not processed because an earlier request in the same set failed.", "The connector sends it again by itself."),
        new(FeatureNotEnabled, "FeatureNotEnabled", QbErrorClass.RequestInvalid, "The request needs a QuickBooks feature that is turned off in this company file.", "Turn the feature on in QuickBooks (Edit > Preferences), or leave it out of the record."),
        new(InsufficientPermission, "InsufficientPermission", QbErrorClass.NeedsPerson, "The QuickBooks user the connector logs in as may not do this.", "In QuickBooks, as Admin, give the connector's user the needed permission (Company > Users)."),
        new(InvalidIteratorId, "InvalidIteratorId", QbErrorClass.RetryLater, "The iterator expired or belongs to an ended session.", "The connector restarts the page window by itself."),
        new(MessageSetNothingStored, "MessageSetNothingStored", null, "QuickBooks stored no outcome for this message set.", "The request was never processed; it can be sent again."),
    ];

    private static readonly Dictionary<int, QbStatus> ByCode = Table.ToDictionary(s => s.Code);

    public static IReadOnlyList<QbStatus> All => Table;

    /// <summary>
    /// The meaning of a statusCode. Unknown codes follow their statusSeverity: Error → this
    /// request is wrong; Info or Warn → not a failure.
    /// </summary>
    public static QbStatus Get(int code, string? severity = null)
    {
        if (ByCode.TryGetValue(code, out var known))
        {
            return known;
        }

        return string.Equals(severity, "Error", StringComparison.OrdinalIgnoreCase)
            ? new QbStatus(code, "Error" + code.ToString(System.Globalization.CultureInfo.InvariantCulture), QbErrorClass.RequestInvalid, $"QuickBooks refused the request (status {code}).", "See QuickBooks' message for what to change in the record.")
            : new QbStatus(code, "Status" + code.ToString(System.Globalization.CultureInfo.InvariantCulture), null, $"QuickBooks answered with status {code}.", "Nothing to do.");
    }
}

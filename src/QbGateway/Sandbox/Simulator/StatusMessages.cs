namespace QbConnector.QbGateway.Sandbox.Simulator;

/// <summary>qbXML statusCodes and their messages, worded as QuickBooks words them where known.</summary>
internal static class StatusMessages
{
    public const string Ok = "Status OK";
    public const string NoMatch = "A query request did not find a matching object in QuickBooks";

    public static string BadRequestId(string id) => $"The requestID \"{id}\" is too long: it must be at most 50 characters.";

    public static string BadDate(string value, string field) => $"There was an error when converting the date value \"{value}\" in the field \"{field}\".";

    public static string DateRange(string from, string to) => $"The \"from\" date \"{from}\" is after the \"to\" date \"{to}\".";

    public static string NotFound(string id) => $"Object \"{id}\" specified in the request cannot be found.";

    public static string PartlyNotFound(string id) =>
        $"The query request has not been fully completed. There was a required element (\"{id}\") that could not be found in QuickBooks.";

    public static string NameInUse(string name) => $"The name \"{name}\" of the list element is already in use.";

    public static string InvalidReference(string what, string value, string inType) =>
        $"There is an invalid reference to QuickBooks {what} \"{value}\" in the {inType}. QuickBooks error message: Invalid argument. The specified record does not exist in the list.";

    public static string StaleEditSequence(string editSequence) => $"The provided edit sequence \"{editSequence}\" is out-of-date. ";

    public static string BadIterator(string id) => $"Could not find an iterator with the iteratorID \"{id}\". It may have expired or the session that started it has ended.";

    public static string InvalidValue(string field, string value) => $"The value \"{value}\" in the field \"{field}\" is not valid.";

    public static string NotSimulated(string request) => $"The sandbox QuickBooks does not answer {request}.";
}

namespace QbConnector.CloudEmulator.Rest;

/// <summary>Error answers as RFC 9457 problem details (application/problem+json), each with a clear message.</summary>
internal static class Problems
{
    public static IResult NotFound(string detail) => Problem(StatusCodes.Status404NotFound, "Not found", detail);

    public static IResult BadRequest(string detail) => Problem(StatusCodes.Status400BadRequest, "Bad request", detail);

    public static IResult Conflict(string detail) => Problem(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult TooLarge(string detail) => Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large", detail);

    public static IResult UnsupportedMediaType(string detail) => Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", detail);

    public static IResult UnknownCompany(string companyId) => NotFound($"No company with id '{companyId}'.");

    public static IResult UnknownDataType(string dataType) =>
        NotFound($"Unknown data type '{dataType}'. Known data types: {string.Join(", ", Store.DataTypes.All)}.");

    public static IResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}

namespace QbConnector.TrayUi.Dashboard;

/// <summary>The add-company form's answers.</summary>
internal sealed record AddCompanyForm(string? LicenceKey, string? CompanyFile, string? Region);

internal sealed record LicenceForm(string? LicenceKey);

internal sealed record CompanyFileForm(string? Path);

/// <summary>An answer the page shows as it is: what happened, in plain words.</summary>
internal sealed record MessageBody(string Message, string? CompanyId = null);

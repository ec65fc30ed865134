namespace QbConnector.TrayUi.Dashboard;

/// <summary>Checks a company file path before the engine is asked to link it, with a reason the person can act on.</summary>
internal static class CompanyFileCheck
{
    /// <returns>Null when the file is there; else what is wrong.</returns>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return "Enter the company file's full path, for example C:\\Users\\Public\\Documents\\Intuit\\QuickBooks\\Company Files\\My Company.QBW.";
        }

        path = path.Trim().Trim('"');
        if (!Path.IsPathFullyQualified(path))
        {
            return "Enter the full path, starting with the drive or folder, not just the file's name.";
        }

        if (Directory.Exists(path))
        {
            return "That is a folder. Enter the company file inside it (its name ends in .QBW).";
        }

        return File.Exists(path) ? null : "There is no file at that path on this PC. Check the spelling, or open the file in QuickBooks and copy its path from File > Open or Restore Company.";
    }

    public static string Normalise(string path) => path.Trim().Trim('"');
}

// Branded names of the download and the install folder. Loaded by build.cake (#load) and
// compiled by the launcher's tests, so the build and its tests share one implementation.
#pragma warning disable CA1050 // A Cake script cannot declare namespaces; this class must live in the global one.

public static class PackageNaming
{
    public const string DefaultBrand = "QbConnector";

    /// <summary>The brand as it may appear in file names: letters and digits kept, every run of anything else one dash.</summary>
    public static string BrandSlug(string brand)
    {
        var slug = new System.Text.StringBuilder();
        foreach (var c in (brand ?? string.Empty).Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[slug.Length - 1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().TrimEnd('-');
        return result.Length > 0 ? result : throw new System.ArgumentException($"The brand '{brand}' has no letters or digits.", nameof(brand));
    }

    /// <summary>The download: &lt;Brand&gt;-quickbooksDesktop-connector-&lt;version&gt;-&lt;rid&gt;.&lt;ext&gt;.</summary>
    public static string DownloadFileName(string brand, string version, string runtime, string extension) =>
        $"{BrandSlug(brand)}-quickbooksDesktop-connector-{version}-{runtime}.{extension.TrimStart('.')}";

    /// <summary>zip for Windows runtimes, tar.gz elsewhere.</summary>
    public static string ArchiveExtension(string runtime) => runtime.StartsWith("win", System.StringComparison.Ordinal) ? "zip" : "tar.gz";

    /// <summary>
    /// The install root: &lt;Program Files&gt;/&lt;Brand&gt;/QuickBooks-connector on Windows; the XDG data
    /// directory ($XDG_DATA_HOME, else ~/.local/share)/&lt;Brand&gt;/QuickBooks-connector elsewhere.
    /// </summary>
    public static string InstallFolder(string brand, bool windows, string programFiles, string xdgDataHome, string home)
    {
        var baseFolder = windows
            ? programFiles
            : (string.IsNullOrEmpty(xdgDataHome) ? System.IO.Path.Combine(home, ".local", "share") : xdgDataHome);
        return System.IO.Path.Combine(baseFolder, BrandSlug(brand), "QuickBooks-connector");
    }
}

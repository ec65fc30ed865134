using FsCheck;
using FsCheck.Fluent;

namespace QbConnector.Launcher.Tests.Packaging;

public sealed class PackageNamingTests
{
    [Theory]
    [InlineData("QbConnector", "QbConnector")]
    [InlineData("Acme & Sons, Inc.", "Acme-Sons-Inc")]
    [InlineData("  Ledger.io  ", "Ledger-io")]
    [InlineData("Books/Keeper\\Pro", "Books-Keeper-Pro")]
    [InlineData("Café Comptable", "Caf-Comptable")]
    public void Symbols_in_the_brand_become_single_dashes(string brand, string slug) =>
        PackageNaming.BrandSlug(brand).Should().Be(slug);

    [Theory]
    [InlineData("Acme & Sons", "1.5.0", "win-x64", "Acme-Sons-quickbooksDesktop-connector-1.5.0-win-x64.zip")]
    [InlineData("QbConnector", "2.0.0-rc.1", "linux-x64", "QbConnector-quickbooksDesktop-connector-2.0.0-rc.1-linux-x64.tar.gz")]
    public void The_download_is_named_after_brand_version_and_runtime(string brand, string version, string runtime, string expected) =>
        PackageNaming.DownloadFileName(brand, version, runtime, PackageNaming.ArchiveExtension(runtime)).Should().Be(expected);

    [Fact]
    public void A_brand_without_letters_or_digits_is_refused() =>
        FluentActions.Invoking(() => PackageNaming.BrandSlug("&&& !")).Should().Throw<ArgumentException>();

    [Fact]
    public void The_install_folder_is_under_program_files_on_windows_and_the_xdg_data_folder_elsewhere()
    {
        PackageNaming.InstallFolder("Acme & Sons", windows: true, @"C:\Program Files", "", "").Replace('\\', '/')
            .Should().Be("C:/Program Files/Acme-Sons/QuickBooks-connector");
        PackageNaming.InstallFolder("Acme", windows: false, "", "/data", "/home/pat").Should().Be("/data/Acme/QuickBooks-connector");
        PackageNaming.InstallFolder("Acme", windows: false, "", "", "/home/pat").Should().Be("/home/pat/.local/share/Acme/QuickBooks-connector");
    }

    [Fact]
    public void Any_brand_with_a_letter_gives_a_file_name_of_letters_digits_and_single_inner_dashes() =>
        Prop.ForAll(BrandText().Where(s => s.Any(char.IsAsciiLetterOrDigit)).ToArbitrary(), brand =>
        {
            var slug = PackageNaming.BrandSlug(brand);
            return slug.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                && !slug.StartsWith('-') && !slug.EndsWith('-') && !slug.Contains("--", StringComparison.Ordinal)
                && slug.Where(char.IsAsciiLetterOrDigit).SequenceEqual(brand.Where(char.IsAsciiLetterOrDigit));
        }).QuickCheckThrowOnFailure();

    // Letters, digits, and the symbols brands are made of.
    private static Gen<string> BrandText() =>
        Gen.Elements("abcXYZ019 &.,-_/\\!'é@+()".ToCharArray()).ArrayOf().Select(chars => new string(chars));
}

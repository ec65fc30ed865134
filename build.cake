// Build orchestration: ./build.sh <target> (or ./build.ps1 <target>).
// Targets: clean, build, test, demo, bench, bench-quick, package.
#load "src/Launcher/Packaging/PackageNaming.cake"
using System.Xml.Linq;

var target = Argument("target", "build");
var configuration = Argument("configuration", "Release");
var solution = "./Engine.sln";
var artifacts = MakeAbsolute(Directory("./artifacts"));

Task("clean")
    .Does(() =>
{
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectory(artifacts);
});

Task("restore")
    .Does(() => DotNetRestore(solution));

Task("build")
    .IsDependentOn("restore")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoRestore = true });
});

// Installs what the tests need that NuGet does not bring: npm packages for the
// independent gRPC peer, and Debian's Chromium when a browser test exists.
Task("test-deps")
    .Does(() =>
{
    foreach (var packageJson in GetFiles("./test/**/package.json").Where(f => !f.FullPath.Contains("/node_modules/")))
    {
        var dir = packageJson.GetDirectory();
        Information($"npm packages for {dir}");
        var lockFile = dir.CombineWithFilePath("package-lock.json");
        Run("npm", FileExists(lockFile) ? "ci --no-audit --no-fund" : "install --no-audit --no-fund", dir.FullPath);
    }

    var needsBrowser = GetFiles("./test/**/*.csproj").Any(p => System.IO.File.ReadAllText(p.FullPath).Contains("Microsoft.Playwright"));
    if (needsBrowser && !FileExists("/usr/bin/chromium") && IsRunningOnLinux())
    {
        Information("Installing Debian's Chromium for the browser tests");
        var sudo = Environment.UserName == "root" ? "" : "sudo ";
        Run("bash", $"-c \"{sudo}apt-get update -q && DEBIAN_FRONTEND=noninteractive {sudo}apt-get install -y -q chromium\"", ".");
    }
});

Task("test")
    .IsDependentOn("build")
    .IsDependentOn("test-deps")
    .Does(() =>
{
    var results = artifacts.Combine("test-results");
    CleanDirectory(results);
    var failedRun = false;
    var testProjects = GetFiles("./test/**/*.csproj")
        .Where(p => System.IO.File.ReadAllText(p.FullPath) is var text
            && text.Contains("<IsTestProject>true</IsTestProject>")
            // Suites that need a real QuickBooks on Windows run by their own documented command.
            && !text.Contains("<ExcludeFromDefaultTestRun>true</ExcludeFromDefaultTestRun>"))
        .ToList();
    // One project at a time, each into its own folder: end-to-end tests start real processes and
    // ports, and a 2-core machine gains nothing from running hosts side by side.
    foreach (var project in testProjects)
    {
        var projectResults = results.Combine(project.GetFilenameWithoutExtension().ToString());
        try
        {
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration,
                NoBuild = true,
                NoRestore = true,
                ResultsDirectory = projectResults,
                Loggers = new[] { "trx;LogFileName=results.trx", "console;verbosity=normal" },
                ArgumentCustomization = args => args.Append("--blame-hang-timeout 10m"),
            });
        }
        catch (Exception)
        {
            failedRun = true;
        }
    }

    long passed = 0, failed = 0, skipped = 0;
    var trxFiles = GetFiles($"{results}/**/*.trx").ToList();
    foreach (var trx in trxFiles)
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        long Count(string name) => long.Parse(counters.Attribute(name)?.Value ?? "0");
        passed += Count("passed");
        failed += Count("failed") + Count("error") + Count("timeout") + Count("aborted");
        skipped += Count("notExecuted");
    }
    if (trxFiles.Count < testProjects.Count)
    {
        // A test host that crashed writes no results: count it as a failure, never as silence.
        failed += testProjects.Count - trxFiles.Count;
        failedRun = true;
    }

    var totals = skipped > 0 ? $"{passed} passed, {failed} failed, {skipped} skipped" : $"{passed} passed, {failed} failed";
    System.IO.File.WriteAllText(results.CombineWithFilePath("totals.txt").FullPath, totals + "\n");
    Information(totals);
    if (failedRun || failed > 0)
    {
        throw new Exception("Tests failed.");
    }
});

Task("demo")
    .IsDependentOn("build")
    .Does(() =>
{
    var extra = Argument("keep-running", false) ? " --keep-running" : "";
    Run("dotnet", $"run --no-build -c {configuration} --project src/Engine -- demo{extra}", ".");
});

Task("bench")
    .IsDependentOn("build")
    .Does(() =>
{
    Run("dotnet", $"run --no-build -c {configuration} --project test/Benchmarks -- --filter * --inProcess", ".");
    // End to end: engine, emulator and sandbox files as real processes, each scenario beside its limit; writes docs/benchmarks.md.
    Run("dotnet", $"run --no-build -c {configuration} --project test/LoadDriver", ".");
});

Task("bench-quick")
    .IsDependentOn("build")
    .Does(() =>
{
    // A few minutes in all: every micro-benchmark once (a dry job proves they run; figures come from `bench`), and the load driver's small sizes.
    Run("dotnet", $"run --no-build -c {configuration} --project test/Benchmarks -- --filter * --job dry --inProcess", ".");
    Run("dotnet", $"run --no-build -c {configuration} --project test/LoadDriver -- --quick", ".");
});

// Self-contained engine, tray UI and launcher per runtime, as one branded archive with its
// manifest inside and beside it: ./build.sh package [--brand="Acme & Sons"] [--package-version=1.2.0]
Task("package")
    .Does(() =>
{
    var brand = Argument("brand", PackageNaming.DefaultBrand);
    var version = Argument("package-version", XDocument.Load("./Directory.Build.props").Descendants("Version").First().Value);
    var output = artifacts.Combine("packages");
    EnsureDirectoryExists(output);
    foreach (var runtime in new[] { "win-x64", "linux-x64" })
    {
        var staging = output.Combine("staging").Combine(runtime);
        CleanDirectory(staging);
        foreach (var (project, folder) in new[] { ("src/Engine", "engine"), ("src/TrayUi", "tray"), ("src/Launcher", "launcher") })
        {
            Run("dotnet", $"publish {project} -c {configuration} -r {runtime} --self-contained -p:Version={version} -o \"{staging.Combine(folder)}\"", ".");
        }

        var exe = runtime.StartsWith("win") ? ".exe" : "";
        var manifest = PackageManifestJson(staging.FullPath, version, runtime, $"engine/QbConnector.Engine{exe}");
        System.IO.File.WriteAllText(staging.CombineWithFilePath("manifest.json").FullPath, manifest);
        var name = PackageNaming.DownloadFileName(brand, version, runtime, PackageNaming.ArchiveExtension(runtime));
        var archive = output.CombineWithFilePath(name).FullPath;
        WriteArchive(staging.FullPath, archive);
        System.IO.File.WriteAllText(archive + ".manifest.json", manifest);
        DeleteDirectory(staging, new DeleteDirectorySettings { Recursive = true, Force = true });
        Information($"{name}: {new System.IO.FileInfo(archive).Length / (1024 * 1024)} MiB, sha256 {FileSha256(archive)}");
    }

    DeleteDirectory(output.Combine("staging"), new DeleteDirectorySettings { Recursive = true, Force = true });
});

// The manifest the updater checks (src/Engine/Updates/Install/PackageManifest.cs): version,
// runtime, entry point, and every file with its size and SHA-256.
string PackageManifestJson(string folder, string version, string runtime, string entryPoint)
{
    var files = System.IO.Directory.EnumerateFiles(folder, "*", System.IO.SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/'))
        .Where(f => f != "manifest.json")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => new { path = f, size = new System.IO.FileInfo(System.IO.Path.Combine(folder, f)).Length, sha256 = FileSha256(System.IO.Path.Combine(folder, f)) })
        .ToList();
    return System.Text.Json.JsonSerializer.Serialize(new { version, runtime, entryPoint, files }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}

string FileSha256(string path)
{
    using var stream = System.IO.File.OpenRead(path);
    return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream)).ToLowerInvariant();
}

// zip for Windows, tar.gz (keeping Unix modes) elsewhere.
void WriteArchive(string folder, string archive)
{
    if (System.IO.File.Exists(archive))
    {
        System.IO.File.Delete(archive);
    }

    if (archive.EndsWith(".zip"))
    {
        System.IO.Compression.ZipFile.CreateFromDirectory(folder, archive, System.IO.Compression.CompressionLevel.Optimal, includeBaseDirectory: false);
        return;
    }

    using var file = System.IO.File.Create(archive);
    using var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Optimal);
    System.Formats.Tar.TarFile.CreateFromDirectory(folder, gzip, includeBaseDirectory: false);
}

void Run(string tool, string arguments, string workingDirectory)
{
    var exit = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory });
    if (exit != 0)
    {
        throw new Exception($"'{tool} {arguments}' exited with {exit}.");
    }
}

RunTarget(target);

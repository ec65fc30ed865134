// Build orchestration: ./build.sh <target> (or ./build.ps1 <target>).
// Targets: clean, build, test, demo, bench, bench-quick.
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
    Run("dotnet", $"run --no-build -c {configuration} --project test/Benchmarks -- --filter *", ".");
});

Task("bench-quick")
    .IsDependentOn("build")
    .Does(() =>
{
    Run("dotnet", $"run --no-build -c {configuration} --project test/Benchmarks -- --filter * --job short", ".");
});

void Run(string tool, string arguments, string workingDirectory)
{
    var exit = StartProcess(tool, new ProcessSettings { Arguments = arguments, WorkingDirectory = workingDirectory });
    if (exit != 0)
    {
        throw new Exception($"'{tool} {arguments}' exited with {exit}.");
    }
}

RunTarget(target);

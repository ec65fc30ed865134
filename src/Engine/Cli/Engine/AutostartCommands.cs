using System.CommandLine;
using QbConnector.Engine.Autostart;
using QbConnector.Engine.Hosting;
using QbConnector.Engine.Uninstall;

namespace QbConnector.Engine.Cli.Engine;

/// <summary><c>install</c> and <c>uninstall</c>: start at log-on (and restart if it dies), or not.</summary>
internal static class AutostartCommands
{
    public static Command Install()
    {
        var dataDir = CommonOptions.DataDir();
        var command = new Command("install", "Registers the connector to start at log-on and be restarted if it stops.") { dataDir };
        command.SetAction(result =>
        {
            var data = CommonOptions.Resolve(result.GetValue(dataDir));
            var options = RunCommand.LoadOptions(data);
            try
            {
                var done = Autostarts.ForThisPlatform(options.Autostart).Install(LaunchCommand.ForThisEngine(data));
                result.InvocationConfiguration.Output.WriteLine(done.Message);
                return 0;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                result.InvocationConfiguration.Error.WriteLine($"The connector could not be registered to start at log-on: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    public static Command Uninstall()
    {
        var dataDir = CommonOptions.DataDir();
        var removeData = new Option<bool>("--remove-data") { Description = "Also delete the data folder (linked companies, unsent data, credentials, logs). The engine must be stopped." };
        var command = new Command("uninstall", "Stops the connector from starting at log-on; with --remove-data, also deletes its data.") { dataDir, removeData };
        command.SetAction(result =>
        {
            var data = CommonOptions.Resolve(result.GetValue(dataDir));
            var options = RunCommand.LoadOptions(data);
            var output = result.InvocationConfiguration.Output;
            try
            {
                if (result.GetValue(removeData) && Directory.Exists(data.Root))
                {
                    // The engine holds its lock while it runs: its files are not pulled from under it.
                    using (SingleInstanceLock.Acquire(data.LockFile))
                    {
                    }

                    output.WriteLine(Autostarts.ForThisPlatform(options.Autostart).Uninstall().Message);
                    SelfUninstaller.RemoveData(data, keepLogs: false);
                    output.WriteLine($"Deleted the data folder {data.Root}.");
                    return 0;
                }

                output.WriteLine(Autostarts.ForThisPlatform(options.Autostart).Uninstall().Message);
                return 0;
            }
            catch (EngineAlreadyRunningException)
            {
                result.InvocationConfiguration.Error.WriteLine("The engine is running for this data folder: unlink its companies or stop it before deleting its data.");
                return 1;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
            {
                result.InvocationConfiguration.Error.WriteLine($"The connector could not be uninstalled: {ex.Message}");
                return 1;
            }
        });
        return command;
    }
}

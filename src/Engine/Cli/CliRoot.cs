using System.CommandLine;
using QbConnector.Engine.Cli.Engine;
using QbConnector.Engine.Cli.Sandbox;

namespace QbConnector.Engine.Cli;

/// <summary>The engine's command line: one root command, each verb group in its own folder.</summary>
internal static class CliRoot
{
    public static RootCommand Create()
    {
        var root = new RootCommand("QuickBooks Desktop connector engine.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ControlCommands.Link());
        root.Subcommands.Add(ControlCommands.Status());
        root.Subcommands.Add(ControlCommands.Sync());
        root.Subcommands.Add(ControlCommands.Pause());
        root.Subcommands.Add(ControlCommands.Resume());
        root.Subcommands.Add(ControlCommands.Unlink());
        root.Subcommands.Add(AutostartCommands.Install());
        root.Subcommands.Add(AutostartCommands.Uninstall());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(Demo.DemoCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; output and errors go to the given writers (the console by default).</summary>
    public static int Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var configuration = new InvocationConfiguration();
        if (output is not null)
        {
            configuration.Output = output;
        }

        if (error is not null)
        {
            configuration.Error = error;
        }

        return Create().Parse(args).Invoke(configuration);
    }
}

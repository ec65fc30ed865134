using System.Text;

namespace QbConnector.Engine.Autostart;

/// <summary>Quoting of one argument list for each place a command line is written.</summary>
public static class CommandLines
{
    /// <summary>
    /// Windows: arguments as CommandLineToArgvW and the C runtime read them back (quotes around
    /// arguments with spaces, tabs or quotes; backslashes doubled only before a quote).
    /// </summary>
    public static string Windows(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(QuoteWindows));
    }

    /// <summary>systemd's ExecStart: double quotes, C escapes, and %/$ doubled so they are not specifiers or variables.</summary>
    public static string Systemd(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(a =>
        {
            var escaped = a.Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("%", "%%", StringComparison.Ordinal)
                .Replace("$", "$$", StringComparison.Ordinal);
            return "\"" + escaped + "\"";
        }));
    }

    /// <summary>
    /// A desktop entry's Exec key: each argument in double quotes with ", `, $ and \ escaped, % as
    /// %%, and then the string-value escaping of the file format (a backslash is written twice).
    /// </summary>
    public static string DesktopExec(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return string.Join(' ', arguments.Select(a =>
        {
            var quoted = new StringBuilder("\"");
            foreach (var c in a)
            {
                if (c is '"' or '`' or '$' or '\\')
                {
                    quoted.Append('\\');
                }

                quoted.Append(c == '%' ? "%%" : c.ToString());
            }

            return quoted.Append('"').ToString().Replace("\\", "\\\\", StringComparison.Ordinal);
        }));
    }

    private static string QuoteWindows(string argument)
    {
        if (argument.Length > 0 && argument.IndexOfAny([' ', '\t', '\n', '\v', '"']) < 0)
        {
            return argument;
        }

        var quoted = new StringBuilder("\"");
        var backslashes = 0;
        foreach (var c in argument)
        {
            if (c == '\\')
            {
                backslashes++;
                continue;
            }

            if (c == '"')
            {
                quoted.Append('\\', (backslashes * 2) + 1);
            }
            else
            {
                quoted.Append('\\', backslashes);
            }

            backslashes = 0;
            quoted.Append(c);
        }

        return quoted.Append('\\', backslashes * 2).Append('"').ToString();
    }
}

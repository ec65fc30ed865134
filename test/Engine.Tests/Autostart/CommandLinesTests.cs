using System.Text;
using FsCheck;
using FsCheck.Fluent;
using QbConnector.Engine.Autostart;

namespace QbConnector.Engine.Tests.Autostart;

public sealed class CommandLinesTests
{
    [Fact]
    public void Windows_quoting_reads_back_as_the_same_arguments_for_any_text()
    {
        var arguments = ArbMap.Default.GeneratorFor<string[]>()
            .Select(a => a.Where(s => s is not null).Select(s => s.Replace("\0", "", StringComparison.Ordinal)).ToArray())
            .ToArbitrary();
        Prop.ForAll(arguments, args => ParseWindows(CommandLines.Windows(args)).SequenceEqual(args)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(@"C:\Program Files\QbConnector\QbConnector.Engine.exe", @"""C:\Program Files\QbConnector\QbConnector.Engine.exe""")]
    [InlineData(@"C:\data dir\", @"""C:\data dir\\""")]
    [InlineData(@"say ""hi""", @"""say \""hi\""""")]
    [InlineData("plain", "plain")]
    [InlineData("", @"""""")]
    public void Windows_quotes_only_what_needs_it(string argument, string expected) =>
        CommandLines.Windows([argument]).Should().Be(expected);

    [Fact]
    public void Systemd_escapes_quotes_backslashes_specifiers_and_variables() =>
        CommandLines.Systemd(["/opt/qb connector/run", "100%", "$HOME", "a\"b\\c"])
            .Should().Be("\"/opt/qb connector/run\" \"100%%\" \"$$HOME\" \"a\\\"b\\\\c\"");

    [Fact]
    public void Desktop_exec_escapes_for_quoting_and_then_for_the_file_format() =>
        CommandLines.DesktopExec(["/opt/qb connector/run", "a$b", "c\\d", "50%"])
            .Should().Be("\"/opt/qb connector/run\" \"a\\\\$b\" \"c\\\\\\\\d\" \"50%%\"");

    /// <summary>The C runtime's reading of a command line (as CommandLineToArgvW, after the program name).</summary>
    private static List<string> ParseWindows(string line)
    {
        var args = new List<string>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= line.Length)
            {
                return args;
            }

            var current = new StringBuilder();
            var quoted = false;
            while (i < line.Length && (quoted || line[i] is not (' ' or '\t')))
            {
                var backslashes = 0;
                while (i < line.Length && line[i] == '\\')
                {
                    backslashes++;
                    i++;
                }

                if (i < line.Length && line[i] == '"')
                {
                    current.Append('\\', backslashes / 2);
                    if (backslashes % 2 == 1)
                    {
                        current.Append('"');
                    }
                    else if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                    {
                        current.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = !quoted;
                    }

                    i++;
                }
                else
                {
                    current.Append('\\', backslashes);
                    if (i < line.Length && (quoted || line[i] is not (' ' or '\t')))
                    {
                        current.Append(line[i]);
                        i++;
                    }
                }
            }

            args.Add(current.ToString());
        }
    }
}

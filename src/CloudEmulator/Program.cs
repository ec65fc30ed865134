namespace QbConnector.CloudEmulator;

internal static class Program
{
    public static int Main()
    {
        Console.WriteLine("Cloud emulator: not implemented yet.");
        return 0;
    }
}

namespace QbConnector.Engine;

internal static class Program
{
    public static int Main(string[] args)
    {
        Console.WriteLine("QuickBooks Desktop connector engine. Verbs arrive with the sync engine.");
        return args.Length == 0 ? 0 : 2;
    }
}

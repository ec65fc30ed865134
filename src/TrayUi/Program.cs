namespace QbConnector.TrayUi;

internal static class Program
{
    public static int Main()
    {
        Console.WriteLine("Tray UI");
        return 0;
    }
}

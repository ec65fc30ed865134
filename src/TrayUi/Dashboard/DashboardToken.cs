using System.Security.Cryptography;
using System.Text;

namespace QbConnector.TrayUi.Dashboard;

/// <summary>
/// The per-install secret that opens the dashboard: 256 random bits, kept owner-only in the data
/// folder, so only the person's own account can open it (through the URL the tray hands over).
/// </summary>
internal static class DashboardToken
{
    public static string LoadOrCreate(DashboardFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (File.Exists(files.TokenFile))
        {
            var existing = File.ReadAllText(files.TokenFile).Trim();
            if (existing.Length >= 32)
            {
                return existing;
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        files.WriteOwnerOnly(files.TokenFile, token);
        return token;
    }

    /// <summary>Compares in constant time, so response timing tells nothing about the token.</summary>
    public static bool Matches(string expected, string? candidate)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (candidate is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(candidate));
    }
}

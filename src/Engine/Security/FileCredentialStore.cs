using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Text;

namespace QbConnector.Engine.Security;

/// <summary>
/// One file per company under a credentials folder. On Windows the bytes are sealed with DPAPI
/// for the current user; elsewhere the folder is 0700 and each file 0600, readable by the owner only.
/// Files are written to a temporary name and renamed, so a crash never leaves half a credential.
/// </summary>
public sealed class FileCredentialStore : ICredentialStore
{
    private static readonly byte[] Entropy = "QbConnector.InstallCredential.v1"u8.ToArray();
    private readonly string _directory;

    public FileCredentialStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = directory;
    }

    public void Save(string companyId, InstallCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        EnsureDirectory();
        var path = PathFor(companyId);
        var temporary = path + ".tmp";
        var bytes = Protect(Encoding.UTF8.GetBytes(credential.Reveal()));
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Options = FileOptions.WriteThrough };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(temporary, options))
        {
            file.Write(bytes);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    public InstallCredential? TryLoad(string companyId)
    {
        var path = PathFor(companyId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return new InstallCredential(Encoding.UTF8.GetString(Unprotect(File.ReadAllBytes(path))));
        }
        catch (CryptographicException ex)
        {
            throw new CredentialStoreException($"The stored credential for company '{companyId}' in '{path}' cannot be read by this user. Link the company again to get a new one.", ex);
        }
    }

    public void Delete(string companyId)
    {
        var path = PathFor(companyId);
        if (!File.Exists(path))
        {
            return;
        }

        // Overwrite before deleting, so the secret does not linger in the freed blocks of simple file systems.
        var length = new FileInfo(path).Length;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Write(new byte[length]);
            file.Flush(flushToDisk: true);
        }

        File.Delete(path);
    }

    private string PathFor(string companyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(companyId);
        // Company ids come from the cloud: never let one pick a path.
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(companyId)));
        return Path.Combine(_directory, name + ".credential");
    }

    private void EnsureDirectory()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(_directory);
        }
        else
        {
            Directory.CreateDirectory(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.SetUnixFileMode(_directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static byte[] Protect(byte[] plain) => OperatingSystem.IsWindows() ? ProtectWindows(plain) : plain;

    private static byte[] Unprotect(byte[] stored) => OperatingSystem.IsWindows() ? UnprotectWindows(stored) : stored;

    [SupportedOSPlatform("windows")]
    private static byte[] ProtectWindows(byte[] plain) => ProtectedData.Protect(plain, Entropy, DataProtectionScope.CurrentUser);

    [SupportedOSPlatform("windows")]
    private static byte[] UnprotectWindows(byte[] stored) => ProtectedData.Unprotect(stored, Entropy, DataProtectionScope.CurrentUser);
}

namespace QbConnector.Engine.Updates.Layout;

/// <summary>
/// Small state files replaced in one rename: a reader (or a process started after a crash at any
/// instant) sees either the old content or the new, never a torn one.
/// </summary>
public static class AtomicFile
{
    public static void WriteAllText(string path, string content)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(content);
                stream.Write(bytes);

                // The bytes must be on disk before the rename makes them the file's content.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>The file's trimmed content, or null when it does not exist.</summary>
    public static string? ReadAllTextOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes temporary files left by a writer that was killed before its rename.</summary>
    public static void DeleteLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var temp in Directory.EnumerateFiles(directory, "*.tmp"))
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
                // Another process may own it right now; the next start tries again.
            }
        }
    }
}

namespace Corridors.Cli;

/// <summary>Writes files the user asked the CLI to write, turning a bad path into a usage error (exit 1).</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file of a unique name in the same directory, then moves it
    /// into place, so a failure never leaves a truncated file and two writers never share a temporary file. A path
    /// that is empty, a directory, or an existing non-regular file (a device node, a symbolic link, a pipe) is refused
    /// rather than replaced. Problems are usage errors naming <paramref name="option"/>.
    /// </summary>
    public static void WriteAtomically(string path, string option, Action<Stream> write)
    {
        if (string.IsNullOrWhiteSpace(path) || path.EndsWith(Path.DirectorySeparatorChar) || path.EndsWith(Path.AltDirectorySeparatorChar))
        {
            throw new CliUsageException($"{option}: '{path}' is not a file name.");
        }

        FileSystemInfo? existing = Directory.Exists(path) ? new DirectoryInfo(path) : File.Exists(path) ? new FileInfo(path) : null;
        if (existing is DirectoryInfo)
        {
            throw new CliUsageException($"{option}: cannot write '{path}': it is a directory.");
        }

        if (existing is not null && (existing.LinkTarget is not null || (existing.Attributes & (FileAttributes.Device | FileAttributes.ReparsePoint)) != 0
            || (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & 0) == 0 && !IsRegularFile(path))))
        {
            throw new CliUsageException($"{option}: cannot write '{path}': it is not a regular file, and is left as it is.");
        }

        var temp = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{option}: cannot write '{path}': {ex.Message}");
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>True for a regular file (not a device, FIFO or socket): only those are replaced.</summary>
    private static bool IsRegularFile(string path)
    {
        // .NET reports character/block devices and FIFOs as files; their length is 0 and they are not seekable.
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            return probe.CanSeek;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true; // unreadable but present: let the move report the error
        }
    }
}

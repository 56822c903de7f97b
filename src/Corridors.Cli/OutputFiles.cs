using Corridors.Data;

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

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new CliUsageException($"{option}: '{OptionParsers.Shown(path)}' is not a valid file name.");
        }

        // .NET sees devices and FIFOs as plain files (and opening a FIFO blocks), so the type comes from FileKinds.
        switch (FileKinds.Of(full))
        {
            case PathKind.Directory:
                throw new CliUsageException($"{option}: cannot write '{path}': it is a directory.");
            case PathKind.SymbolicLink or PathKind.Special:
                throw new CliUsageException($"{option}: cannot write '{path}': it is not a regular file, and is left as it is.");
        }

        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
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
}

namespace Corridors.Cli;

/// <summary>Opens files the user asked the CLI to write, turning a bad path into a usage error (exit 1).</summary>
internal static class OutputFiles
{
    /// <summary>
    /// Creates (or truncates) <paramref name="path"/> (e.g. the temporary file of an atomic write); a missing directory
    /// or a denied write is a usage error naming <paramref name="option"/> and the file the user gave (<paramref name="target"/>).
    /// </summary>
    public static FileStream Create(string path, string option, string target)
    {
        try
        {
            return File.Create(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"{option}: cannot write '{target}': {ex.Message}");
        }
    }
}

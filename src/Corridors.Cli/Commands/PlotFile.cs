namespace Corridors.Cli.Commands;

/// <summary>The <c>--plot FILE.svg|png</c> option of caspian, compare and reliability: one check of the name, one atomic write.</summary>
internal static class PlotFile
{
    public const string Description = "Also draw the result to this file (.svg or .png).";

    /// <summary>Writes the chart <paramref name="render"/> draws (true: SVG) to <paramref name="path"/> and says so on stderr.</summary>
    public static void Write(CliContext context, string path, Func<bool, byte[]> render)
    {
        var svg = path.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);
        if (!svg && !path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException("--plot: the file must end in .svg or .png.");
        }

        OutputFiles.WriteAtomically(path, "--plot", stream => stream.Write(render(svg)));
        context.Stderr.WriteLine($"info: wrote the plot to {path}");
    }
}

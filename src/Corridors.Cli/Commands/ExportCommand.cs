using System.CommandLine;
using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Data;

namespace Corridors.Cli.Commands;

/// <summary><c>corridors export geojson [--year Y] [--output FILE]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var year = CommonOptions.Year();
        var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of stdout." };
        var geojson = new Command("geojson", "Write the network of a year as an RFC 7946 GeoJSON FeatureCollection (nodes as Points, legs as LineStrings, water legs along the sea lanes, simplestyle colours by mode).")
        {
            year,
            output,
        };
        geojson.SetAction(parse =>
        {
            var outcome = new NetworkService(context.Workspace).Network(new NetworkInfoRequest(parse.GetValue(year)));
            if (!outcome.IsValid)
            {
                return context.Fail(outcome.Problems);
            }

            var network = outcome.Value;
            var lanes = context.Workspace.HasSeaLanes ? context.Workspace.Sea.Graph : null; // water legs along the sea lanes
            var path = parse.GetValue(output);
            if (path is null)
            {
                using var buffer = new MemoryStream();
                GeoJsonExporter.Write(network, buffer, lanes);
                context.Stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
            {
                OutputFiles.WriteAtomically(path, "--output", stream => GeoJsonExporter.Write(network, stream, lanes));
                context.Stderr.WriteLine($"info: wrote {network.NodeCount} nodes and {network.Legs.Count} legs ({network.Year}) to {path}");
            }

            return ExitCodes.Ok;
        });

        return new Command("export", "Export the network.") { geojson };
    }
}

using Corridors.Data.Csv;
using Corridors.Diagnostics;
using Corridors.Network;

namespace Corridors.Data;

/// <summary>
/// Loads and validates the network CSV files of a directory (schema: docs/DATA.md). Every problem is collected
/// before the load fails; no malformed file makes it throw.
/// </summary>
public static partial class NetworkLoader
{
    /// <summary>The file names read from a data directory; <c>nodes.*.csv</c> and <c>legs.*.csv</c> are read too.</summary>
    public static readonly IReadOnlyList<string> TableFiles =
        ["countries.csv", "passages.csv", "nodes.csv", "legs.csv", "vessels.csv", "services.csv", "emission_factors.csv", "parameters.csv", ServiceLevelsFile, ChargesFile, RateFactorsFile, PlaceNamesFile];

    /// <summary>Loads <paramref name="directory"/>. Never throws for bad content; check <see cref="NetworkLoadResult.ErrorCount"/>.</summary>
    public static NetworkLoadResult Load(string directory, int diagnosticCap = 1000)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var bag = new DiagnosticBag(diagnosticCap);
        var files = new List<string>();
        var display = DisplayPath(directory);
        if (!Directory.Exists(directory))
        {
            bag.Error("CORR0001", display, 0, 0, "The data directory does not exist.", "Pass an existing directory, or run from the repository root.");
            return new NetworkLoadResult(null, bag, files);
        }

        string? Read(string name, bool required)
        {
            var path = Path.Combine(directory, name);
            if (!File.Exists(path))
            {
                if (required)
                {
                    bag.Error("CORR0001", DisplayPath(path), 0, 0, $"Required file '{name}' is missing.", "See docs/DATA.md for the files of a data directory.");
                }

                return null;
            }

            files.Add(DisplayPath(path));
            return CsvText.ReadFile(path, DisplayPath(path), bag);
        }

        IEnumerable<(string Text, string File)> ReadAll(string stem, bool required)
        {
            var main = Read(stem + ".csv", required);
            if (main is not null)
            {
                yield return (main, DisplayPath(Path.Combine(directory, stem + ".csv")));
            }

            foreach (var extra in Directory.EnumerateFiles(directory, stem + ".*.csv").Order(StringComparer.Ordinal))
            {
                var text = Read(Path.GetFileName(extra), true);
                if (text is not null)
                {
                    yield return (text, DisplayPath(extra));
                }
            }
        }

        var ctx = new LoadContext(bag);
        ReadTable(ctx, Read("countries.csv", true), Path.Combine(directory, "countries.csv"), CountrySchema, ReadCountry, ctx.Countries);
        ReadTable(ctx, Read("passages.csv", false), Path.Combine(directory, "passages.csv"), PassageSchema, ReadPassage, ctx.Passages);
        ReadTable(ctx, Read("emission_factors.csv", false), Path.Combine(directory, "emission_factors.csv"), EmissionFactorSchema, ReadEmissionFactor, ctx.Factors);
        var parameters = Read("parameters.csv", true);
        ReadTable(ctx, parameters, Path.Combine(directory, "parameters.csv"), ParameterSchema, ReadParameter, ctx.Parameters);
        CheckParameters(ctx, DisplayPath(Path.Combine(directory, "parameters.csv")), parameters is not null);
        foreach (var (text, file) in ReadAll("nodes", true).ToList())
        {
            ReadTable(ctx, text, file, NodeSchema, ReadNode, ctx.Nodes);
        }

        ReadTable(ctx, Read("vessels.csv", false), Path.Combine(directory, "vessels.csv"), VesselSchema, ReadVessel, ctx.Vessels);
        foreach (var (text, file) in ReadAll("legs", true).ToList())
        {
            ReadTable(ctx, text, file, LegSchema, ReadLeg, ctx.Legs);
        }

        ReadTable(ctx, Read("services.csv", false), Path.Combine(directory, "services.csv"), ServiceSchema, ReadService, ctx.Services);
        ReadTable(ctx, Read(ServiceLevelsFile, false), Path.Combine(directory, ServiceLevelsFile), ServiceLevelSchema, ReadServiceLevelFigure, ctx.ServiceLevels);
        ReadTable(ctx, Read(ChargesFile, false), Path.Combine(directory, ChargesFile), ChargeSchema, ReadCharge, ctx.Charges);
        ReadTable(ctx, Read(RateFactorsFile, false), Path.Combine(directory, RateFactorsFile), RateFactorSchema, ReadRateFactor, ctx.RateFactors);
        var placeNames = ReadPlaceNames(ctx, Read(PlaceNamesFile, false), Path.Combine(directory, PlaceNamesFile));
        CheckEmissionDefaults(ctx);
        CheckServices(ctx);
        CheckPortDepths(ctx);
        CheckGeometry(ctx);
        CheckConnectivity(ctx);

        NetworkDefinition? definition = null;
        if (!bag.HasErrors)
        {
            var parameterItems = Items(ctx.Parameters);
            var (nodeItems, legItems) = AddTruckAccess(Items(ctx.Nodes), Items(ctx.Legs), parameterItems);
            definition = new NetworkDefinition(
                Items(ctx.Countries), Items(ctx.Passages), nodeItems, legItems,
                Items(ctx.Vessels), Items(ctx.Services), Items(ctx.Factors), parameterItems)
            {
                ServiceLevelFigures = Items(ctx.ServiceLevels),
                Charges = Items(ctx.Charges),
                RateFactors = Items(ctx.RateFactors),
                PlaceNames = placeNames,
            };
        }

        return new NetworkLoadResult(definition, bag, files);
    }

    /// <summary>Path relative to the working directory when it lies below it (short, clickable diagnostics).</summary>
    public static string DisplayPath(string path)
    {
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path; // not a valid path (a NUL in it): shown as given; opening it reports the problem
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }

    private static T[] Items<T>(Table<T> table)
        where T : class => table.Rows.Select(v => v.Item).ToArray();
}

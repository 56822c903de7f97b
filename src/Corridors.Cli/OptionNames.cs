using Corridors.Application.Requests;

namespace Corridors.Cli;

/// <summary>Maps request fields (<see cref="RequestProblem.Field"/>) to the CLI options that set them.</summary>
internal static class OptionNames
{
    private static readonly Dictionary<string, string> Map = new(StringComparer.Ordinal)
    {
        ["avoidCountries"] = "--avoid",
        ["serviceLevel"] = "--service",
        ["avoidPassages"] = "--avoid-passage",
        ["avoidModes"] = "--avoid-mode",
        ["requireModes"] = "--require-mode",
        ["viaCountries"] = "--via-country",
        ["viaPassages"] = "--via-passage",
        ["cargoValueUsdPerTeu"] = "--cargo-value",
        ["usdPerTonneCo2"] = "--usd-per-tco2",
        ["penaltyUsdPerDay"] = "--penalty",
        ["unservedPenaltyUsd"] = "--unserved-penalty",
        ["dataDirectory"] = "--data",
        ["storePath"] = "--store",
        ["cacheDirectory"] = "CORRIDORS_CACHE",
        ["casesFile"] = "--cases",
        ["fromYear"] = "--from",
        ["toYear"] = "--to",
        ["id"] = "<id>",
        ["directory"] = "<dir>",
        ["parameters"] = "--param",
        ["outputs"] = "--output",
        ["caspianDays"] = "--days",
        ["scenarios"] = "<scenario>",
    };

    /// <summary>The option of a problem's field, e.g. <c>avoidCountries[1]</c> → <c>--avoid</c>, <c>tonnesPerTeu</c> → <c>--tonnes-per-teu</c>.</summary>
    public static string For(RequestProblem problem)
    {
        var field = problem.BaseField;
        if (Map.TryGetValue(field, out var option))
        {
            return option;
        }

        var text = new System.Text.StringBuilder("--");
        foreach (var c in field)
        {
            if (char.IsUpper(c))
            {
                text.Append('-').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}

using Corridors.Network;
using Corridors.Routing;

namespace Corridors.Application.Requests;

/// <summary>Countries as users write them: the ISO 3166-1 alpha-2 code or the name of countries.csv (<c>RU</c>, <c>Russia</c>, <c>turkiye</c>).</summary>
public static class CountryNames
{
    /// <summary>The ISO code of <paramref name="text"/>, or null with a problem of <paramref name="field"/>.</summary>
    public static string? Resolve(NetworkDefinition definition, string text, string field, List<RequestProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problems);
        var code = text.Trim();
        if (definition.CountryById.ContainsKey(code.ToUpperInvariant()))
        {
            return code.ToUpperInvariant();
        }

        if (code.Length > RequestText.MaxLength)
        {
            problems.Add(new(field, RequestText.TooLong("A country")));
            return null;
        }

        var key = PlaceResolver.Fold(code);
        foreach (var c in definition.Countries)
        {
            if (PlaceResolver.Fold(c.Name) == key)
            {
                return c.Id;
            }
        }

        var suggestion = definition.Countries
            .Select(c => (Country: c, Distance: PlaceResolver.EditDistance(PlaceResolver.Fold(c.Name), key)))
            .Where(x => x.Distance <= Math.Max(2, key.Length / 3))
            .OrderBy(x => x.Distance).Select(x => x.Country).FirstOrDefault();
        problems.Add(new(field, suggestion is null
            ? $"'{RequestText.Quote(code)}' is not a country in the data (use ISO 3166-1 alpha-2 codes such as RU, BY, IR, or names such as Russia)."
            : $"'{RequestText.Quote(code)}' is not a country in the data. Did you mean {suggestion.Name} ({suggestion.Id})?"));
        return null;
    }
}

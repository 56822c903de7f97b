using System.Globalization;
using Corridors.Network;

namespace Corridors.Testing;

/// <summary>
/// Builds small <see cref="NetworkDefinition"/>s for tests, from code or from a terse text form (one line per node,
/// leg or service; see <see cref="Parse"/>). Countries are created on first use with risk weight 1; each mode gets
/// a default emission factor of 10 g CO2e/t-km unless <see cref="Factor"/> sets another; <c>teu_cargo_tonnes</c> is 10.
/// </summary>
public sealed class TestNetwork
{
    private static readonly Provenance Fixture = new("assumption: test fixture");
    private static readonly DataOrigin Origin = new("test", 0);
    private readonly List<Node> _nodes = [];
    private readonly List<Leg> _legs = [];
    private readonly List<Service> _services = [];
    private readonly Dictionary<string, Country> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<TransportMode, double> _factors = [];
    private readonly List<string> _passages = [];

    /// <summary>Adds a node.</summary>
    public TestNetwork Node(string id, string country = "AA", double dwellHours = 0, DwellRule rule = DwellRule.Transfer,
        SeaArea sea = SeaArea.None, NodeKind kind = NodeKind.Terminal, string? name = null, double lat = 0, double lon = 0,
        IReadOnlyList<string>? aliases = null)
    {
        EnsureCountry(country);
        _nodes.Add(new Node(id, name ?? id, aliases ?? [], country, kind, lat, lon, false, [1435, 1520], sea, null, null,
            dwellHours > 0 ? Triangular.Fixed(dwellHours) : null, rule, null, null, Validity.Always, Fixture, Origin));
        return this;
    }

    /// <summary>Adds a leg; <paramref name="countries"/> defaults to the country of <paramref name="from"/>.</summary>
    public TestNetwork Leg(string from, string to, double hours, double km = 100, TransportMode mode = TransportMode.Rail,
        double tariffFixed = 0, double tariffPerKm = 0, string[]? countries = null, string[]? passages = null,
        int? gauge = null, bool bidirectional = false, string? id = null, (int From, int To)? openMonths = null,
        Validity? validity = null)
    {
        var legCountries = countries ?? [_nodes.First(n => n.Id == from).Country];
        foreach (var c in legCountries)
        {
            EnsureCountry(c);
        }

        foreach (var p in passages ?? [])
        {
            if (!_passages.Contains(p))
            {
                _passages.Add(p);
            }
        }

        _legs.Add(new Leg(id ?? $"{from}-{to}-{_legs.Count}", from, to, mode, bidirectional, km, null, Triangular.Fixed(hours),
            gauge, null, tariffFixed, tariffPerKm, null, null, null, legCountries, passages ?? [], null, openMonths, null,
            validity ?? Validity.Always, Fixture, Origin));
        return this;
    }

    /// <summary>Adds a service on the last leg added.</summary>
    public TestNetwork Service(ServiceKind kind, double perWeek, DayOfWeek[]? days = null, int hour = 0)
    {
        var leg = _legs[^1];
        _services.Add(new Service($"S{_services.Count}", leg.Id, "service", null, kind, perWeek, days ?? [], hour, null, null, [],
            Validity.Always, Fixture, Origin));
        return this;
    }

    /// <summary>Sets a country's risk weight or closed flag.</summary>
    public TestNetwork Country(string iso, double riskWeight = 1, bool closed = false)
    {
        _countries[iso] = new Country(iso, iso, [], false, closed, riskWeight, Fixture, Origin);
        return this;
    }

    /// <summary>Sets the default emission factor of a mode.</summary>
    public TestNetwork Factor(TransportMode mode, double gramsPerTonneKm)
    {
        _factors[mode] = gramsPerTonneKm;
        return this;
    }

    /// <summary>The definition.</summary>
    public NetworkDefinition Definition()
    {
        var factors = new List<EmissionFactor>();
        foreach (var mode in Enum.GetValues<TransportMode>())
        {
            var g = _factors.TryGetValue(mode, out var v) ? v : 10;
            factors.Add(new EmissionFactor($"ef-{mode}", mode, null, true, g, EmissionBasis.TankToWheel, true, Fixture, Origin));
        }

        var passages = _passages.Select(p => new Passage(p, p, PassageKind.Strait, [], 0, 0, Fixture, Origin)).ToList();
        return new NetworkDefinition(
            [.. _countries.Values], passages, _nodes, _legs, [], _services, factors,
            [new Parameter("teu_cargo_tonnes", 10, "t", Fixture, Origin)]);
    }

    /// <summary>The network frozen for <paramref name="year"/>.</summary>
    public CorridorNetwork Build(int year = 2026) => CorridorNetwork.Build(Definition(), year);

    /// <summary>
    /// Parses the terse text form, one item per line (<c>#</c> starts a comment):
    /// <code>
    /// node A CN dwell=4 always sea=caspian
    /// leg A B rail 10h 100km tariff=50+0.5 countries=CN;KZ passages=suez gauge=1520 both months=4-11
    /// service scheduled 2 Mon;Thu 12      # on the leg above
    /// service swf 3
    /// country RU risk=8 closed
    /// factor ferry 200
    /// </code>
    /// </summary>
    public static TestNetwork Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var net = new TestNetwork();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Split('#')[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var t = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (t[0])
            {
                case "node":
                    net.Node(t[1], t.Length > 2 && !t[2].Contains('=') ? t[2] : "AA",
                        Num(Opt(t, "dwell") ?? "0"),
                        t.Contains("always") ? DwellRule.Always : DwellRule.Transfer,
                        Opt(t, "sea") switch { "caspian" => SeaArea.Caspian, "black-sea" => SeaArea.BlackSea, "ocean" => SeaArea.Ocean, _ => SeaArea.None });
                    break;
                case "leg":
                    var tariff = Opt(t, "tariff")?.Split('+');
                    var months = Opt(t, "months")?.Split('-');
                    net.Leg(t[1], t[2],
                        Num(t.First(x => x.EndsWith('h') && double.TryParse(x[..^1], CultureInfo.InvariantCulture, out _))[..^1]),
                        Num(t.FirstOrDefault(x => x.EndsWith("km", StringComparison.Ordinal))?[..^2] ?? "100"),
                        Enum.Parse<TransportMode>(t[3], ignoreCase: true),
                        tariff is null ? 0 : Num(tariff[0]),
                        tariff is { Length: > 1 } ? Num(tariff[1]) : 0,
                        Opt(t, "countries")?.Split(';'),
                        Opt(t, "passages")?.Split(';'),
                        Opt(t, "gauge") is { } g ? int.Parse(g, CultureInfo.InvariantCulture) : null,
                        t.Contains("both"),
                        Opt(t, "id"),
                        months is null ? null : (int.Parse(months[0], CultureInfo.InvariantCulture), int.Parse(months[1], CultureInfo.InvariantCulture)));
                    break;
                case "service":
                    var kind = t[1] == "swf" ? ServiceKind.SailWhenFull : ServiceKind.Scheduled;
                    var days = t.Length > 3 ? t[3].Split(';').Select(d => Enum.Parse<DayOfWeek>(Expand(d), ignoreCase: true)).ToArray() : null;
                    net.Service(kind, Num(t[2]), days, t.Length > 4 ? int.Parse(t[4], CultureInfo.InvariantCulture) : 0);
                    break;
                case "country":
                    net.Country(t[1], Num(Opt(t, "risk") ?? "1"), t.Contains("closed"));
                    break;
                case "factor":
                    net.Factor(Enum.Parse<TransportMode>(t[1], ignoreCase: true), Num(t[2]));
                    break;
                default:
                    throw new FormatException($"Unknown test-network line '{line}'.");
            }
        }

        return net;
    }

    private static string Expand(string day) => day.ToLowerInvariant() switch
    {
        "mon" => "Monday",
        "tue" => "Tuesday",
        "wed" => "Wednesday",
        "thu" => "Thursday",
        "fri" => "Friday",
        "sat" => "Saturday",
        "sun" => "Sunday",
        _ => day,
    };

    private static string? Opt(string[] tokens, string key)
    {
        foreach (var x in tokens)
        {
            if (x.StartsWith(key + "=", StringComparison.Ordinal))
            {
                return x[(key.Length + 1)..];
            }
        }

        return null;
    }

    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private void EnsureCountry(string iso)
    {
        if (!_countries.ContainsKey(iso))
        {
            _countries[iso] = new Country(iso, iso, [], false, false, 1, Fixture, Origin);
        }
    }
}

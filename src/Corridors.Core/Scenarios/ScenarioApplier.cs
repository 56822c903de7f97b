using Corridors.Network;

namespace Corridors.Scenarios;

/// <summary>
/// Applies a <see cref="Scenario"/> to a <see cref="NetworkDefinition"/> and returns a new definition; the base is never
/// changed. It works on the definition's records only (nodes, legs, services, vessels, countries, service-level rows),
/// so whatever the loader adds to them flows through. Order: new elements, openings, closures, capacity, tariffs,
/// dwell, fleet, risk weights. References are checked by the reader (Corridors.Data's ScenarioReader); an id that
/// is not there is skipped here.
/// </summary>
public static class ScenarioApplier
{
    /// <summary>The definition under <paramref name="scenario"/>.</summary>
    public static NetworkDefinition Apply(NetworkDefinition definition, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(scenario);
        var w = new Work(definition, scenario);
        foreach (var opening in scenario.Openings)
        {
            w.Open(opening);
        }

        foreach (var closure in scenario.Closures)
        {
            w.Close(closure);
        }

        foreach (var change in scenario.CapacityChanges)
        {
            w.Capacity(change);
        }

        foreach (var change in scenario.TariffChanges)
        {
            w.Tariff(change);
        }

        foreach (var change in scenario.DwellChanges)
        {
            w.Dwell(change);
        }

        foreach (var change in scenario.FleetChanges)
        {
            w.Fleet(change);
        }

        var countries = definition.Countries
            .Select(c => scenario.RiskWeights.TryGetValue(c.Id, out var weight) ? c with { RiskWeight = weight } : c)
            .ToArray();
        return definition.With(countries, [.. w.Nodes], [.. w.Legs], [.. w.Vessels], [.. w.Services], [.. w.Figures]);
    }

    /// <summary>The nodes, legs and services a target names in <paramref name="definition"/>.</summary>
    public static (IReadOnlySet<string> Nodes, IReadOnlySet<string> Legs, IReadOnlySet<string> Services) Select(NetworkDefinition definition, ScenarioTarget target)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(target);
        var w = new Work(definition, new Scenario { Name = "select" });
        return w.Select(target);
    }

    /// <summary>True for a transfer leg between two countries: a border crossing.</summary>
    public static bool IsCrossing(Leg leg)
    {
        ArgumentNullException.ThrowIfNull(leg);
        return leg.Mode == TransportMode.Transfer && leg.Countries.Distinct(StringComparer.Ordinal).Count() >= 2;
    }

    private sealed class Work
    {
        public Work(NetworkDefinition definition, Scenario scenario)
        {
            Nodes = [.. definition.Nodes, .. scenario.NewNodes];
            Legs = [.. definition.Legs, .. scenario.NewLegs];
            Services = [.. definition.Services, .. scenario.NewServices];
            Vessels = [.. definition.Vessels];
            Figures = [.. definition.ServiceLevelFigures];
        }

        public List<Node> Nodes { get; }

        public List<Leg> Legs { get; }

        public List<Service> Services { get; }

        public List<Vessel> Vessels { get; }

        public List<ServiceLevelFigure> Figures { get; }

        public (IReadOnlySet<string> Nodes, IReadOnlySet<string> Legs, IReadOnlySet<string> Services) Select(ScenarioTarget target)
        {
            var nodes = new HashSet<string>(StringComparer.Ordinal);
            var legs = new HashSet<string>(StringComparer.Ordinal);
            var services = new HashSet<string>(StringComparer.Ordinal);
            var id = target.Id;
            switch (target.Kind)
            {
                case ScenarioTargetKind.Country:
                    nodes.UnionWith(Nodes.Where(n => n.Country == id).Select(n => n.Id));
                    legs.UnionWith(Legs.Where(l => l.Countries.Contains(id, StringComparer.Ordinal) || nodes.Contains(l.From) || nodes.Contains(l.To)).Select(l => l.Id));
                    break;
                case ScenarioTargetKind.Crossing:
                    nodes.UnionWith(Nodes.Where(n => n.Id == id && n.Kind == NodeKind.Border).Select(n => n.Id));
                    legs.UnionWith(Legs.Where(l => l.Id == id && IsCrossing(l)).Select(l => l.Id));
                    break;
                case ScenarioTargetKind.AllCrossings:
                    nodes.UnionWith(Nodes.Where(n => n.Kind == NodeKind.Border).Select(n => n.Id));
                    legs.UnionWith(Legs.Where(IsCrossing).Select(l => l.Id));
                    break;
                case ScenarioTargetKind.Node:
                    nodes.Add(id);
                    break;
                case ScenarioTargetKind.Leg:
                    legs.Add(id);
                    break;
                case ScenarioTargetKind.Passage:
                    legs.UnionWith(Legs.Where(l => l.Passages.Contains(id, StringComparer.Ordinal)).Select(l => l.Id));
                    break;
                case ScenarioTargetKind.Service:
                    services.Add(id);
                    break;
                case ScenarioTargetKind.Mode:
                    legs.UnionWith(Legs.Where(l => Words.Mode.TryGetValue(id, out var mode) && l.Mode == mode).Select(l => l.Id));
                    break;
                case ScenarioTargetKind.Operator:
                    services.UnionWith(Services.Where(s => string.Equals(s.Operator, id, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id));
                    legs.UnionWith(Services.Where(s => services.Contains(s.Id)).Select(s => s.Leg));
                    break;
            }

            return (nodes, legs, services);
        }

        public void Open(ScenarioOpening opening)
        {
            var (nodes, legs, services) = Select(opening.Target);
            static Validity Opened(Validity v, int year) => v with { Status = InfrastructureStatus.Operational, OpenYear = year };
            Update(Nodes, n => nodes.Contains(n.Id), n => n with { Validity = Opened(n.Validity, opening.Year) });
            Update(Legs, l => legs.Contains(l.Id), l => l with { Validity = Opened(l.Validity, opening.Year) });
            Update(Services, s => services.Contains(s.Id), s => s with { Validity = Opened(s.Validity, opening.Year) });
        }

        public void Close(ScenarioClosure closure)
        {
            var (nodes, legs, services) = Select(closure.Target);
            var from = closure.From?.Year;
            var to = closure.To?.Year;
            Update(Nodes, n => nodes.Contains(n.Id), n => n with { Validity = Suspend(n.Validity, from, to) });
            Update(Legs, l => legs.Contains(l.Id), l => l with { Validity = Suspend(l.Validity, from, to) });
            Update(Services, s => services.Contains(s.Id), s => s with { Validity = Suspend(s.Validity, from, to) });
        }

        /// <summary>Two closures of one element close every year from the first's start to the last's end.</summary>
        private static Validity Suspend(Validity v, int? from, int? to)
        {
            if (v.Suspended is { } s)
            {
                from = s.FromYear is null || from is null ? null : Math.Min(s.FromYear.Value, from.Value);
                to = s.ToYear is null || to is null ? null : Math.Max(s.ToYear.Value, to.Value);
            }

            return v with { Suspended = (from, to) };
        }

        public void Capacity(ScenarioCapacityChange change)
        {
            var (nodes, legs, services) = Select(change.Target);
            if (change.SetTeuPerYear is { } teu)
            {
                Update(Legs, l => legs.Contains(l.Id), l => l with { CapacityTeuPerYear = teu, CapacityTrainsPerDay = null, CapacityMtPerYear = null });
                Update(Nodes, n => nodes.Contains(n.Id), n => n with { HandlingTeuPerYear = teu, HandlingMtPerYear = null });
                return;
            }

            var k = change.Scale ?? 1;
            Update(Legs, l => legs.Contains(l.Id), l => l with
            {
                CapacityTeuPerYear = l.CapacityTeuPerYear * k,
                CapacityTrainsPerDay = l.CapacityTrainsPerDay * k,
                CapacityMtPerYear = l.CapacityMtPerYear * k,
            });
            Update(Nodes, n => nodes.Contains(n.Id), n => n with { HandlingTeuPerYear = n.HandlingTeuPerYear * k, HandlingMtPerYear = n.HandlingMtPerYear * k });
            Update(Services, s => services.Contains(s.Id), s => s with
            {
                CapacityTeuPerDeparture = s.CapacityTeuPerDeparture * k,
                CapacityWagonsPerDeparture = s.CapacityWagonsPerDeparture * k,
            });
        }

        public void Tariff(ScenarioTariffChange change)
        {
            var (_, legs, _) = Select(change.Target);
            var factor = 1 + ((change.Percent ?? 0) / 100);
            var add = change.AbsoluteUsdPerTeu ?? 0;
            Update(Legs, l => legs.Contains(l.Id), l => l with
            {
                TariffFixedUsdPerTeu = Math.Max(0, (l.TariffFixedUsdPerTeu * factor) + add),
                TariffUsdPerTeuKm = l.TariffUsdPerTeuKm * factor,
            });
        }

        public void Dwell(ScenarioDwellChange change)
        {
            var (nodes, legs, _) = Select(change.Target);
            if (change.Target.Kind == ScenarioTargetKind.Country)
            {
                // A country's dwell is at its nodes and at its border crossings, not on its running legs.
                legs = Legs.Where(l => legs.Contains(l.Id) && IsCrossing(l)).Select(l => l.Id).ToHashSet(StringComparer.Ordinal);
            }

            Triangular Scale(Triangular t)
            {
                var k = change.SetHours is { } hours ? (t.Mean > 0 ? hours / t.Mean : 1) : change.Factor ?? 1;
                return new Triangular(t.Min * k, t.Mode * k, t.Max * k);
            }

            Update(Nodes, n => nodes.Contains(n.Id), n => n with
            {
                DwellHours = n.DwellHours is { } d ? Scale(d) : change.SetHours is { } h ? Triangular.Fixed(h) : null,
                RollDwellHours = n.RollDwellHours is { } r ? Scale(r) : null,
            });
            Update(Legs, l => legs.Contains(l.Id), l => l with
            {
                Hours = l.Hours is { } h ? Scale(h) : change.SetHours is { } set ? Triangular.Fixed(set) : null,
                SpeedKmh = l.Hours is null && change.SetHours is not null ? null : l.SpeedKmh,
            });

            // Service-level rows replace the nodes' and legs' own figures when the network is built: scale them too,
            // splitting a row that names elements both inside and outside the target.
            var figures = new List<ServiceLevelFigure>(Figures.Count);
            foreach (var f in Figures)
            {
                var set = f.Kind is ServiceLevelFigureKind.Dwell or ServiceLevelFigureKind.RollDwell ? nodes
                    : f.Kind == ServiceLevelFigureKind.Hours ? legs : null;
                var hit = set is null || f.Hours is null ? Array.Empty<string>() : f.Elements.Where(set.Contains).ToArray();
                if (hit.Length == 0)
                {
                    figures.Add(f);
                    continue;
                }

                var rest = f.Elements.Where(e => !set!.Contains(e)).ToArray();
                if (rest.Length > 0)
                {
                    figures.Add(f with { Elements = rest });
                }

                figures.Add(f with { Elements = hit, Hours = Scale(f.Hours!.Value) });
            }

            Figures.Clear();
            Figures.AddRange(figures);
        }

        public void Fleet(ScenarioFleetChange change)
        {
            var index = Services.FindIndex(s => s.Id == change.Service);
            if (index < 0)
            {
                return;
            }

            var service = Services[index];
            var vessels = service.Vessels.Where(v => !change.Remove.Contains(v, StringComparer.Ordinal)).ToList();
            var model = change.CopyOf ?? service.Vessels.FirstOrDefault();
            var template = model is null ? null : Vessels.FirstOrDefault(v => v.Id == model);
            if (template is not null)
            {
                for (var k = 1; k <= change.Add; k++)
                {
                    var id = $"{template.Id}+{change.Service}-{vessels.Count + 1}";
                    Vessels.Add(template with { Id = id, Name = $"{template.Name} (scenario copy {k})" });
                    vessels.Add(id);
                }
            }

            Services[index] = service with { Vessels = vessels, DeparturesPerWeek = change.DeparturesPerWeek ?? service.DeparturesPerWeek };
        }

        private static void Update<T>(List<T> items, Func<T, bool> match, Func<T, T> change)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (match(items[i]))
                {
                    items[i] = change(items[i]);
                }
            }
        }
    }
}

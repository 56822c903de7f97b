using Corridors.Diagnostics;
using Corridors.Network;
using Corridors.Serialization;

namespace Corridors.Data.Snapshot;

/// <summary>
/// A <see cref="NetworkDefinition"/> (every table, every init-only property) and diagnostics as bytes, for
/// <see cref="DataSnapshotCache"/>. A table or property added to the definition must be added here and in the reader;
/// the round-trip test compares every public member of the bundled definition, so a forgotten one fails it.
/// </summary>
internal static class DefinitionBinary
{
    public static void Write(BinaryWriter w, NetworkDefinition d)
    {
        w.WriteList(d.Countries, static (w, c) =>
        {
            w.Write(c.Id);
            w.Write(c.Name);
            w.WriteStrings(c.Memberships);
            w.Write(c.Sanctioned);
            w.Write(c.Closed);
            w.Write(c.RiskWeight);
            Write(w, c.Provenance, c.Origin);
            w.WriteOptional(c.SanctionsRegime);
        });
        w.WriteList(d.Passages, static (w, p) =>
        {
            w.Write(p.Id);
            w.Write(p.Name);
            w.Write((int)p.Kind);
            w.WriteStrings(p.Countries);
            w.Write(p.Lat);
            w.Write(p.Lon);
            Write(w, p.Provenance, p.Origin);
        });
        w.WriteList(d.Nodes, static (w, n) =>
        {
            w.Write(n.Id);
            w.Write(n.Name);
            w.WriteStrings(n.Aliases);
            w.Write(n.Country);
            w.Write((int)n.Kind);
            w.Write(n.Lat);
            w.Write(n.Lon);
            w.Write(n.CoordinatesVerified);
            w.WriteList(n.GaugesMm, static (w, g) => w.Write(g));
            w.Write((int)n.Sea);
            w.WriteOptional(n.HandlingTeuPerYear);
            w.WriteOptional(n.HandlingMtPerYear);
            Write(w, n.DwellHours);
            w.Write((int)n.DwellRule);
            w.WriteOptional(n.DepthM);
            w.WriteOptional(n.DepthYear);
            Write(w, n.Validity);
            Write(w, n.Provenance, n.Origin);
            Write(w, n.RollDwellHours);
            w.WriteList(n.LevelFigures, Write);
        });
        w.WriteList(d.Legs, static (w, l) =>
        {
            w.Write(l.Id);
            w.Write(l.From);
            w.Write(l.To);
            w.Write((int)l.Mode);
            w.Write(l.Bidirectional);
            w.Write(l.DistanceKm);
            w.WriteOptional(l.SpeedKmh);
            Write(w, l.Hours);
            w.WriteOptional(l.GaugeMm);
            w.WriteOptional(l.Electrified);
            w.Write(l.TariffFixedUsdPerTeu);
            w.Write(l.TariffUsdPerTeuKm);
            w.WriteOptional(l.CapacityTeuPerYear);
            w.WriteOptional(l.CapacityTrainsPerDay);
            w.WriteOptional(l.CapacityMtPerYear);
            w.WriteStrings(l.Countries);
            w.WriteStrings(l.Passages);
            w.WriteOptional(l.MaxDraftM);
            w.WriteOptional(l.OpenMonths?.From);
            w.WriteOptional(l.OpenMonths?.To);
            w.WriteOptional(l.EmissionFactor);
            Write(w, l.Validity);
            Write(w, l.Provenance, l.Origin);
            w.WriteStrings(l.Reenters);
            w.Write(l.TariffKnown);
            w.Write(l.LevelFigure is not null);
            if (l.LevelFigure is { } f)
            {
                Write(w, f);
            }
        });
        w.WriteList(d.Vessels, static (w, v) =>
        {
            w.Write(v.Id);
            w.Write(v.Name);
            w.Write((int)v.Class);
            w.WriteOptional(v.Operator);
            w.WriteOptional(v.BuiltYear);
            w.WriteOptional(v.LengthM);
            w.WriteOptional(v.BeamM);
            w.WriteOptional(v.DraftM);
            w.WriteOptional(v.DwtTonnes);
            w.WriteOptional(v.SpeedKnots);
            w.WriteOptional(v.Teu);
            w.WriteOptional(v.Wagons);
            w.WriteOptional(v.Trucks);
            Write(w, v.Provenance, v.Origin);
        });
        w.WriteList(d.Services, static (w, s) =>
        {
            w.Write(s.Id);
            w.Write(s.Leg);
            w.Write(s.Name);
            w.WriteOptional(s.Operator);
            w.Write((int)s.Kind);
            w.Write(s.DeparturesPerWeek);
            w.WriteList(s.DepartureDays, static (w, day) => w.Write((int)day));
            w.Write(s.DepartureHour);
            w.WriteOptional(s.CapacityTeuPerDeparture);
            w.WriteOptional(s.CapacityWagonsPerDeparture);
            w.WriteStrings(s.Vessels);
            Write(w, s.Validity);
            Write(w, s.Provenance, s.Origin);
        });
        w.WriteList(d.EmissionFactors, static (w, f) =>
        {
            w.Write(f.Id);
            w.Write((int)f.Mode);
            w.WriteOptional(f.AppliesTo);
            w.Write(f.IsDefault);
            w.Write(f.GramsCo2ePerTonneKm);
            w.Write((int)f.Basis);
            w.Write(f.IsCo2Equivalent);
            Write(w, f.Provenance, f.Origin);
        });
        w.WriteList(d.Parameters, static (w, p) =>
        {
            w.Write(p.Key);
            w.Write(p.Value);
            w.Write(p.Unit);
            Write(w, p.Provenance, p.Origin);
        });
        w.WriteList(d.ServiceLevelFigures, Write);
        w.WriteList(d.Charges, static (w, c) =>
        {
            w.Write(c.Id);
            w.WriteOptional(c.Passage);
            w.WriteStrings(c.Legs);
            w.Write((int)c.Basis);
            w.Write(c.Usd);
            Write(w, c.Provenance, c.Origin);
            w.WriteOptional(c.FromYear);
            w.WriteOptional(c.ToYear);
        });
        w.WriteList(d.RateFactors, static (w, f) =>
        {
            w.Write(f.Id);
            w.WriteStrings(f.Countries);
            w.WriteList(f.Modes, static (w, m) => w.Write((int)m));
            w.WriteOptional(f.Eastbound);
            w.Write(f.Factor);
            Write(w, f.Provenance, f.Origin);
            w.WriteOptional(f.FromYear);
            w.WriteOptional(f.ToYear);
            w.Write(f.FixedPartOnly);
        });
        w.WriteList(d.PlaceNames, static (w, p) =>
        {
            w.Write(p.Node);
            w.Write(p.Name);
            w.Write((int)p.Kind);
            Write(w, p.Provenance, p.Origin);
        });
    }

    public static NetworkDefinition Read(BinaryReader r)
    {
        var countries = r.ReadList(static r => new Country(r.ReadString(), r.ReadString(), r.ReadStrings(), r.ReadBoolean(), r.ReadBoolean(), r.ReadDouble(), ReadProvenance(r), ReadOrigin(r))
        {
            SanctionsRegime = r.ReadOptionalString(),
        });
        var passages = r.ReadList(static r => new Passage(r.ReadString(), r.ReadString(), (PassageKind)r.ReadInt32(), r.ReadStrings(), r.ReadDouble(), r.ReadDouble(), ReadProvenance(r), ReadOrigin(r)));
        var nodes = r.ReadList(static r => new Node(
            r.ReadString(), r.ReadString(), r.ReadStrings(), r.ReadString(), (NodeKind)r.ReadInt32(), r.ReadDouble(), r.ReadDouble(), r.ReadBoolean(),
            r.ReadList(static r => r.ReadInt32()), (SeaArea)r.ReadInt32(), r.ReadOptionalDouble(), r.ReadOptionalDouble(), ReadTriangular(r),
            (DwellRule)r.ReadInt32(), r.ReadOptionalDouble(), r.ReadOptionalInt(), ReadValidity(r), ReadProvenance(r), ReadOrigin(r))
        {
            RollDwellHours = ReadTriangular(r),
            LevelFigures = r.ReadList(ReadFigure),
        });
        var legs = r.ReadList(static r =>
        {
            var id = r.ReadString();
            var from = r.ReadString();
            var to = r.ReadString();
            var mode = (TransportMode)r.ReadInt32();
            var bidirectional = r.ReadBoolean();
            var distance = r.ReadDouble();
            var speed = r.ReadOptionalDouble();
            var hours = ReadTriangular(r);
            var gauge = r.ReadOptionalInt();
            var electrified = r.ReadOptionalBool();
            var fixedUsd = r.ReadDouble();
            var usdKm = r.ReadDouble();
            var teu = r.ReadOptionalDouble();
            var trains = r.ReadOptionalDouble();
            var mt = r.ReadOptionalDouble();
            var legCountries = r.ReadStrings();
            var legPassages = r.ReadStrings();
            var draft = r.ReadOptionalDouble();
            var openFrom = r.ReadOptionalInt();
            var openTo = r.ReadOptionalInt();
            (int, int)? open = openFrom is { } a && openTo is { } b ? (a, b) : null;
            var factor = r.ReadOptionalString();
            return new Leg(id, from, to, mode, bidirectional, distance, speed, hours, gauge, electrified, fixedUsd, usdKm, teu, trains, mt,
                legCountries, legPassages, draft, open, factor, ReadValidity(r), ReadProvenance(r), ReadOrigin(r))
            {
                Reenters = r.ReadStrings(),
                TariffKnown = r.ReadBoolean(),
                LevelFigure = r.ReadBoolean() ? ReadFigure(r) : null,
            };
        });
        var vessels = r.ReadList(static r => new Vessel(
            r.ReadString(), r.ReadString(), (VesselClass)r.ReadInt32(), r.ReadOptionalString(), r.ReadOptionalInt(), r.ReadOptionalDouble(), r.ReadOptionalDouble(),
            r.ReadOptionalDouble(), r.ReadOptionalDouble(), r.ReadOptionalDouble(), r.ReadOptionalInt(), r.ReadOptionalInt(), r.ReadOptionalInt(), ReadProvenance(r), ReadOrigin(r)));
        var services = r.ReadList(static r => new Service(
            r.ReadString(), r.ReadString(), r.ReadString(), r.ReadOptionalString(), (ServiceKind)r.ReadInt32(), r.ReadDouble(),
            r.ReadList(static r => (DayOfWeek)r.ReadInt32()), r.ReadInt32(), r.ReadOptionalDouble(), r.ReadOptionalDouble(), r.ReadStrings(),
            ReadValidity(r), ReadProvenance(r), ReadOrigin(r)));
        var factors = r.ReadList(static r => new EmissionFactor(
            r.ReadString(), (TransportMode)r.ReadInt32(), r.ReadOptionalString(), r.ReadBoolean(), r.ReadDouble(), (EmissionBasis)r.ReadInt32(), r.ReadBoolean(), ReadProvenance(r), ReadOrigin(r)));
        var parameters = r.ReadList(static r => new Parameter(r.ReadString(), r.ReadDouble(), r.ReadString(), ReadProvenance(r), ReadOrigin(r)));
        var figures = r.ReadList(ReadFigure);
        var charges = r.ReadList(static r => new Charge(r.ReadString(), r.ReadOptionalString(), r.ReadStrings(), (ChargeBasis)r.ReadInt32(), r.ReadDouble(), ReadProvenance(r), ReadOrigin(r))
        {
            FromYear = r.ReadOptionalInt(),
            ToYear = r.ReadOptionalInt(),
        });
        var rateFactors = r.ReadList(static r => new RateFactor(
            r.ReadString(), r.ReadStrings(), r.ReadList(static r => (TransportMode)r.ReadInt32()), r.ReadOptionalBool(), r.ReadDouble(), ReadProvenance(r), ReadOrigin(r))
        {
            FromYear = r.ReadOptionalInt(),
            ToYear = r.ReadOptionalInt(),
            FixedPartOnly = r.ReadBoolean(),
        });
        var placeNames = r.ReadList(static r => new PlaceName(r.ReadString(), r.ReadString(), (PlaceNameKind)r.ReadInt32(), ReadProvenance(r), ReadOrigin(r)));
        return new NetworkDefinition(countries, passages, nodes, legs, vessels, services, factors, parameters)
        {
            ServiceLevelFigures = figures,
            Charges = charges,
            RateFactors = rateFactors,
            PlaceNames = placeNames,
        };
    }

    public static void Write(BinaryWriter w, IReadOnlyList<Diagnostic> diagnostics) => w.WriteList(diagnostics, static (w, d) =>
    {
        w.Write((int)d.Severity);
        w.Write(d.Code);
        w.Write(d.File);
        w.Write(d.Line);
        w.Write(d.Column);
        w.Write(d.Message);
        w.WriteOptional(d.Hint);
    });

    public static Diagnostic[] ReadDiagnostics(BinaryReader r) => r.ReadList(static r =>
        new Diagnostic((DiagnosticSeverity)r.ReadInt32(), r.ReadString(), r.ReadString(), r.ReadInt32(), r.ReadInt32(), r.ReadString(), r.ReadOptionalString()));

    private static void Write(BinaryWriter w, ServiceLevelFigure f)
    {
        w.Write(f.Id);
        w.Write(f.Level is null ? -1 : (int)f.Level.Value);
        w.WriteStrings(f.Elements);
        w.Write((int)f.Kind);
        Write(w, f.Hours);
        w.WriteOptional(f.SpeedKmh);
        Write(w, f.Provenance, f.Origin);
        w.WriteOptional(f.FromYear);
        w.WriteOptional(f.ToYear);
    }

    private static ServiceLevelFigure ReadFigure(BinaryReader r)
    {
        var id = r.ReadString();
        var level = r.ReadInt32();
        return new ServiceLevelFigure(id, level < 0 ? null : (ServiceLevel)level, r.ReadStrings(), (ServiceLevelFigureKind)r.ReadInt32(), ReadTriangular(r), r.ReadOptionalDouble(), ReadProvenance(r), ReadOrigin(r))
        {
            FromYear = r.ReadOptionalInt(),
            ToYear = r.ReadOptionalInt(),
        };
    }

    private static void Write(BinaryWriter w, Triangular? t)
    {
        w.Write(t.HasValue);
        if (t is { } v)
        {
            w.Write(v.Min);
            w.Write(v.Mode);
            w.Write(v.Max);
        }
    }

    private static Triangular? ReadTriangular(BinaryReader r) => r.ReadBoolean() ? new Triangular(r.ReadDouble(), r.ReadDouble(), r.ReadDouble()) : null;

    private static void Write(BinaryWriter w, Validity v)
    {
        w.Write((int)v.Status);
        w.WriteOptional(v.OpenYear);
        w.WriteOptional(v.CloseYear);
        w.Write(v.Suspended.HasValue);
        if (v.Suspended is { } s)
        {
            w.WriteOptional(s.FromYear);
            w.WriteOptional(s.ToYear);
        }
    }

    private static Validity ReadValidity(BinaryReader r)
    {
        var validity = new Validity((InfrastructureStatus)r.ReadInt32(), r.ReadOptionalInt(), r.ReadOptionalInt());
        return r.ReadBoolean() ? validity with { Suspended = (r.ReadOptionalInt(), r.ReadOptionalInt()) } : validity;
    }

    private static void Write(BinaryWriter w, Provenance p, DataOrigin o)
    {
        w.Write(p.Source);
        w.WriteOptional(p.Notes);
        w.Write(o.File);
        w.Write(o.Line);
    }

    private static Provenance ReadProvenance(BinaryReader r) => new(r.ReadString(), r.ReadOptionalString());

    private static DataOrigin ReadOrigin(BinaryReader r) => new(r.ReadString(), r.ReadInt32());
}

using Corridors.Network;
using Corridors.Routing;
using Corridors.Testing;
using FsCheck.Xunit;

namespace Corridors.Tests.Routing;

public sealed class ScheduleTests
{
    [Property(MaxTest = 300)]
    public void ExpectedWaitHours_AnyTimetable_IsFifoAndLandsOnADeparture(int seed)
    {
        var rng = new Random(seed);
        var net = TestNetwork.Parse("node A\nnode B\nleg A B ferry 20h");
        var services = rng.Next(1, 4);
        for (var i = 0; i < services; i++)
        {
            if (rng.Next(2) == 0)
            {
                var days = Enum.GetValues<DayOfWeek>().Where(_ => rng.Next(3) == 0).ToArray();
                net.Service(ServiceKind.Scheduled, Math.Max(1, days.Length), days.Length == 0 ? [DayOfWeek.Friday] : days, rng.Next(24));
            }
            else
            {
                net.Service(ServiceKind.Scheduled, new[] { 0.5, 1, 3, 7 }[rng.Next(4)], null, rng.Next(24));
            }
        }

        var schedule = net.Build().Schedule;
        var t1 = 490_000 + (rng.NextDouble() * 1000); // hours since the epoch: around 2025
        var t2 = t1 + (rng.NextDouble() * 400);
        var w1 = schedule.ExpectedWaitHours(0, t1);
        var w2 = schedule.ExpectedWaitHours(0, t2);

        w1.ShouldBeGreaterThanOrEqualTo(0, $"seed {seed}");
        w1.ShouldBeLessThanOrEqualTo(336 + 1e-9, $"seed {seed}: no timetable here is sparser than fortnightly");
        (t1 + w1).ShouldBeLessThanOrEqualTo(t2 + w2 + 1e-9, $"seed {seed}: leaving later must not arrive earlier");
        schedule.ExpectedWaitHours(0, t1 + w1).ShouldBe(0, 1e-9, $"seed {seed}: after waiting, a departure is due");
    }

    [Fact]
    public void BestRoute_FerryOnMondayAndThursdayNoon_WaitsFromTuesdayToThursday()
    {
        var router = new CorridorRouter(TestNetwork.Parse("""
            node A
            node B
            leg A B ferry 20h
            service scheduled 2 Mon;Thu 12
            """).Build());
        var tuesday = new DateTime(2026, 3, 3, 0, 0, 0, DateTimeKind.Utc);

        var route = router.BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = tuesday })!;

        route.Totals.WaitHours.ShouldBe(60);
        route.Totals.Hours.ShouldBe(80);
        route.Legs[0].DepartUtc.ShouldBe(new DateTime(2026, 3, 5, 12, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void BestRoute_FortnightlyServiceJustMissed_WaitsAlmostTwoWeeks()
    {
        // 0.5 departures a week, evenly spaced from the epoch Monday 1970-01-05 00:00 UTC: every other Monday, which
        // includes Mon 2 Mar 2026 (2930 weeks later), then Mon 16 Mar, ...
        var router = new CorridorRouter(TestNetwork.Parse("""
            node A
            node B
            leg A B ocean 100h
            service scheduled 0.5
            """).Build());
        var justAfter = new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

        var route = router.BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = justAfter })!;

        route.Totals.WaitHours.ShouldBe(335);
        route.ArriveUtc.ShouldBe(new DateTime(2026, 3, 20, 4, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void BestRoute_SailWhenFull_AddsHalfTheMeanHeadway()
    {
        var router = new CorridorRouter(TestNetwork.Parse("""
            node A
            node B
            leg A B feeder 10h
            service swf 2
            """).Build());

        var route = router.BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = RandomNetworks.Monday })!;

        route.Totals.WaitHours.ShouldBe(42); // 168 / (2 × 2)
    }

    [Fact]
    public void BestRoute_TimetableMakesSlowerLegFaster_TakesTheLegThatDepartsFirst()
    {
        // Two crossings A→B: a 10 h ferry on Sundays and a 30 h ferry on Mondays 06:00. Leaving Monday 00:00, the
        // slow ferry arrives Tuesday 12:00, the fast one Sunday 10:00: the time-dependent answer is the slow one.
        var router = new CorridorRouter(TestNetwork.Parse("""
            node A
            node B
            leg A B ferry 10h id=fast
            service scheduled 1 Sun 0
            leg A B ferry 30h id=slow
            service scheduled 1 Mon 6
            """).Build());

        var route = router.BestRoute(new RouteQuery { From = new NodeId(0), To = new NodeId(1), DepartUtc = RandomNetworks.Monday })!;

        route.Legs[0].LegId.ShouldBe("slow");
        route.Totals.Hours.ShouldBe(36);
    }
}

using Corridors.Network;
using Corridors.Testing;

namespace Corridors.Tests.Network;

public sealed class ServiceScheduleTests
{
    /// <summary>Monday 2 March 2026 00:00 UTC: 2930 weeks after the epoch, and a multiple of 240 h after it.</summary>
    private static readonly double Mar2 = ServiceSchedule.HoursSinceEpoch(new DateTime(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc));

    private static ServiceSchedule OneLeg(string services) =>
        TestNetwork.Parse("node A\nnode B\nleg A B feeder 10h\n" + services).Build().Schedule;

    private static ServiceSchedule OneLeg(Action<TestNetwork> services)
    {
        var net = TestNetwork.Parse("node A\nnode B\nleg A B feeder 10h");
        services(net);
        return net.Build().Schedule;
    }

    [Fact]
    public void Epoch_IsMondayFifthOfJanuary1970Utc()
    {
        ServiceSchedule.Epoch.ShouldBe(new DateTime(1970, 1, 5, 0, 0, 0, DateTimeKind.Utc));
        ServiceSchedule.Epoch.DayOfWeek.ShouldBe(DayOfWeek.Monday);
        Mar2.ShouldBe(2930 * 168.0);
        ServiceSchedule.HoursSinceEpoch(new DateTimeOffset(2026, 3, 2, 3, 0, 0, TimeSpan.FromHours(3))).ShouldBe(Mar2);
    }

    [Fact]
    public void Build_SevenTenthsAWeek_SevenDeparturesInTenWeeksEvery240Hours()
    {
        var schedule = OneLeg("service scheduled 0.7");

        schedule.PeriodHours(0).ShouldBe(1680);
        schedule.DepartureHours(0).ToArray().ShouldBe([0.0, 240, 480, 720, 960, 1200, 1440]);
        schedule.HasTimetable(0).ShouldBeTrue();
        schedule.HasSailWhenFull(0).ShouldBeFalse();
        schedule.HasService(0).ShouldBeTrue();
    }

    [Fact]
    public void Build_OnePointSixAWeek_EightDeparturesInFiveWeeksEvery105Hours()
    {
        var schedule = OneLeg("service scheduled 1.6");

        schedule.PeriodHours(0).ShouldBe(5 * 168);
        schedule.DepartureHours(0).ToArray().ShouldBe(Enumerable.Range(0, 8).Select(k => k * 105.0).ToArray());
    }

    [Fact]
    public void Build_WeekdayServiceAndSevenTenths_MergesOverTheCommonPeriod()
    {
        // Mon;Thu 12:00 weekly (2 a week) and 0.7 a week from 06:00: 10 weeks hold 20 + 7 departures.
        var schedule = OneLeg(net => net
            .Service(ServiceKind.Scheduled, 2, [DayOfWeek.Monday, DayOfWeek.Thursday], 12)
            .Service(ServiceKind.Scheduled, 0.7, null, 6));

        schedule.PeriodHours(0).ShouldBe(1680);
        var times = schedule.DepartureHours(0).ToArray();
        times.Length.ShouldBe(27);
        times.ShouldBe(times.Order().ToArray());
        times.Take(4).ShouldBe([6.0, 12, 84, 180]); // 0.7 at 06:00, Mon 12:00, Thu 12:00, Mon 12:00 of week 2
        times.ShouldContain(246.0); // second 0.7 departure, 240 h after the first
    }

    [Fact]
    public void Build_NoWholeCountWithin52Weeks_RoundsTheCountOver52Weeks()
    {
        // 0.33 a week is never a whole number of departures in at most 52 weeks: round(0.33 × 52) = 17 departures.
        var schedule = OneLeg("service scheduled 0.33");

        schedule.PeriodHours(0).ShouldBe(52 * 168);
        schedule.DepartureHours(0).Length.ShouldBe(17);
        schedule.DepartureHours(0)[1].ShouldBe(52 * 168 / 17.0, 1e-9);
    }

    [Fact]
    public void Build_SailWhenFull_SumsFrequenciesIntoOneHeadway()
    {
        var schedule = OneLeg("service swf 2\nservice swf 1.5");

        schedule.HasTimetable(0).ShouldBeFalse();
        schedule.HasSailWhenFull(0).ShouldBeTrue();
        schedule.SailWhenFullPerWeek(0).ShouldBe(3.5);
        schedule.SailWhenFullHeadwayHours(0).ShouldBe(48);
        schedule.ExpectedSailWhenFullWaitHours(0).ShouldBe(24);
        schedule.ExpectedWaitHours(0, Mar2 + 5).ShouldBe(24);
    }

    [Fact]
    public void Build_ServicesOutsideTheYear_AreNotActive()
    {
        var net = TestNetwork.Parse("node A\nnode B\nleg A B feeder 10h both\nservice scheduled 1 Mon 0\nservice swf 2");
        var definition = net.Definition();
        var services = definition.Services.Select((s, i) => i == 0 ? s with { Validity = new Validity(InfrastructureStatus.Operational, null, 2025) } : s).ToArray();
        var limited = new NetworkDefinition(definition.Countries, definition.Passages, definition.Nodes, definition.Legs, definition.Vessels, services, definition.EmissionFactors, definition.Parameters);

        var in2024 = CorridorNetwork.Build(limited, 2024).Schedule;
        var in2026 = CorridorNetwork.Build(limited, 2026).Schedule;

        in2024.ActiveServices(0).Count.ShouldBe(2);
        in2024.HasTimetable(0).ShouldBeTrue();
        in2024.HasTimetable(1).ShouldBeTrue(); // the reverse edge shares the leg's services
        in2026.ActiveServices(0).ShouldHaveSingleItem().Kind.ShouldBe(ServiceKind.SailWhenFull);
        in2026.HasTimetable(0).ShouldBeFalse();
        in2026.PeriodHours(0).ShouldBe(0);
        in2026.DepartureHours(0).IsEmpty.ShouldBeTrue();
        in2026.NextDepartureWaitHours(0, Mar2).ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void NextDepartureWaitHours_MissedDepartures_SkipsThemAcrossThePeriodEnd()
    {
        var schedule = OneLeg("service scheduled 0.7");
        var ready = Mar2 + 1300; // after the departure at 1200 h of the period; next at 1440, then 1680 = 0 of the next

        schedule.NextDepartureWaitHours(0, ready).ShouldBe(140);
        schedule.NextDepartureWaitHours(0, ready, missed: 1).ShouldBe(380);
        schedule.NextDepartureWaitHours(0, ready, missed: 8).ShouldBe(140 + (8 * 240));
    }

    [Fact]
    public void NextDepartureWaitHours_DepartureAMomentBeforeReady_StillCaught()
    {
        var schedule = OneLeg("service scheduled 0.7");

        schedule.NextDepartureWaitHours(0, Mar2 + 240 + 5e-7).ShouldBe(0); // within the 1e-6 h tolerance
        schedule.NextDepartureWaitHours(0, Mar2 + 240 - 5e-7).ShouldBe(5e-7, 1e-9);
        schedule.NextDepartureWaitHours(0, Mar2 + 240 + 1e-5).ShouldBe(240 - 1e-5, 1e-9);
    }

    [Fact]
    public void ExpectedWaitHours_TimetableAndSailWhenFull_TakesTheSooner()
    {
        // Weekly on Mondays 00:00 plus sail-when-full twice a week (expected wait 42 h).
        var schedule = OneLeg("service scheduled 1 Mon 0\nservice swf 2");

        schedule.ExpectedWaitHours(0, Mar2 + 160).ShouldBe(8); // the Monday departure is sooner
        schedule.ExpectedWaitHours(0, Mar2 + 1).ShouldBe(42); // the next Monday is 167 h away
    }

    [Fact]
    public void ExpectedWaitHours_NoService_IsZero()
    {
        var schedule = OneLeg(string.Empty);

        schedule.HasService(0).ShouldBeFalse();
        schedule.ActiveServices(0).ShouldBeEmpty();
        schedule.ExpectedWaitHours(0, Mar2).ShouldBe(0);
        schedule.SailWhenFullHeadwayHours(0).ShouldBe(double.PositiveInfinity);
    }
}

using Corridors.Data;
using Corridors.Diagnostics;
using Corridors.Reliability;

namespace Corridors.Tests.Reliability;

public sealed class ReliabilityLoaderTests
{
    private const string Header = "id,component,scope,targets,months,probability,dist,unit,min,mode,max,median,p95,mean,sd,effect,source,notes\n";

    [Fact]
    public void LoadReliability_BundledTable_HasNoErrorsAndEverySourceFilled()
    {
        var bag = new DiagnosticBag();
        var model = NetworkLoader.LoadReliability(RepoPaths.Data, bag);
        bag.Items.Where(d => d.IsError).ShouldBeEmpty();
        model.Rules.Count.ShouldBeGreaterThan(10);
        model.Rules.ShouldAllBe(r => r.Provenance.Source.Length > 0);
        model.Shocks.Count.ShouldBe(model.Rules.Count(r => r.Component == ReliabilityComponent.Shock));
    }

    [Fact]
    public void LoadReliability_BundledTable_NamesOnlyNodesAndLegsOfTheBundledNetwork()
    {
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var bag = new DiagnosticBag();
        NetworkLoader.LoadReliability(RepoPaths.Data, bag, definition);
        bag.Items.ShouldBeEmpty(string.Join("\n", bag.Items));
    }

    [Fact]
    public void LoadReliability_UnknownNode_Warns()
    {
        var definition = NetworkLoader.Load(RepoPaths.Data).GetDefinitionOrThrow();
        var bag = new DiagnosticBag();
        NetworkLoader.ParseReliability(Header + "x,dwell-tail,node,KZ-NOWHERE,,0.1,fixed,h,,5,,,,,,,assumption: a reason long enough,\n", "reliability.csv", bag, definition);
        var warning = bag.Items.ShouldHaveSingleItem();
        warning.ToString().ShouldBe("reliability.csv(2,1): warning CORR0501: reliability rule 'x' names unknown node 'KZ-NOWHERE'; it matches nothing. Hint: check the node ids in the network files.");
    }

    [Fact]
    public void ParseReliability_DaysAndMonths_AreConverted()
    {
        var bag = new DiagnosticBag();
        var model = NetworkLoader.ParseReliability(
            Header + "w,weather-closure,sea,caspian,11-3,0.15,triangular,d,0.5,2,5,,,,,,\"assumption: test row for unit conversion\",\n",
            "reliability.csv",
            bag);
        bag.HasErrors.ShouldBeFalse();
        var rule = model.Rules.ShouldHaveSingleItem();
        rule.Distribution.ShouldBe(DelayDistribution.Triangular(12, 48, 120));
        rule.Months.ToString().ShouldBe("1;2;3;11;12");
        rule.Probability.ShouldBe(0.15);
    }

    [Theory]
    [InlineData("x,dwell-tail,node,A,,,lognormal,d,,,,2,5,,,,assumption: a reason long enough,", "CORR0102", "probability")]
    [InlineData("x,running-variation,mode,rail,,,triangular,h,0.9,1,1.4,,,,,,assumption: a reason long enough,", "CORR0105", "unit")]
    [InlineData("x,dwell-tail,node,A,,0.1,triangular,h,5,3,4,,,,,,assumption: a reason long enough,", "CORR0116", "dist")]
    [InlineData("x,shock,node,A,,0.1,fixed,h,,5,,,,,,,assumption: a reason long enough,", "CORR0102", "effect")]
    [InlineData("x,weather-closure,node,A,,0.1,fixed,h,,5,,,,,,,assumption: a reason long enough,", "CORR0105", "scope")]
    [InlineData("x,dwell-tail,node-kind,harbour,,0.1,fixed,h,,5,,,,,,,assumption: a reason long enough,", "CORR0105", "targets")]
    [InlineData("x,missed-sailing,sea,caspian,13,0.1,,,,,,,,,,,assumption: a reason long enough,", "CORR0103", "months")]
    [InlineData("x,sailing-headway,sea,caspian,,,triangular,d,3,4,5,,,,,,assumption: a reason long enough,", "CORR0105", "dist")]
    public void ParseReliability_BadRow_ReportsCodeAtCell(string row, string code, string column)
    {
        // The diagnostic points at the first character of the offending cell on line 2.
        var fieldIndex = Array.IndexOf(Header.TrimEnd().Split(','), column);
        var expectedColumn = 1 + row.Split(',').Take(fieldIndex).Sum(f => f.Length + 1);
        var bag = new DiagnosticBag();
        var model = NetworkLoader.ParseReliability(Header + row + "\n", "reliability.csv", bag);
        model.Rules.ShouldBeEmpty();
        var error = bag.Items.First(d => d.IsError);
        (error.Code, error.Line, error.Column).ShouldBe((code, 2, expectedColumn), error.ToString());
    }
}

using Corridors.Application.Requests;
using Corridors.Application.Services;
using Corridors.Application.Workspace;
using Corridors.Diagnostics;

namespace Corridors.Tests.ModelValidation;

/// <summary>
/// <c>validate-model</c> (issue 9): the bundled cases file loads cleanly, a malformed one gives located errors, and the
/// service scores a tiny synthetic file as the pass rule says.
/// </summary>
public sealed class ModelValidationServiceTests
{
    private const string Header = "id,from,to,what,corridor,statistic,published,band_low,band_high,date,service_level,weight,source,notes\n";
    private const string Source = "\"Test source, https://example.org/a, 2024-01-01\"";

    private static string BundledCases => ModelValidationService.DefaultCasesFile(RepoPaths.Data);

    private static string WriteCases(string rows)
    {
        var dir = Path.Combine(Path.GetTempPath(), "corridors-tests", "validation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "cases.csv");
        File.WriteAllText(file, Header + rows);
        return file;
    }

    private static CorridorsWorkspace Minimal() => new(new WorkspaceOptions { DataDirectory = RepoPaths.MinimalData });

    [Fact]
    public void Load_BundledCasesFile_HasNoErrorsAtLeast40CasesAndEveryPlaceResolves()
    {
        var bag = new DiagnosticBag();

        var cases = ValidationCaseFile.Load(BundledCases, bag);

        bag.Items.Where(d => d.IsError).ShouldBeEmpty(string.Join("\n", bag.Items));
        cases.Count.ShouldBeGreaterThanOrEqualTo(40);
        cases.Select(c => c.Source.Split(',')[0]).Distinct(StringComparer.Ordinal).Count().ShouldBeGreaterThanOrEqualTo(15);
        cases.Select(c => c.Year).Distinct().Count().ShouldBeGreaterThanOrEqualTo(6);
        var workspace = TestWorkspaces.Bundled();
        // Capacity cases name one element, not a route (ModelValidationService.Capacity.cs checks them).
        foreach (var c in cases.Where(c => c.What != ValidationQuantity.CapacityTeu))
        {
            var resolved = RouteQueryResolver.Resolve(new RouteQueryRequest { From = c.From, To = c.To, Year = c.Year, Depart = c.Depart }, workspace);
            resolved.IsValid.ShouldBeTrue($"{c.Id}: {string.Join("; ", resolved.Problems.Select(p => p.Message))}");
        }
    }

    [Fact]
    public void Load_BundledExplanations_NameOnlyCasesOfTheFile()
    {
        var bag = new DiagnosticBag();
        var cases = ValidationCaseFile.Load(BundledCases, bag);

        var explanations = ValidationCaseFile.LoadExplanations(
            Path.Combine(Path.GetDirectoryName(BundledCases)!, ValidationCaseFile.ExplanationsFileName), cases.Select(c => c.Id).ToHashSet(), bag);

        bag.Items.ShouldBeEmpty(string.Join("\n", bag.Items));
        explanations.Count.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Read_MalformedRows_ReportsEveryProblemAtItsCell()
    {
        // Given: one good row and five broken ones (lines 3–7; line 1 is the header, line 2 a comment)
        var text = Header + "# a comment\n"
            + "ok,A,B,km,best,value,10,9,11,2024-01,any,1," + Source + ",\n"
            + "ok,A,B,miles,best,value,10,9,11,2024-01,any,1," + Source + ",\n"
            + "b,A,B,km,best,p50,10,11,9,2024-13,any,1," + Source + ",\n"
            + "c,A,B,days,best,value,20,9,11,2024-01,any,1,Someone said so in 2024,\n"
            + "d,A,B,days,sideways,value,10,9,11,2024-01,any,0," + Source + ",\n"
            + "e,A,B,days,best,value,10 days,9,11,2024,any,1," + Source + ",\n";
        var bag = new DiagnosticBag();

        var cases = ValidationCaseFile.Read(text, "cases.csv", bag);

        // Then: only the first row survives, and each problem names its line, column and code
        cases.Select(c => c.Id).ShouldBe(["ok"]);
        var messages = bag.Items.Select(d => d.ToString()).ToList();
        messages.ShouldContain("cases.csv(4,1): error CORR0101: Case id 'ok' appears twice.");
        messages.ShouldContain(m => m.StartsWith("cases.csv(4,8): error CORR0105: Case 'ok' has 'what' = 'miles'", StringComparison.Ordinal));
        messages.ShouldContain("cases.csv(5,27): error CORR0304: Case 'b' has 'date' = '2024-13', which is not a date yyyy-MM or yyyy-MM-dd between 1990 and 2100.");
        messages.ShouldContain("cases.csv(5,15): error CORR0303: Case 'b' asks for the p50 of km; only days have a distribution. Hint: Use 'value' for km and prices.");
        messages.ShouldContain("cases.csv(5,22): error CORR0302: Case 'b' has band_low 11 above band_high 9.");
        messages.ShouldContain("cases.csv(6,23): error CORR0302: Case 'c' has the published figure 20 outside its own band 9–11.");
        messages.ShouldContain(m => m.StartsWith("cases.csv(6,45): error CORR0305: Case 'c' has a source without a URL.", StringComparison.Ordinal));
        messages.ShouldContain(m => m.StartsWith("cases.csv(7,12): error CORR0105: Case 'd' has 'corridor' = 'sideways'", StringComparison.Ordinal));
        messages.ShouldContain("cases.csv(7,47): error CORR0104: Case 'd' has 'weight' = 0; a case needs a weight above 0.");
        messages.ShouldContain(m => m.StartsWith("cases.csv(8,23): error CORR0115: Case 'e' has 'published' = '10 days'", StringComparison.Ordinal));
        messages.ShouldContain("cases.csv(8,36): error CORR0304: Case 'e' has 'date' = '2024', which is not a date yyyy-MM or yyyy-MM-dd between 1990 and 2100.");
    }

    [Fact]
    public void Read_HeaderWithoutCases_IsAnError()
    {
        var bag = new DiagnosticBag();

        ValidationCaseFile.Read(Header, "cases.csv", bag).ShouldBeEmpty();

        bag.Items.Select(d => d.ToString()).ShouldBe(["cases.csv(1,1): error CORR0306: The cases file has no cases. Hint: Add one published figure per row below the header."]);
    }

    [Fact]
    public void Run_UnknownPlace_ThrowsWithTheCellOfThePlace()
    {
        var file = WriteCases("x,Alashankou,Atlantis,km,best,value,10,9,11,2024-01,any,1," + Source + ",\n");

        var error = Should.Throw<InputDataException>(() => new ModelValidationService(Minimal()).Run(new ModelValidationRequest { CasesFile = file }, TestContext.Current.CancellationToken));

        var diagnostic = error.Diagnostics.ShouldHaveSingleItem();
        (diagnostic.Code, diagnostic.Line, diagnostic.Column).ShouldBe(("CORR0301", 2, 14));
        diagnostic.Message.ShouldStartWith("Case 'x' (network 2024): 'Atlantis' is not a place in the network.");
    }

    [Fact]
    public void Run_MissingCasesFile_IsALocatedError()
    {
        var file = Path.Combine(Path.GetTempPath(), "corridors-tests", "no-such-dir-" + Guid.NewGuid().ToString("N"), "cases.csv");

        var error = Should.Throw<InputDataException>(() => new ModelValidationService(Minimal()).Run(new ModelValidationRequest { CasesFile = file }, TestContext.Current.CancellationToken));

        error.Diagnostics.ShouldHaveSingleItem().Code.ShouldBe("CORR0001");
    }

    [Fact]
    public void Run_TinySyntheticFile_PassesInsideTheBandFailsOutsideAndScoresByWeight()
    {
        // Given: the minimal network Alashankou → Dostyk (transfer) → Aktau (3,000 km rail) → Alat (420 km ferry), and
        // a band that surely holds its 3,420 km, one that surely does not, and a family the network does not have
        var file = WriteCases(
            "inside,Alashankou,Alat,km,best,value,3420,3000,4000,2024-03,any,3," + Source + ",\n"
            + "outside,Alashankou,Alat,km,best,value,100,50,150,2024-03,any,1," + Source + ",\n"
            + "no-family,Alashankou,Alat,days,northern,value,10,1,100,2024-03,block-train,1," + Source + ",a note\n");
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(file)!, ValidationCaseFile.ExplanationsFileName),
            "id,explanation\noutside,The band is absurd on purpose.\nghost,No such case.\n");

        // When
        var answer = new ModelValidationService(Minimal()).Run(new ModelValidationRequest { CasesFile = file }, TestContext.Current.CancellationToken).Value;

        // Then: weights 3 pass, 1 + 1 fail → score 3/5
        var cases = answer.Document.Cases;
        cases.Select(c => (c.Id, c.Pass, c.Model)).ShouldBe([("inside", true, 3420), ("outside", false, 3420), ("no-family", false, null)]);
        answer.Document.Score.ShouldBe(0.6);
        (answer.Document.Passed, answer.Document.Failed).ShouldBe((1, 2));
        (answer.Document.Seed, answer.Document.Samples).ShouldBe((ModelValidationRequest.DefaultSeed, ModelValidationRequest.DefaultSamples));
        cases[0].Reason.ShouldBeNull();
        cases[1].Reason.ShouldBe("The model gives 3,420 km (Middle (Caspian ferry)), above the band 50–150 (+3,320 % against the published 100).");
        cases[1].Explanation.ShouldBe("The band is absurd on purpose.");
        cases[2].Reason!.ShouldStartWith("The model has no route of the northern family for this case");
        cases[2].Unit.ShouldBe("days");
        cases[2].Notes.ShouldBe("a note");
        answer.Warnings.Select(w => w.Code).ShouldBe(["CORR0307"]);
    }

    [Fact]
    public void Run_DistributionStatistics_ComeFromTheSeededMonteCarloOfTheSameRoute()
    {
        var file = WriteCases(
            "value,Xian,Duisburg,days,northern,value,15,1,100,2026-03-03,block-train,1," + Source + ",\n"
            + "p50,Xian,Duisburg,days,northern,p50,15,1,100,2026-03-03,block-train,1," + Source + ",\n"
            + "p90,Xian,Duisburg,days,northern,p90,15,1,100,2026-03-03,block-train,1," + Source + ",\n");
        var service = new ModelValidationService(TestWorkspaces.Bundled());
        var request = new ModelValidationRequest { CasesFile = file, Samples = 2_000 };

        var first = service.Run(request, TestContext.Current.CancellationToken).Value.Document;
        var second = service.Run(request, TestContext.Current.CancellationToken).Value.Document;

        first.Cases.Select(c => c.ModelCorridor).Distinct().ShouldHaveSingleItem().ShouldBe("Northern (Russia–Belarus)");
        first.Cases[2].Model!.Value.ShouldBeGreaterThan(first.Cases[1].Model!.Value);
        second.Cases.Select(c => c.Model).ShouldBe(first.Cases.Select(c => c.Model));
        first.Samples.ShouldBe(2_000);
    }

    [Fact]
    public void Run_TooManySamples_IsARequestProblem()
    {
        var outcome = new ModelValidationService(Minimal()).Run(new ModelValidationRequest { Samples = 0 }, TestContext.Current.CancellationToken);

        outcome.IsValid.ShouldBeFalse();
        outcome.Problems.ShouldHaveSingleItem().Field.ShouldBe("samples");
    }
}

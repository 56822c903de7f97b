using System.CommandLine;
using System.Globalization;
using System.Text;
using Corridors.Application.Contracts;
using Corridors.Application.Services;
using Spectre.Console;

namespace Corridors.Cli.Commands;

/// <summary>
/// <c>corridors validate-model [--cases FILE] [--json] [--markdown FILE]</c>: runs every published figure of the cases
/// file on the network of its date and prints model against published, pass or fail, and the weighted score
/// (docs/VALIDATION.md is this command's <c>--markdown</c> output). Exit 0 whatever the score: it is a report; exit 2 when
/// the cases file has errors.
/// </summary>
internal static class ValidateModelCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Longest case id shown in the text table (the table stays within 100 columns).</summary>
    private const int IdWidth = 30;

    public static Command Create(CliContext context, GlobalOptions globals)
    {
        var cases = new Option<string?>("--cases") { Description = "Cases file (default: validation/cases.csv in the data directory; docs/DATA.md, \"Validation cases\")." };
        var markdown = new Option<string?>("--markdown") { Description = "Also write the report as Markdown to this file (docs/VALIDATION.md is generated this way)." };
        var json = CommonOptions.Json();
        var command = new Command(
            "validate-model",
            "Compare the model with published end-to-end figures (transit days, km, prices) on the network of each figure's date; print pass or fail per case and the weighted score.")
        {
            cases,
            markdown,
            json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new ModelValidationRequest { CasesFile = parse.GetValue(cases) };
            var outcome = new ModelValidationService(context.Workspace).Run(request, cancellationToken);
            if (!outcome.IsValid)
            {
                return Task.FromResult(context.Fail(outcome.Problems));
            }

            var answer = outcome.Value;
            foreach (var warning in answer.Warnings)
            {
                context.Stderr.WriteLine(warning.ToString());
            }

            var document = answer.Document;
            if (parse.GetValue(markdown) is { } file)
            {
                var arguments = string.Join(' ', parse.Tokens.Select(t => t.Value));
                OutputFiles.WriteAtomically(file, "--markdown", stream =>
                {
                    using var writer = new StreamWriter(stream, new UTF8Encoding(false));
                    writer.Write(ValidationMarkdown.Render(document, arguments));
                });
                context.Stderr.WriteLine($"info: wrote the validation report to {file}");
            }

            var recorded = context.Record("validate-model", parse.Tokens.Select(t => t.Value), document, null, document.Seed);
            if (parse.GetValue(json))
            {
                context.Stdout.WriteLine(recorded.Json);
            }
            else
            {
                Render(context.Console, document);
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static void Render(IAnsiConsole console, ValidationReportDocument document)
    {
        var table = new Table().AddColumns("Case", "What", "Model", "Published", "Band", "Result");
        foreach (var c in document.Cases)
        {
            var id = c.Id.Length > IdWidth ? c.Id[..(IdWidth - 1)] + "…" : c.Id;
            table.AddRow(
                Markup.Escape(id),
                Markup.Escape(Quantity(c)),
                c.Model is { } m ? ModelValidationService.Format(c.What, m) : "no route",
                ModelValidationService.Format(c.What, c.Published),
                ModelValidationService.Format(c.What, c.Band.Low) + "–" + ModelValidationService.Format(c.What, c.Band.High),
                c.Pass ? "pass" : "[red]FAIL[/]");
        }

        console.Write(table);
        console.MarkupLine(Inv, $"[bold]Score {document.Score:0.000}[/]: {document.Passed} of {document.Cases.Count} cases pass (weighted share).");
        console.MarkupLine(Inv, $"Monte Carlo statistics: seed {document.Seed}, {document.Samples:N0} trips per route.");
        if (document.Failed > 0)
        {
            console.MarkupLine("Reasons and explanations of the failures: --json or --markdown FILE.");
        }
    }

    /// <summary>The quantity of a case in a few characters: <c>days p90</c>, <c>USD/FEU</c>, <c>km</c>.</summary>
    internal static string Quantity(ValidationCaseContract c) =>
        c.Statistic == ValidationStatistic.Value ? c.Unit : c.Unit + " " + ContractJson.Serialize(c.Statistic).Trim('"');
}

/// <summary>The Markdown report (docs/VALIDATION.md): method, score, summaries, every case, and each failure explained.</summary>
internal static class ValidationMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Render(ValidationReportDocument document, string arguments)
    {
        var md = new StringBuilder();
        var cases = document.Cases;
        md.AppendLine("# Model validation");
        md.AppendLine();
        md.AppendLine(Inv, $"Generated by `corridors {arguments}` from `{document.CasesFile}` and the `explanations.csv` next to it.");
        md.AppendLine("Do not edit this file by hand: edit the cases or the explanations and run the command again.");
        md.AppendLine();
        md.AppendLine(Inv, $"**Score {document.Score:0.000}**: {document.Passed} of {cases.Count} cases pass (the weighted share of passing cases; weights are in the cases file).");
        md.AppendLine(Inv, $"Monte Carlo statistics (mean, p50, p90): seed {document.Seed}, {document.Samples:N0} simulated trips per route.");
        md.AppendLine(Inv, $"The {cases.Count} cases come from {cases.Select(c => c.Source.Split(',')[0].Trim()).Distinct(StringComparer.Ordinal).Count()} publications (as each source cell names it first) and cover the network years {cases.Min(c => c.Year)}–{cases.Max(c => c.Year)}.");
        md.AppendLine();
        md.AppendLine("## How the cases are run");
        md.AppendLine();
        md.AppendLine("- Each case is one published end-to-end figure (transit days, route km, or a price per container) with its source,");
        md.AppendLine("  date and service level, in `data/validation/cases.csv` (columns in docs/DATA.md, \"Validation cases\").");
        md.AppendLine("- The model runs the case on the network of the case's date (the year clamped to the 2020–2035 data), departing on that");
        md.AppendLine("  date, with one TEU (one FEU for USD/FEU cases), by time. It takes the fastest route of the case's corridor family among");
        md.AppendLine("  `compare`'s routes, or the best route when that is of the family (`best` cases take the best route of any family).");
        md.AppendLine("- `value` compares the deterministic routing figure; `mean`, `p50` and `p90` compare the Monte Carlo distribution of the");
        md.AppendLine("  same route (the engine of `reliability`).");
        md.AppendLine("- A case passes when the model lies inside its band: the source's own range where it gives one, otherwise a tolerance");
        md.AppendLine("  stated in the notes as an assumption (±15 % for a single transit time, ±5 % for a route length, ±20 % for a price).");
        md.AppendLine("  A case the model cannot answer (no route of that family) fails.");
        md.AppendLine("- `block-train` cases run at the block-train service level (booked sailings, border priority); `groupage` and `any`");
        md.AppendLine("  cases at groupage, the default (docs/MODEL.md, \"Service levels\").");
        md.AppendLine("- This is evidence, not calibration: no model parameter or data file was changed to make a case pass. One overlap is");
        md.AppendLine("  declared: the ocean rates by year (rate_factors.csv) are yearly averages of the Drewry WCI composite, the index family");
        md.AppendLine("  of the weekly WCI price cases, so those cases test how far a yearly eight-lane average follows one lane's week, not");
        md.AppendLine("  an independent price level.");
        md.AppendLine();
        Summary(md, "By corridor family", cases, c => ValidationCaseFile.WireName(c.Corridor));
        Summary(md, "By quantity", cases, ValidateModelCommand.Quantity);
        Summary(md, "By service level", cases, c => Word(c.ServiceLevel));
        Summary(md, "By network year", cases, c => c.Year.ToString(Inv));

        LargestGaps(md, cases);
        md.AppendLine("## Every case");
        md.AppendLine();
        md.AppendLine("| Case | Route | Quantity | Corridor | Date | Service | Model | Published | Band | Result |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- |");
        foreach (var c in cases)
        {
            md.AppendLine(Inv, $"| {Cell(c.Id)} | {Cell(c.From)} → {Cell(c.To)} | {ValidateModelCommand.Quantity(c)} | {ValidationCaseFile.WireName(c.Corridor)} | {c.Date} | {Word(c.ServiceLevel)} | {(c.Model is { } m ? ModelValidationService.Format(c.What, m) : "no route")} | {ModelValidationService.Format(c.What, c.Published)} | {ModelValidationService.Format(c.What, c.Band.Low)}–{ModelValidationService.Format(c.What, c.Band.High)} | {(c.Pass ? "pass" : "**fail**")} |");
        }

        md.AppendLine();
        md.AppendLine("## Failures and what in the model likely causes them");
        md.AppendLine();
        var failures = cases.Where(c => !c.Pass).ToList();
        if (failures.Count == 0)
        {
            md.AppendLine("None.");
            md.AppendLine();
        }

        foreach (var c in failures)
        {
            md.AppendLine(Inv, $"### {c.Id}");
            md.AppendLine();
            md.AppendLine(Inv, $"- **Result:** {Text(c.Reason ?? "fails")}");
            md.AppendLine(Inv, $"- **Why:** {Text(c.Explanation ?? "No explanation recorded yet (add one to explanations.csv).")}");
            md.AppendLine(Inv, $"- **Source:** {Text(c.Source)}");
            if (c.Notes is { } notes)
            {
                md.AppendLine(Inv, $"- **Notes:** {Text(notes)}");
            }

            md.AppendLine();
        }

        md.AppendLine("## Sources of the passing cases");
        md.AppendLine();
        foreach (var c in cases.Where(c => c.Pass))
        {
            md.AppendLine(Inv, $"- **{c.Id}**: {Text(c.Source)}{(c.Notes is { } n ? " — " + Text(n) : string.Empty)}");
        }

        return md.ToString();
    }

    /// <summary>The failing cases farthest from their published figure, relative to it.</summary>
    private static void LargestGaps(StringBuilder md, IReadOnlyList<ValidationCaseContract> cases)
    {
        var gaps = cases.Where(c => !c.Pass && c.Model is not null && c.Published > 0)
            .Select(c => (Case: c, Gap: (c.Model!.Value - c.Published) / c.Published))
            .OrderByDescending(x => Math.Abs(x.Gap)).ThenBy(x => x.Case.Id, StringComparer.Ordinal).Take(12).ToList();
        if (gaps.Count == 0)
        {
            return;
        }

        md.AppendLine("## Largest gaps");
        md.AppendLine();
        md.AppendLine("| Case | Quantity | Corridor | Model | Published | Model against published |");
        md.AppendLine("| --- | --- | --- | ---: | ---: | ---: |");
        foreach (var (c, gap) in gaps)
        {
            md.AppendLine(Inv, $"| {Cell(c.Id)} | {ValidateModelCommand.Quantity(c)} | {ValidationCaseFile.WireName(c.Corridor)} | {ModelValidationService.Format(c.What, c.Model!.Value)} | {ModelValidationService.Format(c.What, c.Published)} | {gap.ToString("+#,0 %;−#,0 %", Inv)} |");
        }

        md.AppendLine();
    }

    private static void Summary(StringBuilder md, string title, IReadOnlyList<ValidationCaseContract> cases, Func<ValidationCaseContract, string> key)
    {
        md.AppendLine(Inv, $"## {title}");
        md.AppendLine();
        md.AppendLine("| | Cases | Pass | Weighted score |");
        md.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var group in cases.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var total = group.Sum(c => c.Weight);
            var passing = group.Where(c => c.Pass).Sum(c => c.Weight);
            md.AppendLine(Inv, $"| {Cell(group.Key)} | {group.Count()} | {group.Count(c => c.Pass)} | {(total > 0 ? passing / total : 0):0.00} |");
        }

        md.AppendLine();
    }

    private static string Word<T>(T value) => ContractJson.Serialize(value).Trim('"');

    /// <summary>Text in a table cell: pipes escaped, line breaks flattened.</summary>
    private static string Cell(string text) => Text(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Text(string text) => text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}

using Corridors.Data.Csv;
using Corridors.Diagnostics;

namespace Corridors.Tests.Csv;

public sealed class CsvParserTests
{
    [Fact]
    public void Parse_QuotedFieldsCommentsAndBlankLines_KeepsPositions()
    {
        var bag = new DiagnosticBag();
        var records = CsvParser.Parse("# comment\na,b\n\n1,\"x, \"\"y\"\"\"\n", "t.csv", bag);

        bag.HasErrors.ShouldBeFalse();
        records.Count.ShouldBe(2);
        records[1].Line.ShouldBe(4);
        records[1].Fields[1].Value.ShouldBe("x, \"y\"");
        records[1].Fields[1].Column.ShouldBe(3);
    }

    [Fact]
    public void Parse_QuotedFieldSpanningLines_CountsLines()
    {
        var bag = new DiagnosticBag();
        var records = CsvParser.Parse("a,b\n\"multi\nline\",2\nz,3\n", "t.csv", bag);

        records.Count.ShouldBe(3);
        records[1].Fields[0].Value.ShouldBe("multi\nline");
        records[2].Line.ShouldBe(4);
    }

    [Fact]
    public void Parse_UnterminatedQuote_ReportsCorr0002AtTheQuote()
    {
        var bag = new DiagnosticBag();
        CsvParser.Parse("a,b\n1,\"open\n", "t.csv", bag);

        var d = bag.Items.ShouldHaveSingleItem();
        d.ToString().ShouldBe("t.csv(2,3): error CORR0002: The quoted field is never closed. Hint: Add the closing '\"' or remove the opening one.");
    }

    [Fact]
    public void Parse_CrLfLineEndings_AreHandled()
    {
        var bag = new DiagnosticBag();
        var records = CsvParser.Parse("a,b\r\n1,2\r\n", "t.csv", bag);

        records.Count.ShouldBe(2);
        records[1].Fields[1].Value.ShouldBe("2");
    }
}

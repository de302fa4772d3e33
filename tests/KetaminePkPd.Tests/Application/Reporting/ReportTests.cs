using System.Collections.Immutable;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Application.Reporting;

public sealed class ReportTests
{
    private static Report Sample(string reading = "more dissociation, more improvement") => new ReportBuilder("ketamine-pkpd test")
        .Fact("Design", "nimh")
        .Fact("Seed", "1")
        .Provisional("PROVISIONAL: EMAX_D.")
        .Table("r by hypothesis", [new ReportColumn("Hypothesis"), ReportColumn.Number("Median\nr")], [["exposure-only", "-0.02"], ["a|b", "0.10"]])
        .Reading(reading, "exposure-only, 7 d:")
        .Build();

    [Fact]
    public void Builder_GroupsConsecutiveFacts_IntoOneBlock()
    {
        var report = Sample();
        Assert.Equal(4, report.Blocks.Length);
        var facts = Assert.IsType<ReportFacts>(report.Blocks[0]);
        Assert.Equal(["Design", "Seed"], facts.Facts.Select(f => f.Label));
        Assert.Single(report.Readings);
        Assert.Single(report.Tables);
    }

    [Fact]
    public void Reports_WithTheSameContent_AreEqualWithEqualHashCodes()
    {
        Assert.Equal(Sample(), Sample());
        Assert.Equal(Sample().GetHashCode(), Sample().GetHashCode());
        Assert.NotEqual(Sample(), Sample("other reading"));
        var t1 = Sample().Tables.Single();
        var t2 = Sample().Tables.Single();
        Assert.Equal(t1, t2);
        Assert.Equal(t1.GetHashCode(), t2.GetHashCode());
    }

    [Fact]
    public void ToMarkdown_WritesPipeTables_WithEscapedCellsAndRightAlignedNumbers()
    {
        string md = Sample().ToMarkdown();
        Assert.StartsWith("# ketamine-pkpd test\n", md, StringComparison.Ordinal);
        Assert.Contains("- **Design**: nimh\n", md, StringComparison.Ordinal);
        Assert.Contains("| Hypothesis | Median<br>r |\n|---|---:|\n", md, StringComparison.Ordinal);
        Assert.Contains("| a\\|b | 0.10 |", md, StringComparison.Ordinal);
        Assert.Contains("**exposure-only, 7 d:** more dissociation, more improvement", md, StringComparison.Ordinal);
        Assert.Contains("**PROVISIONAL: EMAX\\_D.**", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_WithARowOfTheWrongLength_NamesTheRow()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            new ReportTable(null, [new ReportColumn("a"), new ReportColumn("b")], [["1", "2"], ["3"]]));
        Assert.Contains("rows[1] must hold 2 cells", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Blocks_WithBlankText_AreRejected(string text)
    {
        Assert.Throws<ArgumentException>(() => new ReportHeading(text));
        Assert.Throws<ArgumentException>(() => new ReportParagraph(text));
        Assert.Throws<ArgumentException>(() => new ReportColumn(text));
        Assert.Throws<ArgumentException>(() => new ReportBuilder(text));
    }

    [Fact]
    public void Paragraph_WithAnUndefinedKind_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportParagraph("x", (ReportParagraphKind)42));
}

using System.Collections.Immutable;
using KetaminePkPd.Cli.Output;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// Reports stay readable on a narrow terminal (issue 17, class 9): a table that fits is drawn as a table (one text
/// column may wrap); one that does not becomes one card per row. Nothing is cut: every cell's text is printed, and no
/// line is wider than the terminal. The <c>validate</c> table, whose main numbers used to vanish, is checked at 80 and
/// 100 columns.
/// </summary>
public sealed class NarrowTerminalTests
{
    private static string Render(Report report, int width)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var console = ConsoleOutput.Create(writer);
        console.Profile.Width = width;
        ReportRenderer.Write(console, report);
        return writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static readonly Lazy<ValidationReport> Validation = new(() => ValidationSuite.Run(ValidationSettings.Default with { SubjectsPerArm = ValidationSettings.MinSubjectsPerArm }));

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    public void Validate_AtWidth_ShowsEveryTargetsStatusSimulatedValueAndAcceptance(int width)
    {
        var report = Validation.Value;
        string text = Render(ValidationOutput.Build(report), width);
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        foreach (var row in report.Rows)
        {
            int at = Array.FindIndex(lines, l => l.Contains(row.Target.Key, StringComparison.Ordinal) && l.Contains(ValidationMarkdown.Word(row.Status), StringComparison.Ordinal));
            Assert.True(at >= 0, $"{row.Target.Key}: no line with its key and status");
            string card = string.Join(' ', lines.Skip(at).Take(4));
            Assert.Contains("Simulated: " + ValidationMarkdown.Number(row.Simulated), card, StringComparison.Ordinal);
            Assert.Contains("Accept: " + ValidationMarkdown.Acceptance(row.Target), card, StringComparison.Ordinal);
        }
    }

    private static Report Table(int rows, params (string Header, ColumnAlignment Alignment, Func<int, string> Cell)[] columns) =>
        new ReportBuilder("t").Table("title", [.. columns.Select(c => new ReportColumn(c.Header, c.Alignment))],
            Enumerable.Range(0, rows).Select(i => (IEnumerable<string>)[.. columns.Select(c => c.Cell(i))])).Build();

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(200)]
    public void AnyTable_AtAnyWidth_PrintsEveryCellWithinTheWidth(int width)
    {
        var report = Table(5,
            ("Name", ColumnAlignment.Left, i => $"name-{i}-{new string('k', i * 3)}"),
            ("Median r", ColumnAlignment.Right, i => (-0.1 * i).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)),
            ("95% of trials", ColumnAlignment.Right, i => $"[-0.{i}0, 0.{i}5]"),
            ("Verdict", ColumnAlignment.Left, i => i % 2 == 0 ? "compatible" : "stronger"),
            ("Reading", ColumnAlignment.Left, i => string.Join(' ', Enumerable.Repeat($"word{i}", 4 + 3 * i))));
        string text = Render(report, width);
        var lines = text.Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} > {width}: {l}"));
        string flat = string.Join(' ', lines.Select(l => l.Trim(' ', '│')));
        for (int i = 0; i < 5; i++)
        {
            Assert.Contains($"name-{i}", flat, StringComparison.Ordinal);
            Assert.Contains($"[-0.{i}0, 0.{i}5]", flat, StringComparison.Ordinal);
            Assert.Equal(4 + 3 * i, System.Text.RegularExpressions.Regex.Matches(text, $"word{i}\\b").Count);
        }
    }

    [Fact]
    public void NarrowTable_FitsAsATable_WideOneBecomesCards()
    {
        var narrow = new ReportTable(null, [new ReportColumn("A"), ReportColumn.Number("B")], [["x", "1"], ["y", "2"]]);
        Assert.Equal(-1, ReportRenderer.WrappedColumn(narrow, 80));
        var text = new ReportTable(null, [new ReportColumn("Key"), new ReportColumn("Text")], [["k", string.Join(' ', Enumerable.Repeat("word", 40))]]);
        Assert.Equal(1, ReportRenderer.WrappedColumn(text, 80));
        var wide = new ReportTable(null, [.. Enumerable.Range(0, 8).Select(c => ReportColumn.Number($"Column{c}"))], [[.. Enumerable.Range(0, 8).Select(c => "123456789.0")]]);
        Assert.Null(ReportRenderer.WrappedColumn(wide, 80));
    }
}

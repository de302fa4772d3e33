using KetaminePkPd.Reporting;
using Spectre.Console;

namespace KetaminePkPd.Cli.Output;

/// <summary>
/// Shows a library <see cref="Report"/> on a console: the title in bold, facts as a two-column grid, tables with rounded
/// borders, readings with a bold lead, the PROVISIONAL statement in bold yellow. The words are the library's; this class
/// only decides how they look.
/// </summary>
internal static class ReportRenderer
{
    /// <summary>Renders <paramref name="report"/> to <paramref name="writer"/> (plain text when redirected).</summary>
    public static void Write(TextWriter writer, Report report) => ConsoleOutput.Render(writer, console => Write(console, report));

    /// <summary>Renders <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, Report report)
    {
        console.MarkupLine("[bold]" + Markup.Escape(report.Title) + "[/]");
        console.WriteLine();
        ReportBlock? previous = null;
        foreach (var block in report.Blocks)
        {
            if (previous is not null && NeedsGap(previous, block)) console.WriteLine();
            previous = block;
            switch (block)
            {
                case ReportHeading h:
                    console.MarkupLine("[bold]" + Markup.Escape(h.Text) + "[/]");
                    break;
                case ReportFacts f:
                    var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
                    foreach (var fact in f.Facts) grid.AddRow(new Text(fact.Label, new Style(decoration: Decoration.Bold)), new Text(fact.Value));
                    console.Write(grid);
                    break;
                case ReportParagraph { Kind: ReportParagraphKind.Provisional or ReportParagraphKind.Warning } p:
                    console.MarkupLine("[bold yellow]" + Markup.Escape(p.Text) + "[/]");
                    break;
                case ReportParagraph { Kind: ReportParagraphKind.Reading } p:
                    var paragraph = new Paragraph();
                    if (p.Lead is { Length: > 0 } lead) paragraph.Append(lead + " ", new Style(decoration: Decoration.Bold));
                    console.Write(paragraph.Append(p.Text));
                    console.WriteLine();
                    break;
                case ReportParagraph p:
                    console.WriteLine(p.Lead is { Length: > 0 } l ? l + " " + p.Text : p.Text);
                    break;
                case ReportTable t:
                    console.Write(Table(t));
                    break;
            }
        }
    }

    /// <summary>
    /// Whether a blank line separates two blocks: before headings, tables and readings, and after the PROVISIONAL
    /// statement and readings; notes right under a table or right after the facts stay attached to them.
    /// </summary>
    private static bool NeedsGap(ReportBlock previous, ReportBlock next) => (previous, next) switch
    {
        (_, ReportHeading) => true,
        (ReportHeading, _) => false,
        (ReportTable or ReportFacts, ReportParagraph { Kind: ReportParagraphKind.Plain or ReportParagraphKind.Warning or ReportParagraphKind.Provisional }) => false,
        (ReportParagraph { Kind: ReportParagraphKind.Plain or ReportParagraphKind.Warning }, ReportParagraph { Kind: ReportParagraphKind.Plain or ReportParagraphKind.Warning or ReportParagraphKind.Provisional }) => false,
        _ => true,
    };

    /// <summary>A Spectre table of a report table.</summary>
    public static Table Table(ReportTable t)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (t.Title is { Length: > 0 } title) table.Title(Markup.Escape(title));
        foreach (var c in t.Columns)
        {
            var column = new TableColumn(new Text(c.Header));
            if (c.Alignment == ColumnAlignment.Right) column.RightAligned();
            else column.NoWrap();
            table.AddColumn(column);
        }
        foreach (var row in t.Rows) table.AddRow([.. row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell))]);
        return table;
    }
}

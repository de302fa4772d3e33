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
                case ReportTable t when WrappedColumn(t, console.Profile.Width) is { } wrapped:
                    console.Write(Table(t, wrapped));
                    break;
                case ReportTable t:
                    WriteCards(console, t);
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

    /// <summary>
    /// Whether <paramref name="t"/> fits in <paramref name="width"/> columns with every cell on its lines: -1 when it fits
    /// as it is, the index of the one text column that wraps at spaces (into at least 20 characters) when that makes it
    /// fit, or null when it does not fit (then it is shown as cards).
    /// </summary>
    internal static int? WrappedColumn(ReportTable t, int width)
    {
        int n = t.Columns.Length;
        var need = new int[n];
        for (int c = 0; c < n; c++)
            need[c] = Math.Max(Longest(t.Columns[c].Header.Split(' ', '\n')), Longest(t.Rows.SelectMany(r => r[c].Split('\n'))));
        int borders = 3 * n + 1;
        if (need.Sum() + borders <= width) return -1;
        int wide = Enumerable.Range(0, n).Where(c => t.Columns[c].Alignment == ColumnAlignment.Left).DefaultIfEmpty(-1).MaxBy(c => c < 0 ? 0 : need[c]);
        if (wide < 0) return null;
        int room = width - (need.Sum() - need[wide] + borders);
        return room >= Math.Max(20, Longest(t.Rows.SelectMany(r => r[wide].Split(' ', '\n')))) ? wide : null;
    }

    private static int Longest(IEnumerable<string> texts) => texts.Select(x => x.Length).DefaultIfEmpty(0).Max();

    /// <summary>A Spectre table of a report table; only column <paramref name="wrapped"/> (when not -1) wraps its text.</summary>
    public static Table Table(ReportTable t, int wrapped = -1)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (t.Title is { Length: > 0 } title) table.Title(Markup.Escape(title));
        for (int c = 0; c < t.Columns.Length; c++)
        {
            var column = new TableColumn(new Text(t.Columns[c].Header));
            if (t.Columns[c].Alignment == ColumnAlignment.Right) column.RightAligned();
            if (c != wrapped) column.NoWrap();
            table.AddColumn(column);
        }
        foreach (var row in t.Rows) table.AddRow([.. row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell))]);
        return table;
    }

    /// <summary>
    /// A table too wide for the console, one card per row: the first cell in bold (with the second when it is text, such
    /// as a key), then "header value" pairs, as many to a line as fit, indented.
    /// </summary>
    private static void WriteCards(IAnsiConsole console, ReportTable t)
    {
        if (t.Title is { Length: > 0 } title) console.MarkupLine("[bold]" + Markup.Escape(title) + "[/]");
        int width = Math.Max(40, console.Profile.Width), first = t.Columns.Length > 3 && t.Columns[1].Alignment == ColumnAlignment.Left ? 2 : 1;
        foreach (var row in t.Rows)
        {
            console.MarkupLine("[bold]" + Markup.Escape(string.Join("  ", row.Take(first).Select(Flat).Where(x => x.Length > 0))) + "[/]");
            var lines = new List<string> { "" };
            for (int c = first; c < row.Length; c++)
            {
                if (Flat(row[c]).Length == 0) continue;
                string pair = $"{Flat(t.Columns[c].Header)}: {Flat(row[c])}";
                if (lines[^1].Length > 0 && lines[^1].Length + 3 + pair.Length > width - 2) lines.Add("");
                lines[^1] += (lines[^1].Length > 0 ? " · " : "") + pair;
            }
            // Indented by two; a pair longer than the line wraps at spaces.
            foreach (var line in lines.Where(l => l.Length > 0)) console.Write(new Padder(new Text(line), new Padding(2, 0, 0, 0)));
        }
    }

    private static string Flat(string cell) => string.Join(' ', cell.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}

using System.Text;

namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// A finished report of one run, as data: a title and blocks of text, labelled facts and tables, in reading order. The
/// library writes every word of it (readings, the sign convention, the PROVISIONAL list), so the command line, the HTML
/// report, the web page and a .NET user's own code all say the same thing. Build one with <see cref="ReportBuilder"/>;
/// render it with <see cref="ToMarkdown"/> or walk <see cref="Blocks"/>.
/// </summary>
/// <param name="Title">The report's title, e.g. <c>ketamine-pkpd hypothesis: does shared exposure alone explain ...?</c>.</param>
/// <param name="Blocks">The blocks, in reading order.</param>
public sealed record Report(string Title, EquatableArray<ReportBlock> Blocks)
{
    /// <summary>The report's title.</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Title { get; } = Guard.NotBlank(Title, nameof(Title));

    /// <summary>The blocks, in reading order.</summary>
    /// <exception cref="ArgumentException">A default array or a null block.</exception>
    public EquatableArray<ReportBlock> Blocks { get; } = CheckBlocks(Blocks);

    /// <summary>The paragraphs of kind <see cref="ReportParagraphKind.Reading"/>: the plain-language readings.</summary>
    public IEnumerable<ReportParagraph> Readings => Blocks.OfType<ReportParagraph>().Where(p => p.Kind == ReportParagraphKind.Reading);

    /// <summary>The tables, in order.</summary>
    public IEnumerable<ReportTable> Tables => Blocks.OfType<ReportTable>();

    /// <summary>
    /// The report as GitHub-flavoured Markdown: the title as a level-1 heading, headings as level 2, facts as a bullet
    /// list, tables as pipe tables (line breaks in cells as <c>&lt;br&gt;</c>), the PROVISIONAL statement and warnings in bold.
    /// </summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("# ").Append(Escape(Title)).Append("\n\n");
        foreach (var block in Blocks)
        {
            switch (block)
            {
                case ReportHeading h:
                    md.Append("## ").Append(Escape(h.Text)).Append("\n\n");
                    break;
                case ReportFacts f:
                    foreach (var fact in f.Facts)
                        md.Append("- **").Append(Escape(fact.Label)).Append("**: ").Append(Escape(fact.Value).Replace("\n", "; ", StringComparison.Ordinal)).Append('\n');
                    md.Append('\n');
                    break;
                case ReportParagraph p:
                    string lead = p.Lead is { Length: > 0 } l ? $"**{Escape(l)}** " : "";
                    string text = p.Kind is ReportParagraphKind.Provisional or ReportParagraphKind.Warning ? $"**{Escape(p.Text)}**" : Escape(p.Text);
                    md.Append(lead).Append(text).Append("\n\n");
                    break;
                case ReportTable t:
                    if (t.Title is { Length: > 0 } title) md.Append("**").Append(Escape(title)).Append("**\n\n");
                    md.Append('|').AppendJoin("", t.Columns.Select(c => $" {Cell(c.Header)} |")).Append('\n');
                    md.Append('|').AppendJoin("", t.Columns.Select(c => c.Alignment == ColumnAlignment.Right ? "---:|" : "---|")).Append('\n');
                    foreach (var row in t.Rows) md.Append('|').AppendJoin("", row.Select(c => $" {Cell(c)} |")).Append('\n');
                    md.Append('\n');
                    break;
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static ImmutableArray<ReportBlock> CheckBlocks(ImmutableArray<ReportBlock> blocks)
    {
        Guard.Values(blocks, nameof(Blocks));
        foreach (var b in blocks)
            if (b is null) throw new ArgumentException("Blocks must not hold null blocks.", nameof(Blocks));
        return blocks;
    }

    private static string Escape(string text) => text.Replace("*", "\\*", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private static string Cell(string text) => Escape(text).Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}

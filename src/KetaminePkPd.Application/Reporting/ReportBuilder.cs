namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// Builds a <see cref="Report"/> block by block: <c>new ReportBuilder(title).Fact(...).Table(...).Reading(...).Build()</c>.
/// Not thread-safe; the report it builds is immutable.
/// </summary>
public sealed class ReportBuilder
{
    private readonly string _title;
    private readonly ImmutableArray<ReportBlock>.Builder _blocks = ImmutableArray.CreateBuilder<ReportBlock>();
    private ImmutableArray<ReportFact>.Builder? _facts;

    /// <summary>Starts a report.</summary>
    /// <param name="title">The report's title.</param>
    /// <exception cref="ArgumentException"><paramref name="title"/> is null or blank.</exception>
    public ReportBuilder(string title) => _title = Guard.NotBlank(title, nameof(title));

    /// <summary>Adds a labelled line; consecutive facts form one <see cref="ReportFacts"/> block.</summary>
    /// <param name="label">The label.</param>
    /// <param name="value">The value (may hold <c>\n</c>).</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Fact(string label, string value)
    {
        (_facts ??= ImmutableArray.CreateBuilder<ReportFact>()).Add(new ReportFact(label, value));
        return this;
    }

    /// <summary>Adds a section heading.</summary>
    /// <param name="text">The heading.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Heading(string text) => Add(new ReportHeading(text));

    /// <summary>Adds a plain paragraph.</summary>
    /// <param name="text">The text.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Text(string text) => Add(new ReportParagraph(text));

    /// <summary>Adds a reading: what a result means, with an optional lead naming what it reads.</summary>
    /// <param name="text">The reading.</param>
    /// <param name="lead">Null, or the lead (e.g. <c>mediation (share 0.5), 7 d:</c>).</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Reading(string text, string? lead = null) => Add(new ReportParagraph(text, ReportParagraphKind.Reading, lead));

    /// <summary>Adds the PROVISIONAL statement.</summary>
    /// <param name="text">The statement.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Provisional(string text) => Add(new ReportParagraph(text, ReportParagraphKind.Provisional));

    /// <summary>Adds a warning about this run.</summary>
    /// <param name="text">The warning.</param>
    /// <returns>This builder.</returns>
    public ReportBuilder Warning(string text) => Add(new ReportParagraph(text, ReportParagraphKind.Warning));

    /// <summary>Adds a table.</summary>
    /// <param name="title">Null, or the title.</param>
    /// <param name="columns">The columns.</param>
    /// <param name="rows">The rows, one cell per column.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">See <see cref="ReportTable(string?, ImmutableArray{ReportColumn}, ImmutableArray{ImmutableArray{string}})"/>.</exception>
    public ReportBuilder Table(string? title, IEnumerable<ReportColumn> columns, IEnumerable<IEnumerable<string>> rows) =>
        Add(new ReportTable(title, [.. columns], [.. rows.Select(r => r.ToImmutableArray())]));

    /// <summary>Adds a block.</summary>
    /// <param name="block">The block.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="block"/> is null.</exception>
    public ReportBuilder Add(ReportBlock block)
    {
        ArgumentNullException.ThrowIfNull(block);
        FlushFacts();
        _blocks.Add(block);
        return this;
    }

    /// <summary>The report built so far.</summary>
    public Report Build()
    {
        FlushFacts();
        return new Report(_title, _blocks.ToImmutable());
    }

    private void FlushFacts()
    {
        if (_facts is not { Count: > 0 }) return;
        _blocks.Add(new ReportFacts(_facts.ToImmutable()));
        _facts = null;
    }
}

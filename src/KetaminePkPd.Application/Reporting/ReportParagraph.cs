
namespace KetaminePkPd.Application.Reporting;

/// <summary>A paragraph of a <see cref="Report"/>, with an optional bold lead (<c>mediation (share 0.5), 7 d: </c>).</summary>
/// <param name="Text">The text, plain (no markup).</param>
/// <param name="Kind">What the paragraph is.</param>
/// <param name="Lead">Null, or a short lead shown before the text (a front end may make it bold).</param>
public sealed record ReportParagraph(string Text, ReportParagraphKind Kind = ReportParagraphKind.Plain, string? Lead = null) : ReportBlock
{
    /// <summary>The text, plain (no markup).</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Text { get; } = Guard.NotBlank(Text, nameof(Text));

    /// <summary>What the paragraph is.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Not a defined <see cref="ReportParagraphKind"/>.</exception>
    public ReportParagraphKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
}


namespace KetaminePkPd.Application.Reporting;

/// <summary>
/// One block of a <see cref="Report"/>: a <see cref="ReportHeading"/>, <see cref="ReportFacts"/>, a
/// <see cref="ReportParagraph"/> or a <see cref="ReportTable"/>. Blocks hold finished text, so every front end (the
/// console, Markdown, the HTML report, the web page) says the same words; how a block looks is the front end's choice.
/// </summary>
public abstract record ReportBlock;

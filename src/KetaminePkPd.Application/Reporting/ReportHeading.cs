
namespace KetaminePkPd.Application.Reporting;

/// <summary>A section heading of a <see cref="Report"/>.</summary>
/// <param name="Text">The heading, plain text (no markup).</param>
public sealed record ReportHeading(string Text) : ReportBlock
{
    /// <summary>The heading, plain text (no markup).</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Text { get; } = Guard.NotBlank(Text, nameof(Text));
}

using KetaminePkPd.Application;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Evidence;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Statistics;
using KetaminePkPd.Strengths;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Application.Reporting;

/// <summary>A section heading of a <see cref="Report"/>.</summary>
/// <param name="Text">The heading, plain text (no markup).</param>
public sealed record ReportHeading(string Text) : ReportBlock
{
    /// <summary>The heading, plain text (no markup).</summary>
    /// <exception cref="ArgumentException">Null or blank.</exception>
    public string Text { get; } = Guard.NotBlank(Text, nameof(Text));
}

using KetaminePkPd.Reporting;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using Spectre.Console;
using Spectre.Console.Rendering;

// Bridges for the commands of other helpers that still use what trial and hypothesis kept in the CLI before it moved to
// the library (KetaminePkPd.Reporting.TrialReport, HypothesisReport, KetaminePkPd.Trials.HypothesisStrengths). Each
// forwards to the library; delete this file once no command uses it.

namespace KetaminePkPd.Cli.Output
{
    /// <summary>Table cells as plain text (never parsed as markup).</summary>
    internal static class TrialReport
    {
        public static IRenderable[] Cells(params string[] texts) => [.. texts.Select(t => (IRenderable)new Text(t))];
    }

    /// <summary>Words of a compatibility, now in the library.</summary>
    internal static class HypothesisReport
    {
        public static string TwoSidedP(Compatibility c) => Formatting.TwoSidedP(c);

        public static string VerdictText(CompatibilityVerdict v) => TrialWording.Verdict(v);

        public static string VerdictToken(CompatibilityVerdict v) => TrialWording.Verdict(v).Replace(' ', '-');
    }

    /// <summary>A hypothesis with its strengths (the library's trial documents have their own).</summary>
    internal sealed record HypothesisJson(string Name, double SensitivityCorrelation, double MediationShare, double ExpectancyThresholdCadss,
        double ExpectancyBoostMadrs, bool IsExposureOnly, string Description)
    {
        public static HypothesisJson Of(Hypothesis h) => new(h.Name, h.SensitivityCorrelation, h.MediationShare, h.ExpectancyThresholdCadss,
            h.ExpectancyBoostMadrs, h.IsExposureOnly, TrialWording.Hypothesis(h));
    }

    /// <summary>An observed correlation.</summary>
    internal sealed record ObservedJson(string Time, double TimeH, double R, int N, string Source);

    /// <summary>A central interval.</summary>
    internal sealed record IntervalJson(double Lower, double Upper);
}

namespace KetaminePkPd.Cli.Commands
{
    /// <summary>Text parsing of the strength options, for the commands not yet on typed options.</summary>
    internal static class HypothesisStrengths
    {
        public static string Tokens => string.Join('|', Hypothesis.Names);

        public static KetaminePkPd.Trials.HypothesisStrengths Parse(string? rho, string? share, string? threshold, string? boost) => new(
            rho is null ? null : Parsing.ParseNumber(rho, "--rho", -1, 1),
            share is null ? null : Parsing.ParseNumber(share, "--share", 0, 1),
            threshold is null ? null : Parsing.ParseNumber(threshold, "--threshold", 0, Hypothesis.MaxThresholdCadss, "CADSS points"),
            boost is null ? null : Parsing.ParseNumber(boost, "--boost", 0, Hypothesis.MaxBoostMadrs, "MADRS points"));

        public static Hypothesis Build(this KetaminePkPd.Trials.HypothesisStrengths strengths, string name) => strengths.Apply(Hypothesis.Parse(name, "--hypothesis"));
    }

    /// <summary>Shell quoting for the command lines the commands print (the library's trial and hypothesis requests quote their own).</summary>
    internal static class TrialInputs
    {
        public static string Quote(string text) =>
            text.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '-' or '_' or ':' or '\\') ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}

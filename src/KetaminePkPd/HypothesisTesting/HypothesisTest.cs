using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// The project's main question: does shared exposure alone produce the correlation between dissociation and
/// antidepressant response that trials report, or does it take a shared mechanism, mediation or expectancy?
/// For each hypothesis, replicate trials of the observed size give the sampling distribution of r; the observed r is
/// placed in it.
/// </summary>
/// <remarks>
/// <para>Method. For each hypothesis a pool of patients (<see cref="HypothesisTestSettings.PoolSize"/>, allocated to arms
/// as the design allocates them) is simulated once, or rather only the patients of it that some replicate enrols: the
/// enrolments are drawn first, so work and memory grow with replicates x n rather than with the pool. Each replicate trial enrols n patients from the pool without
/// replacement and rates them with fresh rating noise (CADSS and depression scores), then computes r of CADSS and
/// % change at the observation's time and the partial r given the plasma concentration at the CADSS time. With a pool
/// much larger than n, replicates are nearly independent draws from the population; the pool only saves simulating the
/// same pharmacology again.</para>
/// <para>Verdict. The observed r is placed in each distribution both ways (<see cref="HypothesisComparison.Compatibility"/>):
/// its percentile, the two-sided compatibility p (twice the smaller tail, with its Monte Carlo standard error) and the
/// verdict at the 5% level (<see cref="HypothesisComparison.Verdict"/>), which says whether an incompatible observation
/// is stronger or weaker than the hypothesis produces. An observation too weak for a hypothesis counts against it as
/// much as one too strong. The one-sided share of replicates at least as strong as observed stays available as
/// <see cref="HypothesisComparison.ProbabilityAtLeastAsStrong"/>.</para>
/// <para>Stepping. <see cref="Start"/> does the same work in bounded steps (for a page that must stay
/// responsive); <see cref="Run"/> steps one to the end.</para>
/// <para>Reproducibility. Patients use the streams of <see cref="VirtualTrial"/> (the same seed gives the same patients
/// under every hypothesis, apart from what the hypothesis changes). Replicate r enrols with stream (seed, r, -1 - j) for
/// observation j and rates patient i with stream (seed, i, 3 + r x J + j). Results are identical serial or parallel.</para>
/// </remarks>
internal static class HypothesisTest
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express, or a statistic undefined in every replicate trial.</exception>
    public static HypothesisTestResult Run(HypothesisTestSettings? settings = null, IProgress<double>? progress = null) => RunWithCourses(settings, progress, null);

    /// <summary>Runs the comparison with patients' courses simulated elsewhere (<see cref="HypothesisTestWork"/>'s <c>known</c>): the same result.</summary>
    internal static HypothesisTestResult RunWithCourses(HypothesisTestSettings? settings, IProgress<double>? progress, Func<TrialDesign, Func<int, SimulatedSubject?>?>? known)
    {
        var run = new HypothesisTestWork(settings, known).AsRun();
        while (!run.Step(StepSize)) progress?.Report(run.Progress);
        progress?.Report(1);
        return run.Result;
    }

    /// <summary>
    /// Prepares the comparison as a run of bounded steps, for a caller that must stay responsive between steps (a page in a
    /// browser, which has one thread) or that wants to stop early; no patient is simulated until the first step. A unit of
    /// work is one patient simulation or one replicate trial: for each hypothesis in turn, the pool patients that some
    /// replicate enrols, then each observation's replicate trials; a step never crosses from one of these phases into the next. The
    /// first hypothesis's pool phase simulates each patient under every hypothesis (their courses share work), so its units cost more
    /// and the later hypotheses' pool phases take one step each.
    /// Stepped to the end, it gives the result of <see cref="Run"/>, bit for bit, whatever the step sizes; the result's
    /// <see cref="HypothesisTestResult.Elapsed"/> is the run's <see cref="SimulationRun{TResult}.Elapsed"/>.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="HypothesisTestSettings.Default"/>.</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static SimulationRun<HypothesisTestResult> Start(HypothesisTestSettings? settings = null) => new HypothesisTestWork(settings).AsRun();

    /// <summary>Units of work (patient simulations or replicate trials) per step of <see cref="Run"/>: large enough to keep every core busy.</summary>
    private const int StepSize = 4096;

    /// <summary>A plain-language paragraph: where the observed r falls under the hypothesis (both ways), and what controlling for exposure does.</summary>
    internal static string Read(Hypothesis h, ObservedCorrelation o, SamplingDistribution r, SamplingDistribution partial, double p)
    {
        var (lo, hi) = r.PercentileInterval(0.95);
        string when = Durations.Prose(o.Time);
        static double Tidy(double x) => Math.Abs(x) < 0.005 ? 0 : x;   // no "-0.00"
        var c = r.CompatibilityWith(o.R);
        double med = Tidy(r.Median), pm = Tidy(partial.Median);
        var (lo95, hi95) = (Tidy(lo), Tidy(hi));
        string exposure = Math.Abs(med) < 0.05
            ? "There is hardly any association to explain here."
            : Math.Abs(pm) < 0.5 * Math.Abs(med)
                ? string.Create(CultureInfo.InvariantCulture, $"Holding the measured concentration at the CADSS time fixed shrinks the median r to {pm:0.00}: most of the simulated link runs through exposure.")
                : string.Create(CultureInfo.InvariantCulture, $"Holding the measured concentration at the CADSS time fixed leaves a median r of {pm:0.00}: the link does not run through exposure alone.");
        return string.Create(CultureInfo.InvariantCulture,
            $"Under {h}, trials of {o.N} patients correlate CADSS with % change at {when} between {lo95:0.00} and {hi95:0.00} (95% of {r.Count} replicates; median {med:0.00}; negative means more dissociation, more improvement). " +
            $"The observed {o.R:0.00} sits at percentile {Percentile(c.PercentileRank)} of them, {Verdict(c)} (two-sided compatibility p {PText(c)}). " +
            $"One-sided, an r at least as strong as observed came up in {p:0.0%} of them. {exposure}");
    }

    /// <summary>The verdict clause of a reading.</summary>
    internal static string Verdict(Compatibility c) => HypothesisComparison.Classify(c) switch
    {
        CompatibilityVerdict.Compatible when c.TwoSidedP >= 0.10 => "inside the central 95%: the observed correlation is compatible with this hypothesis",
        CompatibilityVerdict.Compatible => "near the edge of the central 95%: the observed correlation is compatible with this hypothesis, if only just",
        CompatibilityVerdict.Stronger => "outside the central 95%: the observed correlation is stronger than this hypothesis produces",
        CompatibilityVerdict.Weaker => "outside the central 95%: the observed correlation is weaker than this hypothesis produces",
        _ => "outside the central 95%: the observed correlation has the opposite sign to what this hypothesis produces",
    };

    /// <summary>A two-sided p with its Monte Carlo standard error: <c>= 0.008 ± 0.002</c>, or <c>&lt; 0.001</c> when no replicate came that far.</summary>
    internal static string PText(Compatibility c) => c.TwoSidedP == 0
        ? string.Create(CultureInfo.InvariantCulture, $"< {c.UpperBound:0.####}: no replicate came that far")
        : string.Create(CultureInfo.InvariantCulture, $"= {c.TwoSidedP:0.000} \u00b1 {c.StandardError:0.000}");

    /// <summary>A percentile rank with one decimal, or up to two below 1 and above 99 (<c>0.35</c>, <c>47.1</c>).</summary>
    internal static string Percentile(double rank) =>
        rank.ToString(rank is < 1 or > 99 ? "0.0#" : "0.0", CultureInfo.InvariantCulture);
}

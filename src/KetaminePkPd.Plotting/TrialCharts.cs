using System.Globalization;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;
using ScottPlot;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The figures of a virtual trial and of a hypothesis test: a scatter of each patient's CADSS against their improvement,
/// and histograms of the replicate r under each hypothesis with the observed r marked. Each reads a result and draws.
/// </summary>
public static class TrialCharts
{
    /// <summary>The fewest patients for a scatter with a fitted line: 4.</summary>
    public const int MinScatterPatients = 4;

    /// <summary>
    /// The assessment a scatter of <paramref name="design"/> shows: <paramref name="at"/>, or the first assessment when
    /// null; checked before anything is simulated.
    /// </summary>
    /// <param name="design">The design that will run.</param>
    /// <param name="at">The assessment asked for, or null.</param>
    /// <param name="name">The option that asks for the figure, for messages.</param>
    /// <param name="atName">The option that gives <paramref name="at"/>, for messages.</param>
    /// <exception cref="ArgumentException">Fewer than <see cref="MinScatterPatients"/> patients, or a time that is not an assessment of the design.</exception>
    public static TimeSpan ScatterTime(TrialDesign design, TimeSpan? at, string name = "--plot", string atName = "--plot-at")
    {
        ArgumentNullException.ThrowIfNull(design);
        if (design.TotalSubjects < MinScatterPatients)
            throw new ArgumentException($"{name} needs at least {MinScatterPatients} patients for a scatter with a fitted line, got {design.TotalSubjects}.");
        var time = at ?? design.Assessments[0];
        if (!design.Assessments.Contains(time))
            throw new ArgumentException($"{atName} '{Durations.Format(time)}': not an assessment of '{design.Name}'; use {string.Join(", ", design.Assessments.Select(Durations.Format))}.");
        return time;
    }

    /// <summary>
    /// Each patient's CADSS (at the design's CADSS time) against their improvement (% of baseline, positive = better) at
    /// <paramref name="at"/>, with the least-squares line and its r.
    /// </summary>
    /// <param name="result">The trial.</param>
    /// <param name="at">One of the design's assessments.</param>
    /// <param name="name">The option that asked for the figure, for messages.</param>
    /// <exception cref="ArgumentException">Not an assessment, or CADSS or the improvement is the same for every patient (no line to fit).</exception>
    public static Plot Scatter(TrialResult result, TimeSpan at, string name = "--plot")
    {
        ArgumentNullException.ThrowIfNull(result);
        var design = result.Design;
        int k = design.Assessments.IndexOf(at);
        if (k < 0) throw new ArgumentException($"{Durations.Format(at)} is not an assessment of '{design.Name}'.", nameof(at));
        var cadss = result.RatedCadss;
        var change = result.PercentChanges[k];
        double firstCadss = cadss[0], firstChange = change[0];
        if (cadss.All(c => c == firstCadss))
            throw new ArgumentException($"{name}: every patient's CADSS is {Plain(firstCadss)}, so there is no scatter to fit a line to (no dissociation in this design?); leave out {name}.");
        if (change.All(c => c == firstChange))
            throw new ArgumentException($"{name}: every patient's % change at {Formatting.Span(at)} is {Plain(firstChange)}, so there is no scatter to fit a line to; leave out {name}.");
        return Charts.Scatter([.. cadss], [.. change.Select(c => -c)],
            $"Improvement of {TrialWording.ScaleLabel(design.Scale)} at {Formatting.Span(at)} (% of baseline)",
            $"{result.Hypothesis.Name}: CADSS at {Formatting.Span(design.CadssTime)} vs improvement at {Formatting.Span(at)}, {result.Overall.Subjects} patients");
    }

    /// <summary>Histograms of the replicate r under each hypothesis for one observation, the observed r marked, each labelled with its two-sided p and verdict.</summary>
    /// <param name="result">The hypothesis test.</param>
    /// <param name="observed">One of its observations.</param>
    /// <exception cref="ArgumentException">Not an observation of the test.</exception>
    public static Plot Histograms(HypothesisTestResult result, ObservedCorrelation observed)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(observed);
        var design = result.Settings.Design;
        var rows = result.Comparisons.Where(c => c.Observed == observed).ToList();
        if (rows.Count == 0) throw new ArgumentException("Not an observation of this test.", nameof(observed));
        return Charts.Histograms(rows.Select(c => ($"{TrialWording.NameWithStrengths(c.Hypothesis)}: p {Formatting.TwoSidedP(c.Compatibility)}, {TrialWording.Verdict(c.Verdict)}",
                (IReadOnlyList<double>)c.R.Values)), observed.R,
            $"r of CADSS ({Formatting.Span(design.CadssTime)}) with % change of {TrialWording.ScaleLabel(design.Scale)} at {Formatting.Span(observed.Time)}",
            $"{result.Settings.Replicates.ToString("N0", CultureInfo.InvariantCulture)} simulated trials of {observed.N.ToString(CultureInfo.InvariantCulture)} patients per hypothesis, {Formatting.Span(observed.Time)}");
    }

    private static string Plain(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

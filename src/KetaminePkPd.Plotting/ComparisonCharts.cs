using KetaminePkPd.Populations;
using System.Globalization;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;
using ScottPlot;

namespace KetaminePkPd.Plotting;

/// <summary>
/// The figures of a route comparison (<see cref="ComparisonResult.Run"/>) and of the population of a dose sweep
/// (<see cref="DoseResponseResult.Run"/>), drawn with <see cref="Charts"/>. Each reads a result and draws; none simulates.
/// </summary>
public static class ComparisonCharts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Every arm's parent concentration over the first <see cref="ComparisonReport.ConcentrationPlotHours"/> h (median and
    /// 5-95% band with a population, the typical patient otherwise), with the threshold marked.
    /// </summary>
    /// <param name="result">The comparison.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static Plot Concentrations(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        const string yLabel = "Parent drug in plasma (ng/mL)";
        var o = result.Options;
        var plot = o.PopulationSize > 0
            ? Charts.Bands(result.Arms.Select(a => (a.Arm.Name, a.Population!.Concentration)), yLabel,
                $"Plasma concentration: median and 5-95% of {o.PopulationSize.ToString(Inv)} virtual patients", ComparisonReport.ConcentrationPlotHours)
            : Charts.Lines(result.Arms.Select(a => (a.Arm.Name, (IReadOnlyList<double>)a.Course.TimesH, (IReadOnlyList<double>)a.Course.Pk.ParentNgPerMl)), yLabel,
                $"Plasma concentration, typical {Formatting.Plain(o.Subject.WeightKg, 1)} kg patient", ComparisonReport.ConcentrationPlotHours);
        Charts.MarkLevel(plot, o.Threshold.NanogramsPerMilliliter, $"{Formatting.Plain(o.Threshold.NanogramsPerMilliliter, 3)} ng/mL");
        return plot;
    }

    /// <summary>
    /// Two panels, one above the other: dissociation over the first <see cref="ComparisonReport.CadssPlotHours"/> h (CADSS 4
    /// marked) and the antidepressant drug effect (MADRS change, negative = improvement) over 7 days; bands with a population.
    /// </summary>
    /// <param name="result">The comparison.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    public static IReadOnlyList<Plot> Effects(ComparisonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var o = result.Options;
        bool bands = o.PopulationSize > 0;
        string who = bands ? $"median, 5-95% of {o.PopulationSize.ToString(Inv)} patients" : "typical patient";
        Plot Panel(string effect, string yLabel, string title, double hours, bool inDays, Func<PopulationBands, TimeCourseBand> band) => bands
            ? Charts.Bands(result.Arms.Select(a => (a.Arm.Name, band(a.Population!))), yLabel, title, hours, inDays: inDays)
            : Charts.Lines(result.Arms.Select(a => (a.Arm.Name, (IReadOnlyList<double>)a.Course.TimesH, (IReadOnlyList<double>)a.Course[effect].Values)),
                yLabel, title, hours, inDays: inDays);
        var cadss = Panel(EffectParameterSet.DissociationName, "Dissociation (CADSS points)", $"Dissociation ({who})", ComparisonReport.CadssPlotHours, false, b => b.Cadss);
        Charts.MarkLevel(cadss, 4, "CADSS 4");
        var ad = Panel(EffectParameterSet.AntidepressantName, "MADRS change (points, < 0 = better)",
            $"Antidepressant drug effect ({who})", 24 * 7, true, b => b.Antidepressant);
        // One legend (in the dissociation panel, whose right side is empty once dissociation has resolved) serves both.
        ad.HideLegend();
        return [cadss, ad];
    }

    /// <summary>
    /// The population of a dose sweep: each virtual patient's CADSS against their improvement at day 1 (% of baseline),
    /// with the least-squares line and r.
    /// </summary>
    /// <param name="result">The sweep.</param>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The sweep has no population, or its design no day-1 assessment.</exception>
    public static Plot DoseAlone(DoseResponseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pop = result.Population ?? throw new InvalidOperationException("The sweep has no population.");
        int k = pop.Design.Assessments.IndexOf(TimeSpan.FromDays(1));
        if (k < 0) throw new InvalidOperationException("The sweep's population has no day-1 assessment.");
        var s = result.Settings;
        return Charts.Scatter([.. pop.Subjects.Select(x => x.CadssRated)], [.. pop.Subjects.Select(x => -x.PercentChanges[k])],
            $"Improvement of {TrialWording.ScaleLabel(pop.Design.Scale)} at day 1 (% of baseline)",
            $"Dose alone: {pop.Subjects.Length.ToString(Inv)} patients given {DoseResponseReport.DoseText(s.From)} to {DoseResponseReport.DoseText(s.To)}");
    }
}

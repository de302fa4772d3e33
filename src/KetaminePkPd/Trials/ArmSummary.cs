using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// Summary of one arm (or of the whole trial): dissociation and depression outcomes as a trial report would give them.
/// Rates are fractions in [0, 1]; the arrays follow the design's assessment times. Immutable.
/// </summary>
/// <param name="Arm">Arm name, or "all" for the whole trial.</param>
/// <param name="Subjects">Patients.</param>
/// <param name="MeanCadss">Mean rated CADSS at the CADSS time.</param>
/// <param name="SdCadss">SD of the rated CADSS.</param>
/// <param name="ShareCadssAbove4">Share with rated CADSS above 4 (the cut-off of Chen 2022).</param>
/// <param name="MeanPeakCadss">Mean rated peak CADSS.</param>
/// <param name="SharePeakAbove20">Share with rated peak CADSS above 20 ("significant" dissociation; the letter's "about 1 in 5").</param>
/// <param name="MeanPercentChange">Mean % change of the depression score at each assessment (negative = improvement).</param>
/// <param name="ResponseRate">Share with at least 50% improvement at each assessment.</param>
/// <param name="RemissionRate">Share at or below the remission cut-off at each assessment.</param>
public sealed record ArmSummary(string Arm, int Subjects, double MeanCadss, double SdCadss, double ShareCadssAbove4, double MeanPeakCadss,
    double SharePeakAbove20, EquatableArray<double> MeanPercentChange, EquatableArray<double> ResponseRate, EquatableArray<double> RemissionRate)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Arm, nameof(Arm)) is not null && Guard.NonNegative(Subjects, nameof(Subjects)) >= 0
        && Guard.Finite(MeanCadss, nameof(MeanCadss)) == MeanCadss && Guard.NonNegative(SdCadss, nameof(SdCadss)) >= 0
        && Guard.InRange(ShareCadssAbove4, 0, 1, nameof(ShareCadssAbove4)) >= 0 && Guard.Finite(MeanPeakCadss, nameof(MeanPeakCadss)) == MeanPeakCadss
        && Guard.InRange(SharePeakAbove20, 0, 1, nameof(SharePeakAbove20)) >= 0 && Guard.FiniteValues(MeanPercentChange, nameof(MeanPercentChange)).Length >= 0
        && Guard.FiniteValues(ResponseRate, nameof(ResponseRate), MeanPercentChange.Length).Length >= 0
        && Guard.FiniteValues(RemissionRate, nameof(RemissionRate), MeanPercentChange.Length).Length >= 0;

    /// <summary>The summary of the patients <paramref name="members"/> (ascending indices; null for every patient) of <paramref name="columns"/>.</summary>
    internal static ArmSummary Of(string arm, TrialColumns columns, int[]? members, int assessments)
    {
        int n = members?.Length ?? columns.Count;
        if (n == 0) throw new ArgumentException($"Arm '{arm}' has no subjects.", nameof(members));
        IEnumerable<int> who = members ?? Enumerable.Range(0, columns.Count);
        var cadss = who.Select(i => columns.Cadss[i]).ToArray();
        double mean = cadss.Average();
        double sd = n > 1 ? Math.Sqrt(cadss.Sum(c => (c - mean) * (c - mean)) / (n - 1)) : 0;
        var peak = columns.CadssPeak;
        return new ArmSummary(arm, n, mean, sd, cadss.Count(c => c > 4) / (double)n, who.Average(i => peak[i]),
            who.Count(i => peak[i] > 20) / (double)n,
            [.. Enumerable.Range(0, assessments).Select(k => who.Average(i => columns.PercentChange[k][i]))],
            [.. Enumerable.Range(0, assessments).Select(k => who.Count(i => columns.Responder[k][i]) / (double)n)],
            [.. Enumerable.Range(0, assessments).Select(k => who.Count(i => columns.Remitter[k][i]) / (double)n)]);
    }
}

using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// Summary of one arm (or of the whole trial): dissociation and depression outcomes as a trial report would give them.
/// Rates are fractions in [0, 1]; the arrays follow the design's assessment times. Immutable.
/// </summary>
public sealed record ArmSummary
{
    /// <summary>Creates a summary; every value is checked as its property is set (so a <c>with</c> expression is checked too).</summary>
    /// <param name="arm">Arm name, or "all" for the whole trial.</param>
    /// <param name="subjects">Patients, &gt;= 0.</param>
    /// <param name="meanCadss">Mean rated CADSS at the CADSS time (finite).</param>
    /// <param name="sdCadss">SD of the rated CADSS, &gt;= 0.</param>
    /// <param name="shareCadssAbove4">Share with rated CADSS above 4, in [0, 1].</param>
    /// <param name="meanPeakCadss">Mean rated peak CADSS (finite).</param>
    /// <param name="sharePeakAbove20">Share with rated peak CADSS above 20, in [0, 1].</param>
    /// <param name="meanPercentChange">Mean % change of the depression score at each assessment (finite).</param>
    /// <param name="responseRate">Share of responders at each assessment (finite, one per assessment).</param>
    /// <param name="remissionRate">Share of remitters at each assessment (finite, one per assessment).</param>
    /// <exception cref="ArgumentNullException"><paramref name="arm"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number out of its range.</exception>
    /// <exception cref="ArgumentException">A non-finite rate or change, or arrays of different lengths.</exception>
    public ArmSummary(string arm, int subjects, double meanCadss, double sdCadss, double shareCadssAbove4, double meanPeakCadss,
        double sharePeakAbove20, EquatableArray<double> meanPercentChange, EquatableArray<double> responseRate, EquatableArray<double> remissionRate)
    {
        Arm = arm;
        Subjects = subjects;
        MeanCadss = meanCadss;
        SdCadss = sdCadss;
        ShareCadssAbove4 = shareCadssAbove4;
        MeanPeakCadss = meanPeakCadss;
        SharePeakAbove20 = sharePeakAbove20;
        MeanPercentChange = meanPercentChange;
        ResponseRate = responseRate;
        RemissionRate = remissionRate;
    }

    /// <summary>Arm name, or "all" for the whole trial.</summary>
    public string Arm { get; init => field = Guard.NotNull(value, nameof(Arm)); }

    /// <summary>Patients, &gt;= 0.</summary>
    public int Subjects { get; init => field = Guard.NonNegative(value, nameof(Subjects)); }

    /// <summary>Mean rated CADSS at the CADSS time.</summary>
    public double MeanCadss { get; init => field = Guard.Finite(value, nameof(MeanCadss)); }

    /// <summary>SD of the rated CADSS, &gt;= 0.</summary>
    public double SdCadss { get; init => field = Guard.NonNegative(value, nameof(SdCadss)); }

    /// <summary>Share with rated CADSS above 4 (the cut-off of Chen 2022), in [0, 1].</summary>
    public double ShareCadssAbove4 { get; init => field = Guard.InRange(value, 0, 1, nameof(ShareCadssAbove4)); }

    /// <summary>Mean rated peak CADSS.</summary>
    public double MeanPeakCadss { get; init => field = Guard.Finite(value, nameof(MeanPeakCadss)); }

    /// <summary>Share with rated peak CADSS above 20 ("significant" dissociation; the letter's "about 1 in 5"), in [0, 1].</summary>
    public double SharePeakAbove20 { get; init => field = Guard.InRange(value, 0, 1, nameof(SharePeakAbove20)); }

    /// <summary>Mean % change of the depression score at each assessment (negative = improvement).</summary>
    public EquatableArray<double> MeanPercentChange { get; init => field = Guard.FiniteValues(value, nameof(MeanPercentChange)); }

    /// <summary>Share with at least 50% improvement at each assessment (one per entry of <see cref="MeanPercentChange"/>).</summary>
    public EquatableArray<double> ResponseRate { get; init => field = Guard.FiniteValues(value, nameof(ResponseRate), MeanPercentChange.Length); }

    /// <summary>Share at or below the remission cut-off at each assessment (one per entry of <see cref="MeanPercentChange"/>).</summary>
    public EquatableArray<double> RemissionRate { get; init => field = Guard.FiniteValues(value, nameof(RemissionRate), MeanPercentChange.Length); }

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

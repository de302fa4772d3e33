
namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// A published (or user-supplied) correlation between CADSS and % change of the depression score at one assessment,
/// against which simulated trials are compared. Sign convention as Luckenbaugh et al. 2014: r against % change, so a
/// negative r means more dissociation, more improvement. Immutable.
/// </summary>
public sealed partial record ObservedCorrelation
{
    /// <summary>The largest |r| of an observation: 0.999.</summary>
    public const double MaxAbsR = 0.999;

    /// <summary>The fewest patients behind an observation: 4.</summary>
    public const int MinN = 4;

    /// <summary>The most patients behind an observation: 1 000 000.</summary>
    public const int MaxN = 1_000_000;

    /// <summary>Creates an observation.</summary>
    /// <param name="time">Assessment time from the first dose (must be one of the design's assessments).</param>
    /// <param name="r">The correlation, in (-1, 1).</param>
    /// <param name="n">Patients in the analysis, at least 4.</param>
    /// <param name="source">Where it comes from.</param>
    /// <exception cref="ArgumentException">A value out of range or an empty source.</exception>
    public ObservedCorrelation(TimeSpan time, double r, int n, string source)
    {
        Time = Guard.Positive(time, nameof(time));
        R = Guard.InRange(r, -MaxAbsR, MaxAbsR, nameof(r));
        N = Guard.InRange(n, MinN, MaxN, nameof(n));
        Source = Guard.NotBlank(source, nameof(source));
    }

    /// <summary>Assessment time.</summary>
    public TimeSpan Time { get; }

    /// <summary>r against % change.</summary>
    public double R { get; }

    /// <summary>Patients.</summary>
    public int N { get; }

    /// <summary>Source.</summary>
    public string Source { get; }

    /// <summary>The observation from per-patient data: Pearson r of CADSS and % change, and the number of patients.</summary>
    /// <param name="time">Assessment time of the % change.</param>
    /// <param name="cadss">CADSS per patient.</param>
    /// <param name="percentChange">% change of the depression score per patient (negative = improvement).</param>
    /// <param name="source">Where the data come from.</param>
    /// <exception cref="ArgumentException">Mismatched lengths, fewer than 4 patients, non-finite or constant values.</exception>
    public static ObservedCorrelation FromData(TimeSpan time, ReadOnlySpan<double> cadss, ReadOnlySpan<double> percentChange, string source) =>
        new(time, Statistics.Correlation.Pearson(cadss, percentChange).R, cadss.Length, source);

    /// <summary>Luckenbaugh et al. 2014 (J Affect Disord 159:56): CADSS at 40 min vs % HDRS change at 230 min, r = -0.35,
    /// n about 58 (back-calculated from the p-value; the per-time-point n is not reported).</summary>
    public static ObservedCorrelation Luckenbaugh230Min { get; } = new(TimeSpan.FromMinutes(230), -0.35, 58, "Luckenbaugh 2014, 230 min (n back-calculated from p)");

    /// <summary>Luckenbaugh et al. 2014: CADSS at 40 min vs % HDRS change at day 7, r = -0.41, n about 39.</summary>
    public static ObservedCorrelation LuckenbaughDay7 { get; } = new(TimeSpan.FromDays(7), -0.41, 39, "Luckenbaugh 2014, day 7 (n back-calculated from p)");
}

using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>The outcome of <see cref="Run"/>. Immutable.</summary>
/// <remarks>The method (grid, common random numbers, combining observations with <see cref="HypothesisTesting.PValueCombination"/>,
/// the hypotheses' ceilings) is described in docs/strengths.md.</remarks>
public sealed class StrengthScanResult
{
    internal StrengthScanResult(StrengthScanSettings settings, ImmutableArray<StrengthPoint> points, ImmutableArray<StrengthInterval> intervals,
        ImmutableArray<HypothesisCeiling> ceilings, long subjectSimulations, TimeSpan elapsed)
    {
        Settings = settings;
        Ceilings = ceilings;
        Points = points;
        Intervals = intervals;
        SubjectSimulations = subjectSimulations;
        Elapsed = elapsed;
    }

    /// <summary>
    /// Which strengths fit? For each alternative hypothesis, scans its strength over a grid (rho in [-1, 1], mediated share in
    /// [0, 1], expectancy boost and threshold) and gives, per grid value, the two-sided compatibility p of each observation
    /// and their combination, and the compatibility interval: the grid values with p &gt;= 0.05. Each grid point is a
    /// hypothesis test of the hypothesis at that strength, with the same seed and streams at every point.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="StrengthScanSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>Every grid point and the compatibility intervals.</returns>
    /// <exception cref="ArgumentException">An observation at a time the design does not assess, or a pool smaller than 4 times the largest n.</exception>
    public static StrengthScanResult Run(StrengthScanSettings? settings = null, IProgress<double>? progress = null) =>
        StrengthScan.Run(settings, progress);

    /// <summary>The trial sizes of <see cref="DetectionRatesFor"/>: 20, 40, 58, 100, 300 and 1000 patients.</summary>
    public static ImmutableArray<int> DetectionTrialSizes => StrengthScan.DetectionTrialSizes;

    /// <summary>
    /// How often trials of <see cref="DetectionTrialSizes"/> patients find p &lt; 0.05 under each hypothesis at its
    /// default strength (<see cref="Hypothesis.All"/>), at the time of the first observation of <paramref name="settings"/>,
    /// with its replicates, seed and design, from pools of <see cref="HypothesisTesting.HypothesisTestSettings.PoolPerObservedSubject"/>
    /// times the largest size.
    /// </summary>
    /// <param name="settings">The scan's settings.</param>
    /// <exception cref="ArgumentException">A hypothesis the population cannot express.</exception>
    public static ImmutableArray<HypothesisTesting.DetectionRate> DetectionRatesFor(StrengthScanSettings settings) =>
        StrengthScan.DetectionRatesFor(settings);

    /// <summary>The settings (with the seed) that reproduce this result.</summary>
    public StrengthScanSettings Settings { get; }

    /// <summary>Every grid point, strengths in the settings' order, values ascending.</summary>
    public ImmutableArray<StrengthPoint> Points { get; }

    /// <summary>Per strength: one compatibility interval per observation, then one for the combined p (Observed null).</summary>
    public ImmutableArray<StrengthInterval> Intervals { get; }

    /// <summary>
    /// The strongest correlation each hypothesis can produce at each assessment of the design in the population
    /// (<see cref="HypothesisCeilings"/>): an observation beyond it plus the sampling spread of its n cannot be reached at any strength.
    /// </summary>
    internal ImmutableArray<HypothesisCeiling> Ceilings { get; }

    /// <summary>The ceiling rows of <paramref name="parameter"/>'s hypothesis at <paramref name="time"/> (for shared sensitivity both signs of rho).</summary>
    internal IEnumerable<HypothesisCeiling> CeilingsOf(StrengthParameter parameter, TimeSpan time) =>
        Ceilings.Where(c => c.Time == time && c.Hypothesis == StrengthScanSettings.HypothesisAt(parameter, parameter == StrengthParameter.SensitivityCorrelation ? 1 : 0.5).Name);

    /// <summary>The grid points of one strength, values ascending.</summary>
    public IEnumerable<StrengthPoint> PointsOf(StrengthParameter parameter) => Points.Where(p => p.Parameter == parameter);

    /// <summary>Patient simulations run (pool size times grid points).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}

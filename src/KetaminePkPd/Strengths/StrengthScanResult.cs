using System.Collections.Immutable;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Strengths;

/// <summary>The outcome of <see cref="StrengthScan.Run"/>. Immutable.</summary>
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
        Ceilings.Where(c => c.Time == time && c.Hypothesis == StrengthScan.At(parameter, parameter == StrengthParameter.SensitivityCorrelation ? 1 : 0.5).Name);

    /// <summary>The grid points of one strength, values ascending.</summary>
    public IEnumerable<StrengthPoint> PointsOf(StrengthParameter parameter) => Points.Where(p => p.Parameter == parameter);

    /// <summary>Patient simulations run (pool size times grid points).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}

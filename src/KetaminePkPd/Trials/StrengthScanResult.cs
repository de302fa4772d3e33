using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>The outcome of <see cref="StrengthScan.Run"/>. Immutable.</summary>
public sealed class StrengthScanResult
{
    internal StrengthScanResult(StrengthScanSettings settings, ImmutableArray<StrengthPoint> points, ImmutableArray<StrengthInterval> intervals, long subjectSimulations, TimeSpan elapsed)
    {
        Settings = settings;
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

    /// <summary>The grid points of one strength, values ascending.</summary>
    public IEnumerable<StrengthPoint> PointsOf(StrengthParameter parameter) => Points.Where(p => p.Parameter == parameter);

    /// <summary>Patient simulations run (pool size times grid points).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}

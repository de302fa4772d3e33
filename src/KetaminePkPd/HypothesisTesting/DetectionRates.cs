using System.Collections.Immutable;
using MathNet.Numerics.Distributions;
using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// The picture behind a literature where a minority of small studies report the link: under each hypothesis, how often a
/// trial of n patients finds p &lt; 0.05 for the CADSS-response correlation in its own test (Pearson r, t = r sqrt((n - 2)/(1 - r^2))
/// with n - 2 df), for several n.
/// </summary>
internal static class DetectionRates
{
    /// <summary>The trial sizes of the issue: 20, 40, 58, 100, 300 and 1000 patients.</summary>
    public static ImmutableArray<int> DefaultSizes { get; } = [20, 40, 58, 100, 300, 1000];

    /// <summary>Runs replicate trials of each size under each hypothesis, at one assessment.</summary>
    /// <param name="design">The design (its arms fix the doses).</param>
    /// <param name="hypotheses">Hypotheses (at their strengths).</param>
    /// <param name="time">Assessment of the % change; one of the design's.</param>
    /// <param name="sizes">Trial sizes, each in [4, 1 000 000]; null for <see cref="DefaultSizes"/>.</param>
    /// <param name="replicates">Replicate trials per size, in [100, 1 000 000].</param>
    /// <param name="poolSize">Patients simulated per hypothesis, at least 4 times the largest size.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="parallel">Simulate on all cores; the results are identical.</param>
    /// <param name="cache">Optional: per-patient work already done for the same design (sized to <paramref name="poolSize"/>), seed and no dose spread
    /// (<see cref="PatientCache"/>); the results are identical.</param>
    /// <returns>One rate per hypothesis and size, hypotheses outer.</returns>
    /// <exception cref="ArgumentException">A time the design does not assess, a size out of range, or a pool too small.</exception>
    public static ImmutableArray<DetectionRate> Run(TrialDesign design, IEnumerable<Hypothesis> hypotheses, TimeSpan time, IEnumerable<int>? sizes = null,
        int replicates = 1000, int poolSize = 4000, ulong seed = 1, bool parallel = true, PatientCache? cache = null)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(hypotheses);
        var ns = (sizes ?? DefaultSizes).ToImmutableArray();
        if (ns.IsEmpty) throw new ArgumentException("sizes must hold at least one trial size.", nameof(sizes));
        var observed = ns.Select(n => new ObservedCorrelation(time, 0, n, "trial size")).ToImmutableArray();
        var settings = HypothesisTestSettings.Default.WithDesign(design, observed, poolSize) with { Replicates = replicates, Seed = seed, Parallel = parallel };
        var timeIndex = ReplicateTrials.TimeIndices(design, observed, poolSize, nameof(poolSize));
        var sized = design.WithTotalSubjects(poolSize);
        var rates = ImmutableArray.CreateBuilder<DetectionRate>();
        foreach (var h in hypotheses)
        {
            var simulator = new TrialSimulator(sized, h, seed, cache: cache);
            var pool = ReplicateTrials.SimulatePool(simulator, poolSize, parallel, timeIndex, _ => { });
            var outcomes = ReplicateTrials.Outcomes(simulator, pool, observed, settings.Replicates, seed, parallel, timeIndex, _ => { });
            foreach (var o in outcomes)
            {
                int n = o.Observed.N, significant = 0, negative = 0;
                foreach (double r in o.R.Values)
                {
                    if (PearsonP(r, n) >= 0.05) continue;
                    significant++;
                    if (r < 0) negative++;
                }
                rates.Add(new DetectionRate(h, n, time, o.R.Count, significant / (double)o.R.Count, negative / (double)o.R.Count, o.MedianR));
            }
        }
        return rates.ToImmutable();
    }

    /// <summary>The two-sided p of a Pearson r in n patients under rho = 0 (t test with n - 2 df).</summary>
    internal static double PearsonP(double r, int n)
    {
        if (Math.Abs(r) >= 1) return 0;
        double t = Math.Abs(r) * Math.Sqrt((n - 2) / (1 - r * r));
        return 2 * StudentT.CDF(0, 1, n - 2, -t);
    }
}

using System.Collections.Immutable;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Trials;

/// <summary>Pool simulation and replicate trials shared by <see cref="SensitivityAnalysis"/>, <see cref="StrengthScan"/> and <see cref="DetectionRates"/> (the streams of <see cref="HypothesisTest"/>).</summary>
internal static class ReplicateTrials
{
    /// <summary>The indices of <paramref name="observed"/>'s times among the design's assessments.</summary>
    /// <exception cref="ArgumentException">A time that is not an assessment, or a pool smaller than 4 times the largest n.</exception>
    public static int[] TimeIndices(TrialDesign design, IReadOnlyList<ObservedCorrelation> observed, int poolSize, string paramName)
    {
        var indices = observed.Select(o =>
        {
            int k = design.Assessments.IndexOf(o.Time);
            return k >= 0 ? k : throw new ArgumentException(
                $"Observation at {Durations.Format(o.Time)} is not an assessment of design '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}).", paramName);
        }).ToArray();
        int maxN = observed.Max(o => o.N);
        if (poolSize < 4 * maxN)
            throw new ArgumentException($"PoolSize ({poolSize}) must be at least 4 times the largest observed n ({maxN}).", paramName);
        return indices;
    }

    /// <summary>Simulates subjects 0 .. size-1 (serial or parallel; the same subjects either way), reporting progress in patients.</summary>
    public static SimulatedSubject[] SimulatePool(TrialSimulator simulator, int size, bool parallel, Action<double> advance)
    {
        var subjects = new SimulatedSubject[size];
        int finished = 0;
        void Simulate(int i)
        {
            subjects[i] = simulator.Simulate(i);
            if (Interlocked.Increment(ref finished) % 256 == 0) advance(256);
        }
        if (parallel) System.Threading.Tasks.Parallel.For(0, subjects.Length, Simulate);
        else for (int i = 0; i < subjects.Length; i++) Simulate(i);
        advance(finished % 256);
        return subjects;
    }

    /// <summary>Replicate trials of each observation's n from <paramref name="subjects"/>, as outcomes (progress: one per replicate).</summary>
    public static ImmutableArray<SensitivityOutcome> Outcomes(TrialSimulator simulator, SimulatedSubject[] subjects, HypothesisTestSettings replicateSettings,
        ImmutableArray<ObservedCorrelation> observed, int[] timeIndex, Action<double> advance)
    {
        int j = observed.Length;
        var list = ImmutableArray.CreateBuilder<SensitivityOutcome>(j);
        for (int o = 0; o < j; o++)
        {
            var (r, _) = HypothesisTest.Replicate(simulator, subjects, replicateSettings, observed[o].N, timeIndex[o], o, j, () => advance(1));
            list.Add(new SensitivityOutcome(observed[o], SamplingDistribution.FromReplicates(r)));
        }
        return list.MoveToImmutable();
    }
}

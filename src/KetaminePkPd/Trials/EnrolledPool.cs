using System.Collections.Immutable;
namespace KetaminePkPd.Trials;

/// <summary>
/// Simulates only the patients of a pool that some replicate trial enrols. The enrolments depend only on the seed, the
/// replicate, the observation and the pool size (<see cref="Enrolment"/>), so they are drawn first, exactly as
/// <see cref="HypothesisTest"/>'s replicates draw them; then the distinct enrolled patients are simulated. Results are
/// bit-identical to simulating the whole pool, while the work grows with replicates x n, not with the pool: a pool of 10
/// million costs one 10-million-entry array of references and one of flags, not 10 million simulations.
/// </summary>
internal static class EnrolledPool
{
    /// <summary>The pool with every enrolled patient simulated (others null), and how many were simulated.</summary>
    /// <param name="simulator">The simulator of the pool design.</param>
    /// <param name="settings">Pool size, replicates, seed, parallelism.</param>
    /// <param name="observed">The observations (their n and order fix the enrolment streams).</param>
    /// <param name="advance">Progress, in pool-patient equivalents (the pool size in all).</param>
    public static (SimulatedSubject[] Pool, int Simulated) Simulate(TrialSimulator simulator, HypothesisTestSettings settings,
        ImmutableArray<ObservedCorrelation> observed, Action<double> advance)
    {
        int size = settings.PoolSize;
        var needed = new bool[size];
        for (int o = 0; o < observed.Length; o++)
        {
            int n = observed[o].N, oo = o;
            void Mark(int rep, (int[] Chosen, Dictionary<int, int> Moved) enrol)
            {
                Enrolment.Pick(settings.Seed, rep, oo, size, enrol.Chosen, enrol.Moved);
                foreach (int index in enrol.Chosen) needed[index] = true;   // idempotent writes: safe from several threads
            }
            if (settings.Parallel)
                System.Threading.Tasks.Parallel.For(0, settings.Replicates, () => (new int[n], new Dictionary<int, int>(2 * n)),
                    (rep, _, enrol) => { Mark(rep, enrol); return enrol; }, _ => { });
            else
            {
                var enrol = (new int[n], new Dictionary<int, int>(2 * n));
                for (int rep = 0; rep < settings.Replicates; rep++) Mark(rep, enrol);
            }
        }
        var list = new List<int>();
        for (int i = 0; i < size; i++) if (needed[i]) list.Add(i);
        var pool = new SimulatedSubject[size];
        double step = (double)size / Math.Max(1, list.Count);
        int finished = 0;
        void One(int k)
        {
            pool[list[k]] = simulator.Simulate(list[k]);
            if (Interlocked.Increment(ref finished) % 256 == 0) advance(256 * step);
        }
        if (settings.Parallel) System.Threading.Tasks.Parallel.For(0, list.Count, One);
        else for (int k = 0; k < list.Count; k++) One(k);
        advance(finished % 256 * step);
        return (pool, list.Count);
    }
}

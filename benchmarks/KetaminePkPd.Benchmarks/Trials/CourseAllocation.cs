using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Numerics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// Bytes allocated per patient by each of the main job's courses, as its pool phase simulates them (the default hypotheses on the
/// default pool, one thread, a worker's tape, patients' courses one after the other, each into its pool): <c>-- course-allocation</c>. The averages over
/// 400 patients after 100 warm-up patients, from <see cref="GC.GetAllocatedBytesForCurrentThread"/> (precise).
/// </summary>
internal static class CourseAllocation
{
    public static void Run()
    {
        var settings = HypothesisTestSettings.Default;
        var pool = settings.Design.WithTotalSubjects(settings.PoolSize);
        var indices = Enumerable.Range(0, 500).ToArray();
        var cache = new PatientCache(indices);
        var simulators = settings.Hypotheses.Select(h => new TrialSimulator(pool, h, settings.Seed, cache: cache, parallel: false)).ToArray();
        int[] timeIndex = [.. settings.Observed.Select(o => pool.Assessments.IndexOf(o.Time))];
        var pools = simulators.Select(s => new RatingPool(indices, settings.PoolSize, s.AssessmentCount, timeIndex)).ToArray();
        var tape = new PropagatorTape();
        var bytes = new long[simulators.Length];
        for (int k = 0; k < indices.Length; k++)
        {
            for (int h = 0; h < simulators.Length; h++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                simulators[h].SimulateInto(pools[h], k, indices[k], tape);
                if (k >= 100) bytes[h] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }
        for (int h = 0; h < simulators.Length; h++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings.Hypotheses[h],-40} {bytes[h] / 400.0,8:0} B per patient"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"all courses",-40} {bytes.Sum() / 400.0,8:0} B per patient, {bytes.Sum() / 400.0 / simulators.Length:0} B per simulation"));
    }
}

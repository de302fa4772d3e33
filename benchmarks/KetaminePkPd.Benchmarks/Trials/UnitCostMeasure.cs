using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Numerics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The work budget's unit costs (<c>WorkBudget.SecondsPerDissociation</c>, <c>SecondsPerCourse</c>, <c>SecondsPerRating</c>) as CPU
/// seconds of one thread, which the load of other processes does not inflate as it inflates wall time: the process's processor time
/// (<see cref="Process.TotalProcessorTime"/>) around serial loops, after a warm-up, in rounds, medians. The loops are the main job's:
/// a patient's dissociation part and then its course under each distinct course of the default hypotheses on one thread (one
/// propagator tape, as <c>HypothesisTestWork</c> does), the dissociation parts alone on a fresh cache, and replicate trials of the
/// first observation's size from a pool. <c>-- unit-costs [rounds] [patients]</c>.
/// </summary>
internal static class UnitCostMeasure
{
    public static void Run(int rounds, int patients)
    {
        var settings = HypothesisTestSettings.Default;
        var design = settings.Design.WithTotalSubjects(settings.PoolSize);
        // The distinct courses of the default hypotheses: the unlinked ones share one.
        var courses = new List<Hypothesis>();
        bool unlinked = false;
        foreach (var h in settings.Hypotheses)
        {
            bool linked = h.SensitivityCorrelation != 0 || h.MediationShare != 0;
            if (!linked && unlinked) continue;
            unlinked |= !linked;
            courses.Add(h);
        }
        int n = settings.Observed[0].N, replicates = 4000;
        var rater = new TrialSimulator(design, settings.Hypotheses[0], settings.Seed);
        int timeIndex = design.Assessments.IndexOf(settings.Observed[0].Time);
        var pool = ReplicateTrials.SimulatePool(rater, 2000, false, [timeIndex], _ => { });
        var time = Process.GetCurrentProcess();
        double Cpu() { time.Refresh(); return time.TotalProcessorTime.TotalSeconds; }

        var parts = new List<double>();
        var whole = new List<double>();
        var ratings = new List<double>();
        for (int round = -1; round < rounds; round++)   // round -1: warm-up (JIT, the links' reference samples)
        {
            ulong seed = 1000 + (ulong)round;
            int[] indices = [.. Enumerable.Range(0, patients)];
            var cache = new PatientCache(indices);
            var simulators = courses.Select(h => new TrialSimulator(design, h, seed, cache: cache)).ToArray();
            var tape = new PropagatorTape();
            double c0 = Cpu();
            for (int i = 0; i < patients; i++)
                foreach (var s in simulators) s.Simulate(i, tape);
            double c1 = Cpu();
            var alone = new TrialSimulator(design, courses[0], seed, cache: new PatientCache(indices));
            for (int i = 0; i < patients; i++) alone.SimulateDissociation(i);
            double c2 = Cpu();
            var r = new double[replicates];
            var partial = new double[replicates];
            ReplicateTrials.Run(new ReplicateBatch(rater, pool, seed, n, timeIndex, 0, 1), 0, replicates, false, r, partial, null, null);
            double c3 = Cpu();
            if (round < 0) continue;
            whole.Add((c1 - c0) / patients);
            parts.Add((c2 - c1) / patients);
            ratings.Add((c3 - c2) / ((double)replicates * n));
        }
        double d = Median(parts), perPatient = Median(whole), course = (perPatient - d) / courses.Count, rating = Median(ratings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"CPU per unit, one thread, medians of {rounds} rounds of {patients} patients ({courses.Count} distinct courses) and {replicates} replicates of {n}:"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  patient with its courses {perPatient * 1e6:0.0} us; dissociation part {d * 1e6:0.0} us (rounds {string.Join(", ", parts.Select(x => (x * 1e6).ToString("0.0", CultureInfo.InvariantCulture)))}); course {course * 1e6:0.0} us; rating {rating * 1e6:0.000} us"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load {File.ReadAllText("/proc/loadavg").Trim()}"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}

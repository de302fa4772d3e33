using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Sensitivity;

/// <summary>
/// Peak memory of a global analysis against its number of worlds (issue 18: "peak memory flat as worlds grow, state 100 and
/// 10,000 worlds"), in one process per count: `-- global-memory WORLDS`. Each world's cost is cut to the minimum the settings
/// allow (100 patients per plausibility arm, exposure only, 100 replicates from pools of 240) so that 10,000 worlds fit in
/// minutes; what a world keeps (its <see cref="GlobalWorld"/> summary) does not depend on those sizes. Prints wall time,
/// the process's peak working set, the managed heap after a full collection with the result still held, and that heap per
/// world.
/// </summary>
internal static class GlobalMemoryMeasure
{
    public static void Run(int worlds)
    {
        var settings = GlobalSensitivitySettings.Default with
        {
            Worlds = worlds, PlausibilityPatientsPerArm = 100, Hypotheses = [Hypothesis.ExposureOnly], Replicates = 100, PoolSize = 240,
        };
        var clock = Stopwatch.StartNew();
        var result = SensitivityAnalysis.RunGlobal(settings);
        double seconds = clock.Elapsed.TotalSeconds;
        long heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"worlds {worlds}: plausible {result.Worlds.Count(w => w.IsPlausible)}, wall {seconds:0.0} s, peak working set {self.PeakWorkingSet64 / 1048576.0:0.0} MiB, " +
            $"managed heap after a full GC with the result held {heap / 1048576.0:0.00} MiB ({(double)heap / worlds:0} B per world); load {File.ReadAllText("/proc/loadavg").Trim()}"));
        GC.KeepAlive(result);
    }
}

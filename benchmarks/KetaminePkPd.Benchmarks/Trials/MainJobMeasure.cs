using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The main job (`hypothesis` on its defaults) run in-process a few times after one warm-up: wall time, managed bytes
/// allocated (<see cref="GC.GetTotalAllocatedBytes"/>, precise) and their share per simulated patient, gen0 collections.
/// With <c>serial</c> the same on one thread, for the in-process parallel speed-up.
/// </summary>
internal static class MainJobMeasure
{
    public static void Run(int runs, bool serialToo)
    {
        var settings = HypothesisTestSettings.Default;
        Measure("parallel (warm-up)", settings);
        var parallel = new List<double>();
        for (int i = 0; i < runs; i++) parallel.Add(Measure("parallel", settings));
        if (!serialToo) return;
        var serialSettings = settings with { Parallel = false };
        Measure("serial (warm-up)", serialSettings);
        var serial = new List<double>();
        for (int i = 0; i < runs; i++) serial.Add(Measure("serial", serialSettings));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median serial / median parallel = {Median(serial) / Median(parallel):0.00} (load {File.ReadAllText("/proc/loadavg").Trim()})"));
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static double Measure(string label, HypothesisTestSettings settings)
    {
        GC.Collect();
        long bytes = GC.GetTotalAllocatedBytes(true);
        int gen0 = GC.CollectionCount(0);
        var clock = Stopwatch.StartNew();
        var result = HypothesisTest.Run(settings);
        clock.Stop();
        long allocated = GC.GetTotalAllocatedBytes(true) - bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {clock.Elapsed.TotalSeconds:0.000} s, {allocated / 1e6:0.0} MB allocated, {(double)allocated / result.SubjectSimulations:0} B per simulated patient ({result.SubjectSimulations} simulations), {GC.CollectionCount(0) - gen0} gen0"));
        return clock.Elapsed.TotalSeconds;
    }
}

using System.Diagnostics;
using System.Globalization;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The main job (`hypothesis` on its defaults) run in-process a few times after one warm-up: wall time, managed bytes
/// allocated (<see cref="GC.GetTotalAllocatedBytes"/>, precise) and their share per simulated patient, gen0 collections.
/// With <c>serial</c> the same on one thread, for the in-process parallel speed-up; <see cref="Pairs"/> alternates the two.
/// Each run also prints the process's CPU time and the collector's pauses during it.
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

    /// <summary>Serial and parallel runs alternated (after one warm-up of each), the ratio taken pair by pair: a drift in the
    /// machine's speed (other processes) then moves both runs of a pair alike. Prints each pair and the median of the ratios.</summary>
    public static void Pairs(int pairs)
    {
        var settings = HypothesisTestSettings.Default;
        var serialSettings = settings with { Parallel = false };
        Measure("parallel (warm-up)", settings);
        Measure("serial (warm-up)", serialSettings);
        var ratios = new List<double>();
        var (parallel, serial) = (new List<double>(), new List<double>());
        for (int i = 0; i < pairs; i++)
        {
            double s = Measure("serial", serialSettings), p = Measure("parallel", settings);
            serial.Add(s);
            parallel.Add(p);
            ratios.Add(s / p);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pair {i + 1}: serial / parallel = {s / p:0.000} (load {File.ReadAllText("/proc/loadavg").Trim()})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of the pairs' ratios = {Median(ratios):0.000}; median serial {Median(serial):0.000} s, median parallel {Median(parallel):0.000} s"));
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
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = HypothesisTest.Run(settings);
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        pause = GC.GetTotalPauseDuration() - pause;
        long allocated = GC.GetTotalAllocatedBytes(true) - bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {clock.Elapsed.TotalSeconds:0.000} s ({cpu.TotalSeconds:0.000} s CPU, GC pauses {pause.TotalMilliseconds:0} ms), {allocated / 1e6:0.0} MB allocated, {(double)allocated / result.SubjectSimulations:0} B per simulated patient ({result.SubjectSimulations} simulations), {GC.CollectionCount(0) - gen0} gen0"));
        return clock.Elapsed.TotalSeconds;
    }
}

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

    /// <summary>Only serial runs (after one warm-up): run alone, and then as two processes at once, it shows what a second busy core
    /// costs a thread that shares nothing with it (the machine's ceiling for an in-process speed-up).</summary>
    public static void SerialOnly(int runs)
    {
        var serialSettings = HypothesisTestSettings.Default with { Parallel = false };
        Measure("serial (warm-up)", serialSettings);
        var serial = new List<double>();
        for (int i = 0; i < runs; i++) serial.Add(Measure("serial", serialSettings));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median serial {Median(serial):0.000} s (load {File.ReadAllText("/proc/loadavg").Trim()})"));
    }

    /// <summary>Serial and parallel runs alternated (after one warm-up of each), the ratio taken pair by pair: a drift in the
    /// machine's speed (other processes) then moves both runs of a pair alike. Prints each pair and the median of the ratios, and a
    /// <see cref="CoreCheck"/> before and after the pairs (a call whose cores were unequal reads the machine, not the code).</summary>
    public static void Pairs(int pairs, int stepSize = 0)
    {
        var settings = HypothesisTestSettings.Default;
        var serialSettings = settings with { Parallel = false };
        Measure("parallel (warm-up)", settings);
        Measure("serial (warm-up)", serialSettings);
        var before = CoreCheck.Measure();
        Console.WriteLine($"before: {before}");
        var ratios = new List<double>();
        var (parallel, serial) = (new List<double>(), new List<double>());
        for (int i = 0; i < pairs; i++)
        {
            double s = Measure("serial", serialSettings, stepSize), p = Measure("parallel", settings, stepSize);
            serial.Add(s);
            parallel.Add(p);
            ratios.Add(s / p);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pair {i + 1}: serial / parallel = {s / p:0.000} (load {File.ReadAllText("/proc/loadavg").Trim()})"));
        }
        var after = CoreCheck.Measure();
        Console.WriteLine($"after: {after}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median of the pairs' ratios = {Median(ratios):0.000}; median serial {Median(serial):0.000} s, median parallel {Median(parallel):0.000} s; core gap before {Gap(before)}, after {Gap(after)}"));
    }

    private static string Gap(CoreCheck.Reading? r) => r is { } x ? string.Create(CultureInfo.InvariantCulture, $"{100 * (x.Gap - 1):0}%") : "n/a";

    /// <summary>Serial and parallel runs alternated as in <see cref="Pairs"/>, each stepped phase by phase (a step never crosses from
    /// a pool phase into replicate trials or from one observation's trials into the next): per phase the median wall and CPU time of
    /// each mode and the ratio serial / parallel of the wall times, to show which phase keeps the in-process speed-up down.</summary>
    public static void Phases(int pairs, int stepSize)
    {
        var settings = HypothesisTestSettings.Default;
        var serialSettings = settings with { Parallel = false };
        Stepped(settings, stepSize);
        Stepped(serialSettings, stepSize);
        var serial = new List<List<(double Wall, double Cpu)>>();
        var parallel = new List<List<(double Wall, double Cpu)>>();
        for (int i = 0; i < pairs; i++)
        {
            serial.Add(Stepped(serialSettings, stepSize));
            parallel.Add(Stepped(settings, stepSize));
        }
        int phases = Math.Min(serial.Min(r => r.Count), parallel.Min(r => r.Count));
        Console.WriteLine("phase  serial wall/CPU s  parallel wall/CPU s  ratio (wall)  parallel CPU / serial CPU");
        for (int k = 0; k < phases; k++)
        {
            double sw = Median([.. serial.Select(r => r[k].Wall)]), sc = Median([.. serial.Select(r => r[k].Cpu)]);
            double pw = Median([.. parallel.Select(r => r[k].Wall)]), pc = Median([.. parallel.Select(r => r[k].Cpu)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{k,5}  {sw,8:0.000} {sc,8:0.000}  {pw,8:0.000} {pc,8:0.000}  {sw / pw,8:0.000}  {pc / sc,8:0.000}"));
        }
    }

    private static List<(double Wall, double Cpu)> Stepped(HypothesisTestSettings settings, int stepSize)
    {
        GC.Collect();
        var phases = new List<(double, double)>();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var run = HypothesisTest.Start(settings);
        phases.Add((clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
        while (true)
        {
            process.Refresh();
            cpu = process.TotalProcessorTime;
            clock.Restart();
            bool done = run.Step(stepSize);
            process.Refresh();
            phases.Add((clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds));
            if (done) break;
        }
        return phases;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }

    private static double Measure(string label, HypothesisTestSettings settings, int stepSize = 0)
    {
        GC.Collect();
        long bytes = GC.GetTotalAllocatedBytes(true);
        int gen0 = GC.CollectionCount(0);
        var pause = GC.GetTotalPauseDuration();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        HypothesisTestResult result;
        if (stepSize <= 0) result = HypothesisTest.Run(settings);
        else
        {
            var run = HypothesisTest.Start(settings);
            while (!run.Step(stepSize)) { }
            result = run.Result;
        }
        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        pause = GC.GetTotalPauseDuration() - pause;
        long allocated = GC.GetTotalAllocatedBytes(true) - bytes;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {clock.Elapsed.TotalSeconds:0.000} s ({cpu.TotalSeconds:0.000} s CPU, GC pauses {pause.TotalMilliseconds:0} ms), {allocated / 1e6:0.0} MB allocated, {(double)allocated / result.SubjectSimulations:0} B per simulated patient ({result.SubjectSimulations} simulations), {GC.CollectionCount(0) - gen0} gen0"));
        return clock.Elapsed.TotalSeconds;
    }
}

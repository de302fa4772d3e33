using System.Diagnostics;
using System.Globalization;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// <see cref="CourseReplayBenchmarks"/> as alternating pairs in one process (<c>-- replay [pairs]</c>): each pair runs the three courses of
/// 200 patients alone and then replayed, timed by the process's CPU time (one thread; less disturbed by other processes than wall time
/// on a loaded machine), and prints the median per patient of each and the median of the per-pair ratios.
/// </summary>
internal static class CourseReplayMeasure
{
    public static void Run(int pairs)
    {
        var b = new CourseReplayBenchmarks();
        b.Setup();
        for (int w = 0; w < 3; w++) { b.Alone(); b.Replayed(); }
        var alone = new List<double>();
        var replayed = new List<double>();
        var ratios = new List<double>();
        for (int p = 0; p < pairs; p++)
        {
            double a = CpuSeconds(() => b.Alone()), r = CpuSeconds(() => b.Replayed());
            alone.Add(a);
            replayed.Add(r);
            ratios.Add(r / a);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"three courses per patient, CPU: alone {Median(alone) / 200 * 1e6:0.0} us, replayed {Median(replayed) / 200 * 1e6:0.0} us, replayed/alone median of {pairs} pairs {Median(ratios):0.000} (load {File.ReadAllText("/proc/loadavg").Trim()})"));
    }

    private static double CpuSeconds(Action action)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        action();
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalSeconds;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : 0.5 * (s[s.Length / 2 - 1] + s[s.Length / 2]);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// How fast each core of this machine is right now for throughput-bound floating point, the kind of work the main job's matrix
/// exponentials do: a kernel of repeated 10 x 10 matrix products (in L1) timed on a thread pinned to core 0, then to core 1, then on
/// both at once. On a shared virtual machine one virtual core can be slowed by a neighbour on its physical core (docs/benchmarks.md,
/// issue 22's eighth pass: cpu1 6-25% slower for minutes at a time), which caps what two cores can give whatever the code does: an
/// in-process speed-up is only read against a check taken before and after it. Linux only (sched_setaffinity); elsewhere it says so.
/// <c>-- core-check</c>; <see cref="MainJobMeasure.Pairs"/> runs one before and after its pairs.
/// </summary>
internal static class CoreCheck
{
    private const int Products = 1_000_000;

    /// <summary>The kernel's seconds on core 0 alone, on core 1 alone, and the slower of the two when both run at once.</summary>
    public readonly record struct Reading(double Core0, double Core1, double Both)
    {
        /// <summary>The slower core's time over the faster's, alone (1 = equal).</summary>
        public double Gap => Math.Max(Core0, Core1) / Math.Min(Core0, Core1);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"core check: cpu0 {Core0:0.000} s, cpu1 {Core1:0.000} s alone (gap {100 * (Gap - 1):0}%), slower of both at once {Both:0.000} s");
    }

    public static Reading? Measure()
    {
        if (!OperatingSystem.IsLinux() || Environment.ProcessorCount < 2) return null;
        Kernel(Products / 10);   // compiled and warm
        double c0 = OnCore(0), c1 = OnCore(1);
        double both = 0;
        var threads = new[] { 0, 1 }.Select(core => new Thread(() => { double s = OnCore(core); lock (Gate) both = Math.Max(both, s); })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        return new Reading(c0, c1, both);
    }

    private static readonly object Gate = new();

    /// <summary>Runs the kernel on a new thread pinned to <paramref name="core"/>; its seconds.</summary>
    private static double OnCore(int core)
    {
        double seconds = double.NaN;
        var thread = new Thread(() =>
        {
            ulong mask = 1UL << core;
            if (SchedSetAffinity(0, sizeof(ulong), ref mask) != 0) throw new InvalidOperationException($"sched_setaffinity to core {core} failed ({Marshal.GetLastPInvokeError()}).");
            seconds = Kernel(Products);
        });
        thread.Start();
        thread.Join();
        return seconds;
    }

    /// <summary>Seconds for <paramref name="products"/> products of 10 x 10 matrices, one feeding the next (as the C kernel of the
    /// eighth pass).</summary>
    private static double Kernel(int products)
    {
        var a = new double[100];
        var b = new double[100];
        var c = new double[100];
        for (int i = 0; i < 100; i++) { a[i] = 1.0 / (i + 1); b[i] = 0.5 / (i + 2); }
        var clock = Stopwatch.StartNew();
        for (int rep = 0; rep < products; rep++)
        {
            for (int i = 0; i < 10; i++)
                for (int k = 0; k < 10; k++)
                {
                    double s = a[i * 10 + k];
                    for (int j = 0; j < 10; j++) c[i * 10 + j] += s * b[k * 10 + j];
                }
            a[rep % 100] = c[rep * 7 % 100] * 1e-9 + 0.1;
        }
        clock.Stop();
        GC.KeepAlive(c);
        return clock.Elapsed.TotalSeconds;
    }

    [DllImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static extern int SchedSetAffinity(int pid, nint size, ref ulong mask);

    public static void Run()
    {
        for (int i = 0; i < 3; i++) Console.WriteLine(Measure()?.ToString() ?? "core check: Linux with 2 or more cores only");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// Which types the main job allocates: the runtime's GC AllocationTick events (one per about 100 KB allocated, naming the type of
/// the object that crossed the threshold) summed by type over one in-process run after a warm-up. A sample, not a count: a type's
/// share of the ticks estimates its share of the bytes. <c>-- alloc-types [serial]</c>.
/// </summary>
internal static class AllocationTypes
{
    public static void Run(bool serial)
    {
        var settings = HypothesisTestSettings.Default with { Parallel = !serial };
        HypothesisTest.Run(settings);
        using var listener = new TickListener();
        long before = GC.GetTotalAllocatedBytes(true);
        var result = HypothesisTest.Run(settings);
        long allocated = GC.GetTotalAllocatedBytes(true) - before;
        listener.Stop();
        long ticks = listener.Bytes.Values.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{allocated / 1e6:0.0} MB allocated, {(double)allocated / result.SubjectSimulations:0} B per simulated patient; sampled {ticks / 1e6:0.0} MB in ticks"));
        foreach (var (type, bytes) in listener.Bytes.OrderByDescending(kv => kv.Value).Take(40))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / ticks,6:0.0}%  {(double)allocated * bytes / ticks / result.SubjectSimulations,8:0} B/patient  {type}"));
    }

    private sealed class TickListener : EventListener
    {
        private volatile bool _on = true;

        public ConcurrentDictionary<string, long> Bytes { get; } = new();

        public void Stop() => _on = false;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int nameAt = e.PayloadNames!.IndexOf("TypeName"), amountAt = e.PayloadNames.IndexOf("AllocationAmount64");
            if (amountAt < 0) amountAt = e.PayloadNames.IndexOf("AllocationAmount");
            string type = nameAt >= 0 ? e.Payload[nameAt] as string ?? "?" : "?";
            long amount = Convert.ToInt64(e.Payload[amountAt], CultureInfo.InvariantCulture);
            Bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
        }
    }
}

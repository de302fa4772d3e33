using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Benchmarks.Sensitivity;

/// <summary>
/// The cost per world of the global analysis (<c>sensitivity --global</c>) on its defaults, on one core: worlds 0-19 of seed 1
/// (each a 1000-patient plausibility trial; the plausible ones also 4 hypotheses x a pool of 240 and 2 x 200 replicate
/// trials). BenchmarkDotNet divides by the 20 worlds (OperationsPerInvoke), so Mean is the time of one average world.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class GlobalWorldBenchmarks
{
    private const int Worlds = 20;

    private static readonly GlobalSensitivitySettings Settings = GlobalSensitivitySettings.Default with { Worlds = Worlds, Parallel = false };

    [Benchmark(OperationsPerInvoke = Worlds)]
    public int DefaultWorldSerial() => SensitivityAnalysis.RunGlobalShard(Settings, 1, 1).Count(w => w.IsPlausible);
}

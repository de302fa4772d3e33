using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Trials;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// `ketamine-pkpd sensitivity` on its defaults: exposure only, the NIMH design, Luckenbaugh's two observations, all 11
/// assumptions one at a time (59 settings, 26 pools of 2000 patients, 1000 replicate trials per setting and observation).
/// Target: under 60 s on 2 cores. One run takes tens of seconds, so one warm-up and two measured iterations.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 2)]
public class SensitivityBenchmarks
{
    [Benchmark]
    public long DefaultSensitivityRun() => SensitivityAnalysis.Run(SensitivitySettings.Default).SubjectSimulations;
}

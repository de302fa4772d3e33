using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The project's main job, `ketamine-pkpd hypothesis` on its defaults: 4 hypotheses x 10 000 simulated patients
/// (40 000 PK-PD simulations over 7 days) and 2 x 2000 replicate trials per hypothesis. Target: well under a minute on
/// 2 cores. Few iterations: one run takes seconds.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class HypothesisBenchmarks
{
    [Benchmark]
    public long DefaultHypothesisRun() => HypothesisTest.Run(HypothesisTestSettings.Default).SubjectSimulations;
}

/// <summary>One NIMH trial of 108 patients, on one core (the baseline) and on all cores.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrialBenchmarks
{
    [Benchmark(Baseline = true)]
    public int NimhTrialSerial() => VirtualTrial.Run(TrialDesign.Nimh, null, 1, parallel: false).Subjects.Length;

    [Benchmark]
    public int NimhTrialParallel() => VirtualTrial.Run(TrialDesign.Nimh, null, 1, parallel: true).Subjects.Length;
}

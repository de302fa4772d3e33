using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The main job with a pool of 10 million patients per hypothesis (`hypothesis --pool 10000000`): only the patients some
/// replicate enrols are simulated (about 190 000 per hypothesis), with sparse enrolment, so time and memory follow
/// replicates x n rather than the pool. Peak memory is measured outside BenchmarkDotNet (/usr/bin/time -v on the CLI;
/// docs/benchmarks.md); the allocated column here is the managed total. One cold iteration: a run takes about a minute.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class PoolBenchmarks
{
    [Benchmark]
    public long TenMillionPatientPool() => HypothesisTest.Run(HypothesisTestSettings.Default with { PoolSize = 10_000_000 }).SubjectSimulations;
}

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.Trials;
using KetaminePkPd.Application;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// <c>trial --subjects N --out t.csv</c> with and without streaming (issue 17, class 6): <see cref="Streamed"/> writes each
/// patient's CSV row as the patient is simulated and keeps only the summary columns; <see cref="KeptThenWritten"/> is the
/// old path (every patient record kept, then the table built and written); <see cref="StreamedWithoutCsv"/> is the
/// simulation alone. The CSV goes to <see cref="Stream.Null"/>, so the Allocated column is what the run itself allocates;
/// peak resident memory is measured on the CLI with /usr/bin/time -v (docs/benchmarks.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1)]
public class TrialStreamingBenchmarks
{
    private TrialRequest _request = new();

    /// <summary>Patients in the trial.</summary>
    [Params(100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _request = new TrialRequest(subjects: N);

    [Benchmark(Baseline = true)]
    public long KeptThenWritten()
    {
        var result = _request.Run();
        TrialReport.Patients(result).WriteCsv(Stream.Null);
        return result.Subjects.Length;
    }

    [Benchmark]
    public int Streamed() => TrialReport.RunStreamed(_request, Stream.Null).Overall.Subjects;

    [Benchmark]
    public int StreamedWithoutCsv() => TrialReport.RunStreamed(_request, null).Overall.Subjects;
}

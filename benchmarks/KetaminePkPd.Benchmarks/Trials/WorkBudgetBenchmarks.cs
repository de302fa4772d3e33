using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using KetaminePkPd.Statistics;
using KetaminePkPd.Trials;
using KetaminePkPd.Application;
using KetaminePkPd.Application.Reporting;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The unit costs behind <see cref="WorkBudget"/>'s estimates, each as the commands pay it: on all cores (Parallel.For, as
/// every command runs), per unit (<c>OperationsPerInvoke</c>), so the Mean column is directly comparable with the constants
/// (docs/benchmarks.md, "Work budget"):
/// <list type="bullet">
/// <item><see cref="DissociationPart"/>: one patient's sampled parameters, PK and dissociation (the part every hypothesis shares).</item>
/// <item><see cref="AntidepressantCourse"/>: one patient's antidepressant course once the dissociation part is cached, under a
/// hypothesis that links nothing and under shared sensitivity (one per distinct course).</item>
/// <item><see cref="TrialPatient"/>: one trial patient simulated, rated, kept in the trial's columns and written as a CSV row.</item>
/// <item><see cref="ReplicateRating"/>: one patient rated in a replicate trial of 58 (enrolment, rating and its share of the correlations).</item>
/// <item><see cref="WorkBudgetSerialBenchmarks"/>: the two costs paid on one thread, whatever the design.</item>
/// </list>
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WorkBudgetBenchmarks
{
    private const int Patients = 2000;
    private const int Replicates = 2000;
    private const int TrialN = 58;

    private TrialDesign _design = TrialDesign.Nimh;
    private PatientCache _cache = new(0);
    private RatingPool _pool = new(0, 1, [0]);
    private TrialSimulator _rater = null!;

    /// <summary>The design (its sessions, route and model set the cost of a patient).</summary>
    [Params("nimh", "dose-ranging", "esketamine-intranasal", "twice-weekly")]
    public string Design { get; set; } = "nimh";

    [GlobalSetup]
    public void Setup()
    {
        _design = TrialDesign.ByKey[Design].WithTotalSubjects(Patients);
        _cache = new PatientCache(Patients, keepPk: true);   // as the hypothesis test's and a strength scan's caches: each patient's PK prepared once
        var first = new TrialSimulator(_design, Hypothesis.ExposureOnly, 1, cache: _cache);
        Parallel.For(0, Patients, i => first.SimulateDissociation(i));
        _rater = new TrialSimulator(_design, Hypothesis.ExposureOnly, 1);
        _pool = ReplicateTrials.SimulatePool(_rater, Patients, true, [0], _ => { });
    }

    /// <summary>Sampled parameters, PK and dissociation of one patient (no cache).</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public void DissociationPart()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.ExposureOnly, 2);
        Parallel.For(0, Patients, i => simulator.SimulateDissociation(i));
    }

    /// <summary>The antidepressant course of one patient whose dissociation part is cached (exposure-only).</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public void AntidepressantCourse()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.ExposureOnly, 1, cache: _cache);
        Parallel.For(0, Patients, i => simulator.Simulate(i));
    }

    /// <summary>The antidepressant course of one patient under shared sensitivity (rho 0.7), dissociation cached; includes setting up the link once.</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public void LinkedAntidepressantCourse()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.SharedSensitivity(0.7), 1, cache: _cache);
        Parallel.For(0, Patients, i => simulator.Simulate(i));
    }

    /// <summary>One trial patient: simulated, rated, kept in the columns and written as a CSV row (bootstrap excluded: <see cref="MediationBootstrap"/>).</summary>
    [Benchmark(OperationsPerInvoke = Patients)]
    public void TrialPatient()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.ExposureOnly, 3);
        var columns = new TrialColumns(Patients, _design.Assessments.Length);
        var results = new TrialSubjectResult[256];
        using var writer = new TrialReport.PatientWriter(_design, Stream.Null);
        for (int from = 0; from < Patients; from += 256)
        {
            int to = Math.Min(Patients, from + 256);
            Parallel.For(from, to, i => columns.Set(i, results[i - from] = simulator.Rate(simulator.Simulate(i), 2)));
            for (int i = from; i < to; i++) writer.Write(results[i - from]);
        }
    }

    /// <summary>One patient rated in a replicate trial of 58 from a pool of 2000 (per rating: replicates x 58).</summary>
    [Benchmark(OperationsPerInvoke = Replicates * TrialN)]
    public void ReplicateRating()
    {
        var r = new double[Replicates];
        var partial = new double[Replicates];
        ReplicateTrials.Run(new ReplicateBatch(_rater, _pool, 1, TrialN, 0, 0, 1), 0, Replicates, true, r, partial, null, null);
    }
}

/// <summary>
/// The unit costs of <see cref="WorkBudget"/> paid on one thread, whatever the design: <see cref="EnrolmentPick"/>, one
/// enrolment drawn when a hypothesis test finds the patients its replicates enrol; <see cref="MediationBootstrap"/>, one
/// patient of one assessment in a trial's mediation bootstrap (1000 resamples).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class WorkBudgetSerialBenchmarks
{
    private const int Replicates = 2000;
    private const int TrialN = 58;
    private const int BootstrapPatients = 20_000;
    private double[] _x = [], _m = [], _y = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _x = [.. Enumerable.Range(0, BootstrapPatients).Select(_ => random.NextDouble())];
        _m = [.. _x.Select(v => v + random.NextDouble())];
        _y = [.. _m.Select(v => v + random.NextDouble())];
    }

    /// <summary>One enrolment drawn (sparse Fisher-Yates), as a hypothesis test draws them to find the patients to simulate.</summary>
    [Benchmark(OperationsPerInvoke = Replicates * TrialN)]
    public void EnrolmentPick()
    {
        var chosen = new int[TrialN];
        var moved = new Dictionary<int, int>(2 * TrialN);
        for (int rep = 0; rep < Replicates; rep++) Enrolment.Pick(1, rep, 0, 10_000_000, chosen, moved);
    }

    /// <summary>One patient of one assessment in the mediation bootstrap of a trial (1000 resamples).</summary>
    [Benchmark(OperationsPerInvoke = BootstrapPatients)]
    public double MediationBootstrap() => Mediation.Estimate(_x, _m, _y, AssociationSummary.MediationResamples, 1).Indirect;
}

using BenchmarkDotNet.Attributes;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// One patient of the main job on one thread, time and allocation (issue 22: under 5 KB per simulated patient is the target):
/// <see cref="Dissociation"/> is the part every hypothesis shares (sampled parameters, PK, Cmax and AUC0-24, dissociation);
/// <see cref="Course"/> one antidepressant course once that part is cached (the work of each further hypothesis);
/// <see cref="WholePatient"/> both, as the first hypothesis pays them. <c>OperationsPerInvoke</c> = patients, so Mean and
/// Allocated are per patient.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TrialPatientBenchmarks
{
    private const int Patients = 200;
    private TrialDesign _design = TrialDesign.Nimh;
    private TrialSimulator _linked = null!;

    [GlobalSetup]
    public void Setup()
    {
        _design = TrialDesign.Nimh.WithTotalSubjects(10_000);
        var cache = new PatientCache(Patients, keepPk: true);   // as the hypothesis test's: the course reuses the patient's prepared PK
        var first = new TrialSimulator(_design, Hypothesis.ExposureOnly, 1, cache: cache);
        for (int i = 0; i < Patients; i++) first.SimulateDissociation(i);
        _linked = new TrialSimulator(_design, Hypothesis.SharedSensitivity(), 1, cache: cache);
    }

    [Benchmark(OperationsPerInvoke = Patients)]
    public double Dissociation()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.ExposureOnly, 2);
        double sum = 0;
        for (int i = 0; i < Patients; i++) sum += simulator.SimulateDissociation(i).CadssPeak;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Patients)]
    public double Course()
    {
        double sum = 0;
        for (int i = 0; i < Patients; i++) sum += _linked.Simulate(i).DrugEffectMadrs[^1];
        return sum;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Patients)]
    public double WholePatient()
    {
        var simulator = new TrialSimulator(_design, Hypothesis.ExposureOnly, 3);
        double sum = 0;
        for (int i = 0; i < Patients; i++) sum += simulator.Simulate(i).DrugEffectMadrs[^1];
        return sum;
    }
}

using BenchmarkDotNet.Attributes;
using KetaminePkPd.Numerics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// A patient's antidepressant courses under the main job's three distinct courses (exposure-only, shared sensitivity, mediation),
/// its dissociation and prepared PK cached, one thread (issue 22, third pass): <see cref="Alone"/> simulates each course on its own
/// (every course computes its propagators), <see cref="Replayed"/> one after the other on a <see cref="PropagatorTape"/> (the hypothesis
/// test's order: the linked courses replay the first one's propagators). The same values either way (PropagatorReplayTests).
/// <c>OperationsPerInvoke</c> = patients, so Mean and Allocated are per patient (three courses).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CourseReplayBenchmarks
{
    private const int Patients = 200;
    private TrialSimulator[] _simulators = [];

    [GlobalSetup]
    public void Setup()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(10_000);
        var cache = new PatientCache(Patients, keepPk: true);   // as the hypothesis test's: the courses reuse the patient's prepared PK
        _simulators = [.. new[] { Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(), Hypothesis.Mediation() }
            .Select(h => new TrialSimulator(design, h, 1, cache: cache))];
        for (int i = 0; i < Patients; i++) _simulators[0].SimulateDissociation(i);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Patients)]
    public double Alone()
    {
        double sum = 0;
        for (int i = 0; i < Patients; i++)
            for (int h = 0; h < _simulators.Length; h++)
                sum += Course(h, i, null);
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Patients)]
    public double Replayed()
    {
        var tape = new PropagatorTape();
        double sum = 0;
        for (int i = 0; i < Patients; i++)
            for (int h = 0; h < _simulators.Length; h++) sum += Course(h, i, tape);
        return sum;
    }

    /// <summary>Course of patient <paramref name="i"/> under simulator <paramref name="h"/>; the unlinked one is simulated, not read from a
    /// cache (this cache keeps no unlinked courses).</summary>
    private double Course(int h, int i, PropagatorTape? tape) => _simulators[h].Simulate(i, tape).DrugEffectMadrs[^1];
}

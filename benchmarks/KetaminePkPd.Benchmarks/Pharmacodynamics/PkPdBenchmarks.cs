using BenchmarkDotNet.Attributes;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Benchmarks.Pharmacodynamics;

/// <summary>
/// One patient of the NIMH design: Domino PK with norketamine, dissociation and antidepressant effects, 7 days, outputs
/// at the trial's assessment times. The exact path (matrix exponentials plus Gauss-Legendre filter quadrature) against
/// RODAS4 on the full ODE at rtol 1e-6.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PkPdBenchmarks
{
    private PkPdModel _model = null!;
    private DosingRegimen _regimen = null!;
    private SimulationOptions _exact = null!, _rodas = null!;

    [GlobalSetup]
    public void Setup()
    {
        var fx = EffectParameterSet.Default;
        _model = new PkPdModel(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult), [fx.Dissociation(Drug.RacemicKetamine), fx.Antidepressant(Drug.RacemicKetamine)]);
        _regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        _exact = SimulationOptions.Default.AtTimes(new[] { 0, 40, 230, 1440, 4320, 10080 }.Select(m => TimeSpan.FromMinutes(m)));
        _rodas = _exact with { Method = SolverMethod.Rosenbrock };
    }

    [Benchmark(Baseline = true)]
    public double Exact() => PkPdSimulator.Simulate(_model, _regimen, _exact).Effects[1].MinimumValue;

    [Benchmark]
    public double Rodas4() => PkPdSimulator.Simulate(_model, _regimen, _rodas).Effects[1].MinimumValue;
}

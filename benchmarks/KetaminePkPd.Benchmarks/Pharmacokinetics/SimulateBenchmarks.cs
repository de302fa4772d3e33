using BenchmarkDotNet.Attributes;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Benchmarks.Pharmacokinetics;

/// <summary>
/// One subject, 24 h, 97 outputs (every 15 min), by each solver. The exact path is the baseline; the target is under
/// 10 microseconds for a 3-compartment model, and under 0.2 ms per subject-day at rtol 1e-6 for the adaptive path.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SimulateBenchmarks
{
    private PkModel _model = null!;
    private DosingRegimen _regimen = null!;
    private SimulationOptions _exact = null!, _dopri = null!, _rodas = null!;

    /// <summary>3cmt: Domino parent only (PkModel.Mammillary); domino: Domino with the norketamine proxy;
    /// esketamine-nasal: Perez-Ruixo 2021, 56 mg intranasal (9 compartments, 2 devices, zero-order swallowed part).</summary>
    [Params("3cmt", "domino", "esketamine-nasal")]
    public string Model { get; set; } = "3cmt";

    [GlobalSetup]
    public void Setup()
    {
        var subject = Subject.TypicalAdult;
        var nimh = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        (_model, _regimen) = Model switch
        {
            "3cmt" => (ThreeCompartment(subject), nimh),
            "domino" => (PkParameterSet.Domino.CreateModel(subject), nimh),
            _ => (PkParameterSet.PerezRuixo2021.CreateModel(subject), DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(56)))),
        };
        var baseOptions = new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(15) };
        _exact = baseOptions;
        _dopri = baseOptions with { Method = SolverMethod.DormandPrince54 };
        _rodas = baseOptions with { Method = SolverMethod.Rosenbrock };
        if (PkSimulator.Simulate(_model, _regimen, _exact).TimesH.Length != 97) throw new InvalidOperationException("expected 97 outputs");
    }

    private static PkModel ThreeCompartment(Subject s)
    {
        double v1 = 0.063 * s.WeightKg, k10 = 0.4381 * 60, k12 = 0.5921 * 60, k13 = 0.5900 * 60, k21 = 0.2470 * 60, k31 = 0.0146 * 60;
        return PkModel.Mammillary("domino-3cmt", Drug.RacemicKetamine, s, v1, k10 * v1, [(k12 * v1, v1 * k12 / k21), (k13 * v1, v1 * k13 / k31)], "Domino 1982");
    }

    [Benchmark(Baseline = true)]
    public double Exact() => PkSimulator.Simulate(_model, _regimen, _exact).ParentNgPerMl[^1];

    [Benchmark]
    public double DormandPrince54() => PkSimulator.Simulate(_model, _regimen, _dopri).ParentNgPerMl[^1];

    [Benchmark]
    public double Rodas4() => PkSimulator.Simulate(_model, _regimen, _rodas).ParentNgPerMl[^1];

    /// <summary>The exact path plus the exposure metrics (Cmax refinement, AUCs; the terminal half-life is computed only when read).</summary>
    [Benchmark]
    public double ExactWithMetrics()
    {
        var r = PkSimulator.Simulate(_model, _regimen, _exact);
        return r.Parent.CmaxNgPerMl + (r.Metabolite?.CmaxNgPerMl ?? 0);
    }

    /// <summary>The exact path, the metrics and the parent's terminal half-life (an eigen-decomposition, made on its first read).</summary>
    [Benchmark]
    public double ExactWithHalfLife()
    {
        var r = PkSimulator.Simulate(_model, _regimen, _exact);
        return r.Parent.CmaxNgPerMl + r.Parent.TerminalHalfLifeH;
    }

    /// <summary>The peer benchmark's timed row exact+metrics (../shared/benchmarks/peers/bench_csharp) for one subject: build the model
    /// (PkModel.Mammillary), simulate, read the concentrations, Cmax and AUC0-inf.</summary>
    [Benchmark]
    public double PeerSubjectWithMetrics()
    {
        var model = PkModel.Mammillary("pk3", Drug.RacemicKetamine, Subject.TypicalAdult, 20, 80, [(100, 60), (30, 150)], "peer benchmark");
        var r = PkSimulator.Simulate(model, _peerRegimen, _exact);
        return r.ParentNgPerMl[^1] + r.Parent.CmaxNgPerMl + r.Parent.AucInfNgHPerMl;
    }

    private readonly DosingRegimen _peerRegimen =
        DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(35), TimeSpan.FromMinutes(40)));
}

using System.Collections.Immutable;
using System.Runtime.InteropServices;
using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// The outcome of <see cref="PkSimulator.Simulate"/>: output times, amounts per compartment, parent and metabolite
/// concentrations (ng/mL), cumulative amounts eliminated and absorbed, and exposure metrics. Immutable.
/// </summary>
public sealed class PkSimulationResult
{
    private readonly PkSolution _solution;
    private readonly Lazy<ExposureMetrics> _parent;
    private readonly Lazy<ExposureMetrics?> _metabolite;
    private readonly Lazy<ImmutableArray<ImmutableArray<double>>> _amounts;

    internal PkSimulationResult(PkModel model, DosingRegimen regimen, SimulationOptions options, PkSolution solution)
    {
        Model = model;
        Regimen = regimen;
        Options = options;
        _solution = solution;
        TimesH = ImmutableCollectionsMarshal.AsImmutableArray(solution.TimesH);
        ParentNgPerMl = ImmutableCollectionsMarshal.AsImmutableArray(solution.Concentrations(metabolite: false));
        MetaboliteNgPerMl = model.MetaboliteCompartment is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(solution.Concentrations(metabolite: true));
        _parent = new Lazy<ExposureMetrics>(() => solution.Metrics(metabolite: false));
        _metabolite = new Lazy<ExposureMetrics?>(() => model.MetaboliteCompartment is null ? null : solution.Metrics(metabolite: true));
        _amounts = new Lazy<ImmutableArray<ImmutableArray<double>>>(() =>
            [.. Enumerable.Range(0, model.Dimension).Select(i => ImmutableCollectionsMarshal.AsImmutableArray(solution.Amounts(i)))]);
    }

    /// <summary>The model simulated.</summary>
    public PkModel Model { get; }

    /// <summary>The regimen simulated.</summary>
    public DosingRegimen Regimen { get; }

    /// <summary>The options used.</summary>
    public SimulationOptions Options { get; }

    /// <summary>Output times, h.</summary>
    public ImmutableArray<double> TimesH { get; }

    /// <summary>Parent concentration in the central compartment at each output time, ng/mL.</summary>
    public ImmutableArray<double> ParentNgPerMl { get; }

    /// <summary>Metabolite concentration at each output time, ng/mL; empty when the model has no metabolite.</summary>
    public ImmutableArray<double> MetaboliteNgPerMl { get; }

    /// <summary>Amount in each compartment (outer index as <see cref="PkModel.Compartments"/>) at each output time, mg.</summary>
    public ImmutableArray<ImmutableArray<double>> AmountsMg => _amounts.Value;

    /// <summary>Amounts in the named compartment at each output time, mg.</summary>
    /// <exception cref="ArgumentException">No such compartment.</exception>
    public ImmutableArray<double> AmountsOf(string compartment) => AmountsMg[Model.IndexOf(compartment)];

    /// <summary>Cumulative amount eliminated from the body by each output time, mg (parent and metabolite eliminations together).</summary>
    public ImmutableArray<double> EliminatedMg => ImmutableCollectionsMarshal.AsImmutableArray(_solution.Eliminated());

    /// <summary>Cumulative bioavailable amount that has entered the model's compartments by each output time, mg.
    /// Mass balance: the sum of <see cref="AmountsMg"/> plus <see cref="EliminatedMg"/> equals this.</summary>
    public ImmutableArray<double> InputMg => ImmutableCollectionsMarshal.AsImmutableArray(_solution.Input());

    /// <summary>Parent exposure metrics.</summary>
    public ExposureMetrics Parent => _parent.Value;

    /// <summary>Metabolite exposure metrics, or null when the model has no metabolite.</summary>
    public ExposureMetrics? Metabolite => _metabolite.Value;

    /// <summary>Work done by an adaptive solver (zeros for <see cref="SolverMethod.Exact"/>).</summary>
    public OdeStatistics SolverStatistics => _solution.Statistics;

    /// <summary>Matrix exponentials computed by the exact solver (0 for the adaptive solvers).</summary>
    public int MatrixExponentials => _solution.Exponentials;
}

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
    // Computed on first use and published once (Interlocked), so every thread reads the same object; plain fields rather than Lazy<T>
    // and a closure each: a result is made per virtual patient, and most are read for a few of these at most.
    private ExposureMetrics? _parent, _metabolite;
    private ImmutableArray<double>[]? _amounts;
    private double[]? _eliminated, _input;

    internal PkSimulationResult(PkModel model, DosingRegimen regimen, SimulationOptions options, PkSolution solution)
    {
        Model = model;
        Regimen = regimen;
        Options = options;
        _solution = solution;
        TimesH = ImmutableCollectionsMarshal.AsImmutableArray(solution.TimesH);
        ParentNgPerMl = ImmutableCollectionsMarshal.AsImmutableArray(solution.Concentrations(metabolite: false));
        MetaboliteNgPerMl = model.MetaboliteCompartment is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(solution.Concentrations(metabolite: true));
    }

    /// <summary>The first value stored in <paramref name="field"/>: <paramref name="value"/>, or another thread's if it was quicker.</summary>
    private static T Publish<T>(ref T? field, T value) where T : class => Interlocked.CompareExchange(ref field, value, null) ?? value;

    /// <summary>The model simulated.</summary>
    public PkModel Model { get; }

    /// <summary>The regimen simulated.</summary>
    public DosingRegimen Regimen { get; }

    /// <summary>The options used.</summary>
    public SimulationOptions Options { get; }

    /// <summary>Output times, h.</summary>
    public ImmutableArray<double> TimesH { get; }

    /// <summary>Output times as durations from time zero (the instants of <see cref="TimesH"/>, to the nearest tick).</summary>
    public ImmutableArray<TimeSpan> Times => [.. TimesH.Select(Units.FromHours)];

    /// <summary>Time the parent concentration spends above <paramref name="threshold"/> over the simulation, as a duration.</summary>
    /// <param name="threshold">The concentration.</param>
    public TimeSpan ParentTimeAbove(Concentration threshold) => Units.FromHours(ParentTimeAboveH(threshold));

    /// <summary>Index of the output at <paramref name="time"/> (to within 1e-9 h), for reading the arrays at a given time.</summary>
    /// <exception cref="ArgumentException">No output at that time; the message gives the simulated range.</exception>
    public int IndexOf(TimeSpan time)
    {
        double h = Units.Hours(time);
        int i = Array.BinarySearch(_solution.TimesH, h);
        if (i < 0)
        {
            int after = ~i;
            if (after < TimesH.Length && Math.Abs(TimesH[after] - h) <= 1e-9) return after;
            if (after > 0 && Math.Abs(TimesH[after - 1] - h) <= 1e-9) return after - 1;
            throw new ArgumentException($"No output at {Durations.Format(time)}; outputs run from {Durations.Format(Units.FromHours(TimesH[0]))} to {Durations.Format(Units.FromHours(TimesH[^1]))} (set the output step or times to include it).", nameof(time));
        }
        return i;
    }

    /// <summary>Parent concentration in the central compartment at each output time, ng/mL.</summary>
    public ImmutableArray<double> ParentNgPerMl { get; }

    /// <summary>Metabolite concentration at each output time, ng/mL; empty when the model has no metabolite.</summary>
    public ImmutableArray<double> MetaboliteNgPerMl { get; }

    /// <summary>Amount in each compartment (outer index as <see cref="PkModel.Compartments"/>) at each output time, mg.</summary>
    public ImmutableArray<ImmutableArray<double>> AmountsMg => ImmutableCollectionsMarshal.AsImmutableArray(_amounts ?? Publish(ref _amounts,
        [.. Enumerable.Range(0, Model.Dimension).Select(i => ImmutableCollectionsMarshal.AsImmutableArray(_solution.Amounts(i)))]));

    /// <summary>Amounts in the named compartment at each output time, mg.</summary>
    /// <exception cref="ArgumentException">No such compartment.</exception>
    public ImmutableArray<double> AmountsOf(string compartment) => AmountsMg[Model.IndexOf(compartment)];

    /// <summary>Cumulative amount eliminated from the body by each output time, mg (parent and metabolite eliminations together).</summary>
    public ImmutableArray<double> EliminatedMg => ImmutableCollectionsMarshal.AsImmutableArray(_eliminated ?? Publish(ref _eliminated, _solution.Eliminated()));

    /// <summary>Cumulative bioavailable amount that has entered the model's compartments by each output time, mg.
    /// Mass balance: the sum of <see cref="AmountsMg"/> plus <see cref="EliminatedMg"/> equals this.</summary>
    public ImmutableArray<double> InputMg => ImmutableCollectionsMarshal.AsImmutableArray(_input ?? Publish(ref _input, _solution.Input()));

    /// <summary>Time within [0, Until] during which the parent concentration exceeds <paramref name="threshold"/>, h. Found on
    /// the model's exact solution, so it does not depend on the output grid.</summary>
    /// <param name="threshold">Concentration level; finite and non-negative (guaranteed by <see cref="Concentration"/>).</param>
    public double ParentTimeAboveH(Concentration threshold) => _solution.TimeAbove(metabolite: false, threshold.NanogramsPerMilliliter);

    /// <summary>Parent exposure metrics.</summary>
    public ExposureMetrics Parent => _parent ?? Publish(ref _parent, _solution.Metrics(metabolite: false));

    /// <summary>Metabolite exposure metrics, or null when the model has no metabolite.</summary>
    public ExposureMetrics? Metabolite => Model.MetaboliteCompartment is null ? null : _metabolite ?? Publish(ref _metabolite, _solution.Metrics(metabolite: true));

    /// <summary>The parent's Cmax (ng/mL) and AUC from 0 to 24 h (ng.h/mL) alone, the same values as <see cref="Parent"/> holds, without the
    /// other metrics (the terminal half-life needs an eigen-decomposition): what a trial patient keeps.</summary>
    internal (double CmaxNgPerMl, double Auc0To24NgHPerMl) ParentCmaxAndAuc24()
    {
        if (_parent is { } parent) return (parent.CmaxNgPerMl, parent.Auc0To24NgHPerMl);
        return (Math.Max(0, _solution.Peak(metabolite: false).CmaxNgPerMl), Math.Max(0, _solution.Auc0To24(metabolite: false)));
    }

    /// <summary>Work done by an adaptive solver (zeros for <see cref="SolverMethod.Exact"/>).</summary>
    public OdeStatistics SolverStatistics => _solution.Statistics;

    /// <summary>Matrix exponentials computed by the exact solver (0 for the adaptive solvers).</summary>
    public int MatrixExponentials => _solution.Exponentials;
}

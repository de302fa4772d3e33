using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Simulates a <see cref="PkModel"/> under a <see cref="DosingRegimen"/>: amounts in every compartment, parent and
/// metabolite concentrations on an output grid, and exposure metrics.
/// </summary>
/// <remarks>
/// <para>The regimen becomes inputs per compartment (bioavailable fractions, lags, zero-order releases and intranasal
/// devices applied). Time is cut at every input start and end; between cuts the system is linear with constant input,
/// and is integrated by the chosen <see cref="SolverMethod"/>: exactly (matrix exponential) or by an adaptive solver
/// with dense output. At a time where a bolus is given, the reported state is the state just after the bolus.</para>
/// <para>Only compartments a dose can reach are integrated; the others are reported as zero.</para>
/// <para>Thread-safe: all state is local to a call.</para>
/// </remarks>
/// <example><code>
/// var model = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
/// var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
/// var result = PkSimulator.Simulate(model, regimen);
/// Console.WriteLine(result.Parent.CmaxNgPerMl);
/// </code></example>
public static class PkSimulator
{
    // The state at 24 h is kept for AUC0-24 (never written: one array for every simulation).
    private static readonly double[] CaptureTimesH = [24];

    /// <summary>Runs a simulation.</summary>
    /// <param name="model">The individual's model.</param>
    /// <param name="regimen">The doses.</param>
    /// <param name="options">Duration, output grid and solver; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <returns>The result, with exposure metrics computed on first use.</returns>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Too many output points.</exception>
    /// <exception cref="OdeSolverException">An adaptive solver failed (not expected for the built-in models).</exception>
    public static PkSimulationResult Simulate(PkModel model, DosingRegimen regimen, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(regimen);
        options ??= SimulationOptions.Default;
        var inputs = model.Expand(regimen);
        var sys = new ReducedSystem(model, inputs);
        var march = new LinearMarch(sys.K, sys.M, sys.Events(inputs), options.SharedOutputTimesH(), 24, options.Method, options.Tolerances, captureTimes: CaptureTimesH);
        march.Run();
        return new PkSimulationResult(model, regimen, options, new PkSolution(sys, inputs, march));
    }
}

using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// One individual's PK under one regimen as the simulation engine uses it: the inputs per compartment, the reduced linear
/// system they reach, its events and the exact path's step limit. Made once from a <see cref="PkModel"/> and a regimen, it
/// can be simulated again with other effect models (a trial patient's dissociation and then its antidepressant course under
/// each hypothesis) without rebuilding the model, with the same values bit for bit. About 1.2 KB kept for the racemic models under
/// an intravenous infusion, against about 2 KB for the model a trial builds for that regimen (6 KB with every route): it keeps
/// not the model, only the arrays its reduced system shares with it. Immutable once made.
/// </summary>
internal sealed class PreparedPk
{
    private PreparedPk(ReducedSystem system, List<DoseInput> inputs)
    {
        System = system;
        Inputs = inputs;
        Events = system.Events(inputs);
    }

    /// <summary>Prepares <paramref name="model"/> for <paramref name="regimen"/>.</summary>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    public static PreparedPk Create(PkModel model, DosingRegimen regimen)
    {
        var inputs = model.Expand(regimen);
        return new PreparedPk(new ReducedSystem(model, inputs), inputs);
    }

    /// <summary>The reduced system (the compartments the inputs reach).</summary>
    public ReducedSystem System { get; }

    /// <summary>The inputs per compartment, full indices; never changed.</summary>
    public List<DoseInput> Inputs { get; }

    /// <summary>The inputs as the march's events, reduced indices; never changed (the march sorts a copy).</summary>
    public List<(double T, int Index, double Amount, double Rate)> Events { get; }

    /// <summary>The longest exact step at time t, h, when a filtered effect is simulated (made on first use: an effect without a
    /// filter, such as dissociation, never needs it; two threads making it at once make the same function).</summary>
    public Func<double, double> StepLimit => field ??= PkPdSimulator.StepLimit(Inputs);
}

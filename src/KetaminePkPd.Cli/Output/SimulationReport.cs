using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>Forwards to the library for the commands that still call these names (the library's one list of provisional parameters).</summary>
internal static class SimulationReport
{
    /// <summary>The library's informational version: <see cref="Reporting.SimulationReport.LibraryVersion"/>.</summary>
    public static string LibraryVersion => Reporting.SimulationReport.LibraryVersion;

    /// <summary>The provisional PK parameters of <paramref name="set"/> for <paramref name="route"/>.</summary>
    public static IReadOnlyList<ModelParameter> Provisional(PkParameterSet set, Route route) => TrialWording.ProvisionalParameters(set, [route]);

    /// <summary>The provisional effect parameters.</summary>
    public static IReadOnlyList<ModelParameter> ProvisionalEffects(EffectParameterSet effects) => TrialWording.ProvisionalParameters(effects);
}

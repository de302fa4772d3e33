using KetaminePkPd.Validation;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The result of a global analysis (<see cref="SensitivityAnalysis"/>): every world's summary in index order, the
/// plausibility targets, and per hypothesis and observation the summary over the plausible worlds. Immutable.
/// </summary>
public sealed class GlobalSensitivityResult
{
    internal GlobalSensitivityResult(GlobalSensitivitySettings settings, EquatableArray<ValidationTarget> targets, EquatableArray<GlobalWorld> worlds,
        EquatableArray<GlobalOutcome> outcomes, long subjectSimulations, TimeSpan elapsed)
    {
        Settings = settings;
        Targets = targets;
        Worlds = worlds;
        Outcomes = outcomes;
        SubjectSimulations = subjectSimulations;
        Elapsed = elapsed;
    }

    /// <summary>The settings run.</summary>
    public GlobalSensitivitySettings Settings { get; }

    /// <summary>The calibration targets of the validation catalogue a world must hit to be plausible (<see cref="SensitivityAnalysis.PlausibilityTargets"/>).</summary>
    public EquatableArray<ValidationTarget> Targets { get; }

    /// <summary>Every world, by index.</summary>
    public EquatableArray<GlobalWorld> Worlds { get; }

    /// <summary>Worlds that hit every target.</summary>
    public int PlausibleWorlds => Worlds.Count(w => w.IsPlausible);

    /// <summary>Per hypothesis (the settings' order) and observation, the summary over the plausible worlds.</summary>
    public EquatableArray<GlobalOutcome> Outcomes { get; }

    /// <summary>Patient simulations run (plausibility trials and hypothesis pools).</summary>
    public long SubjectSimulations { get; }

    /// <summary>Wall-clock time (the sum over shards for a merged run; zero for shards read from files).</summary>
    public TimeSpan Elapsed { get; }
}

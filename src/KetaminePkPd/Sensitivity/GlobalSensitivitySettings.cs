using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What <see cref="GlobalSensitivityResult.Run"/> does: how many worlds to sample, which assumptions vary jointly, which
/// hypotheses are tested in each world, how large the plausibility trial is, and what every replicate study shares
/// (design, observations, Monte Carlo sizes, seed: <see cref="ReplicateStudySettings"/>). Immutable. The defaults are the
/// issue's default global run: <see cref="DefaultWorlds"/> worlds, every assumption, the four hypotheses, the NIMH design,
/// Luckenbaugh 2014's two observations, <see cref="DefaultWorldReplicates"/> replicates from pools of
/// <see cref="DefaultWorldPoolSize"/> patients per world and hypothesis, 500 patients per arm in the plausibility trial, seed 1.
/// </summary>
public sealed record GlobalSensitivitySettings : ReplicateStudySettings
{
    /// <summary>The default number of worlds: 1000 (about 190 plausible at the defaults, enough for PRCC standard errors near 0.07 over 13 assumptions).</summary>
    public const int DefaultWorlds = 1000;

    /// <summary>The default replicate trials per world, hypothesis and observation: 200 (Monte Carlo SE of a median r about 0.01).</summary>
    public const int DefaultWorldReplicates = 200;

    /// <summary>The default pool per world and hypothesis: 240 patients (4 times Luckenbaugh's largest n, 58, rounded up).</summary>
    public const int DefaultWorldPoolSize = 240;

    /// <summary>The most worlds a run can sample: 1 000 000.</summary>
    public const int MaxWorlds = 1_000_000;

    private readonly int _worlds = DefaultWorlds, _perArm = 500;
    private readonly EquatableArray<SensitivityAssumption> _assumptions = SensitivityAnalysis.All;
    private readonly EquatableArray<Hypothesis> _hypotheses = [.. Hypothesis.All];

    /// <summary>The defaults.</summary>
    public static GlobalSensitivitySettings Default { get; } = new();

    /// <summary>The keys of the validation catalogue's calibration targets a world must hit: mean and SD of CADSS at 40 min,
    /// responders at 24 h in each arm and the ratio of the SDs of the 24-h change (racemic 0.5 mg/kg vs saline).</summary>
    public static ImmutableArray<string> PlausibilityTargets => SensitivityAnalysis.PlausibilityTargets;

    /// <summary>Settings with the defaults of a global run (fewer replicates and a smaller pool per world than a one-at-a-time run).</summary>
    public GlobalSensitivitySettings()
    {
        Replicates = DefaultWorldReplicates;
        PoolSize = DefaultWorldPoolSize;
    }

    /// <summary>Worlds sampled, in [1, <see cref="MaxWorlds"/>]. Default <see cref="DefaultWorlds"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public int Worlds
    {
        get => _worlds;
        init => _worlds = value is >= 1 and <= MaxWorlds ? value
            : throw new ArgumentOutOfRangeException(nameof(Worlds), value, $"Worlds must be in [1, {MaxWorlds}], got {value}.");
    }

    /// <summary>Assumptions sampled jointly, distinct, at least one, each one the design can vary. Default all.</summary>
    /// <exception cref="ArgumentException">Empty or repeated.</exception>
    public EquatableArray<SensitivityAssumption> Assumptions
    {
        get => _assumptions;
        init => _assumptions = value.IsDefaultOrEmpty ? throw new ArgumentException("Assumptions must hold at least one assumption.", nameof(Assumptions))
            : value.Distinct().Count() != value.Length ? throw new ArgumentException("Assumptions must be distinct.", nameof(Assumptions)) : value;
    }

    /// <summary>Hypotheses tested in every plausible world, at least one, distinct names. Default <see cref="Hypothesis.All"/>.</summary>
    /// <exception cref="ArgumentException">Empty, holding null, or a name twice.</exception>
    public EquatableArray<Hypothesis> Hypotheses
    {
        get => _hypotheses;
        init => _hypotheses = value.IsDefaultOrEmpty ? throw new ArgumentException("Hypotheses must hold at least one hypothesis.", nameof(Hypotheses))
            : value.Contains(null!) ? throw new ArgumentException("Hypotheses must not contain null.", nameof(Hypotheses))
            : value.Select(h => h.Name).Distinct(StringComparer.Ordinal).Count() != value.Length ? throw new ArgumentException("Hypotheses must have distinct names.", nameof(Hypotheses)) : value;
    }

    /// <summary>Patients per arm of the plausibility trial (racemic 0.5 mg/kg vs saline), in [100, 10 000]. Default 500, the size the
    /// validation catalogue's acceptance intervals allow for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range.</exception>
    public int PlausibilityPatientsPerArm
    {
        get => _perArm;
        init => _perArm = value is >= 100 and <= 10_000 ? value
            : throw new ArgumentOutOfRangeException(nameof(PlausibilityPatientsPerArm), value, $"PlausibilityPatientsPerArm must be in [100, 10000], got {value}.");
    }

    /// <summary>Checks the rules of <see cref="ReplicateStudySettings.Validate"/> and that the design can vary every assumption.</summary>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public override void Validate()
    {
        base.Validate();
        foreach (var a in Assumptions) SensitivityAnalysis.Levels(a, Design);
    }
}

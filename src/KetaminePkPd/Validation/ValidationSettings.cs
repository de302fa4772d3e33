namespace KetaminePkPd.Validation;

/// <summary>
/// How <see cref="ValidationReport.Run"/> simulates: the seed, the patients per arm of each virtual trial, and the size of the
/// hypothesis-test runs. Immutable. The defaults (seed 1, 500 patients per arm, a pool of 2000 and 1000 replicate trials)
/// keep the run to a few seconds; the targets' tolerances state the Monte Carlo error at these sizes.
/// </summary>
public sealed record ValidationSettings
{
    private readonly int _subjects = 500, _pool = 2000, _replicates = 1000;

    /// <summary>The defaults.</summary>
    public static ValidationSettings Default { get; } = new();

    /// <summary>The seed of every virtual trial and hypothesis run. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Patients per arm of each virtual trial, in [20, 100 000]. Default 500.</summary>
    public int SubjectsPerArm { get => _subjects; init => _subjects = (int)Guard.InRange(value, MinSubjectsPerArm, MaxSubjectsPerArm, nameof(SubjectsPerArm)); }

    /// <summary>The fewest patients per arm (<see cref="SubjectsPerArm"/>).</summary>
    public const int MinSubjectsPerArm = 20;

    /// <summary>The most patients per arm (<see cref="SubjectsPerArm"/>).</summary>
    public const int MaxSubjectsPerArm = 100_000;

    /// <summary>Patients simulated once per hypothesis run, in [400, 1 000 000]. Default 2000.</summary>
    public int HypothesisPool { get => _pool; init => _pool = (int)Guard.InRange(value, 400, 1_000_000, nameof(HypothesisPool)); }

    /// <summary>Replicate trials per hypothesis run, in [100, 1 000 000]. Default 1000.</summary>
    public int HypothesisReplicates { get => _replicates; init => _replicates = (int)Guard.InRange(value, 100, 1_000_000, nameof(HypothesisReplicates)); }

    /// <summary>
    /// The hypothesis under which the virtual trials of the table are simulated. Default <see cref="Trials.Hypothesis.ExposureOnly"/>.
    /// Shared sensitivity and mediation leave every marginal target where it is at any strength (they change only how the two
    /// effects depend on each other); running the table under them shows it. The hypothesis-test numbers are always exposure-only.
    /// </summary>
    public Trials.Hypothesis Hypothesis { get => _hypothesis; init => _hypothesis = value ?? throw new ArgumentNullException(nameof(Hypothesis)); }

    private readonly Trials.Hypothesis _hypothesis = Trials.Hypothesis.ExposureOnly;

    /// <summary>Simulate patients on all cores (default); results are identical either way.</summary>
    public bool Parallel { get; init; } = true;

    /// <summary>
    /// The effect parameters every simulation of the table uses (typical-patient courses, virtual trials and hypothesis runs).
    /// Internal, so that the model fingerprint (which reads the public properties of <see cref="Default"/>) keeps hashing the
    /// defaults once, under the effect parameters; set it with <see cref="WithEffects"/>.
    /// </summary>
    internal Pharmacodynamics.EffectParameterSet Effects { get => _effects; init => _effects = value ?? throw new ArgumentNullException(nameof(Effects)); }

    /// <summary>A copy whose every simulation uses <paramref name="effects"/>, e.g. a set fitted by <see cref="Calibration.CalibrationResult.Run"/>
    /// (default <see cref="Pharmacodynamics.EffectParameterSet.Default"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="effects"/> is null.</exception>
    public ValidationSettings WithEffects(Pharmacodynamics.EffectParameterSet effects) => this with { Effects = effects ?? throw new ArgumentNullException(nameof(effects)) };

    private readonly Pharmacodynamics.EffectParameterSet _effects = Pharmacodynamics.EffectParameterSet.Default;

    /// <summary>The design with its population's effect parameters replaced by <see cref="Effects"/> (unchanged for the defaults).</summary>
    internal Trials.TrialDesign Apply(Trials.TrialDesign design) =>
        ReferenceEquals(Effects, design.Population.Effects) ? design : design.With(population: design.Population with { Effects = Effects });

}

using System.Collections.Immutable;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What <see cref="SensitivityAnalysis.Run"/> does: the hypothesis (exposure only by default), which assumptions to vary
/// one at a time, an optional pair to vary together, and what every replicate study shares (design, observations, Monte
/// Carlo sizes, seed: <see cref="ReplicateStudySettings"/>). Immutable; the defaults are the default run
/// (exposure only, the NIMH design, Luckenbaugh 2014's two observations, every assumption, 1000 replicates from pools of
/// 2000 patients, seed 1).
/// </summary>
public sealed record SensitivitySettings : ReplicateStudySettings
{
    private readonly Hypothesis _hypothesis = Hypothesis.ExposureOnly;
    private readonly EquatableArray<SensitivityAssumption> _assumptions = SensitivityAnalysis.All;
    private readonly (SensitivityAssumption First, SensitivityAssumption Second)? _pair;

    /// <summary>The defaults.</summary>
    public static SensitivitySettings Default { get; } = new();

    /// <summary>The hypothesis whose assumptions are varied. Default <see cref="Hypothesis.ExposureOnly"/>.</summary>
    public Hypothesis Hypothesis { get => _hypothesis; init => _hypothesis = value ?? throw new ArgumentNullException(nameof(Hypothesis)); }

    /// <summary>Assumptions varied one at a time (the tornado), distinct. May be empty when <see cref="Pair"/> is set. Default all.</summary>
    /// <exception cref="ArgumentException">A repeated assumption.</exception>
    public EquatableArray<SensitivityAssumption> Assumptions
    {
        get => _assumptions;
        init => _assumptions = value.Distinct().Count() != value.Length
            ? throw new ArgumentException("Assumptions must be distinct.", nameof(Assumptions)) : value;
    }

    /// <summary>Two different assumptions varied together over every combination of their levels (the heat map), or null for none. Default null.</summary>
    /// <exception cref="ArgumentException">The same assumption twice.</exception>
    public (SensitivityAssumption First, SensitivityAssumption Second)? Pair
    {
        get => _pair;
        init => _pair = value is { } p && p.First == p.Second
            ? throw new ArgumentException($"Pair needs two different assumptions, got {SensitivityAnalysis.Token(p.First)} twice.", nameof(Pair)) : value;
    }

    /// <summary>
    /// Checks the rules that tie the properties together: those of <see cref="ReplicateStudySettings.Validate"/>, something
    /// to vary (an assumption or a pair), and every assumption varied one the design can vary (<see cref="SensitivityAnalysis.AppliesTo"/>).
    /// </summary>
    /// <exception cref="ArgumentException">A rule is broken.</exception>
    public override void Validate()
    {
        base.Validate();
        if (Assumptions.IsEmpty && Pair is null) throw new ArgumentException("Nothing to vary: give at least one assumption or a pair.", "settings");
        foreach (var a in Pair is { } p ? Assumptions.Append(p.First).Append(p.Second) : Assumptions) SensitivityAnalysis.Levels(a, Design);
    }
}

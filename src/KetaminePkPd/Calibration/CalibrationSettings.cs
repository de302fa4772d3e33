using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Calibration;

/// <summary>
/// How <see cref="CalibrationResult.Run"/> fits: the targets, the start values, the common random numbers of the virtual-trial blocks
/// (seed and patients per arm), the optimizer's tolerance and whether to compute profile intervals. Immutable. The defaults fit
/// the catalogue's calibration targets (<see cref="ValidationUse.Calibration"/>) from <see cref="EffectParameterSet.Default"/>
/// with the validation table's seed and size (seed 1, 500 patients per arm), so the simulated values at the start equal those
/// of <see cref="ValidationReport.Run"/> (the dissociation peak time excepted, refined within its 1-min grid).
/// </summary>
public sealed record CalibrationSettings
{
    private readonly int _subjects = 500, _maxEvaluations = 2000;
    private readonly double _tolerance = 1e-8;
    private readonly EquatableArray<ValidationTarget> _targets = ValidationTarget.All.Where(t => t.Use == ValidationUse.Calibration).ToImmutableArray();
    private readonly EffectParameterSet _start = EffectParameterSet.Default;

    /// <summary>The defaults.</summary>
    public static CalibrationSettings Default { get; } = new();

    /// <summary>The keys of the catalogue targets the calibration measures (the objective's possible terms), in block order.</summary>
    public static IReadOnlyList<string> TargetKeys => Calibrator.TargetKeys;

    /// <summary>
    /// The targets to fit: catalogue entries or user entries of the same schema. Only those whose key a calibration block measures
    /// enter the objective (the others are listed in <see cref="CalibrationResult.Unfitted"/>); a block none of whose targets is
    /// given keeps its start values. Default: the catalogue's calibration targets.
    /// </summary>
    /// <exception cref="ArgumentException">Empty, or a key given twice.</exception>
    public EquatableArray<ValidationTarget> Targets
    {
        get => _targets;
        init
        {
            if (value.IsDefaultOrEmpty) throw new ArgumentException("Targets must hold at least one target, got none.", nameof(Targets));
            if (value.GroupBy(t => t.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
                throw new ArgumentException($"Targets must have unique keys, got '{twice.Key}' {twice.Count()} times.", nameof(Targets));
            _targets = value;
        }
    }

    /// <summary>The start values (and the values of every parameter not fitted). Default <see cref="EffectParameterSet.Default"/>.</summary>
    public EffectParameterSet Start { get => _start; init => _start = value ?? throw new ArgumentNullException(nameof(Start)); }

    /// <summary>The seed of the virtual trials (common random numbers: the same patients at every evaluation). Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Patients per arm of the virtual-trial blocks, in [20, 100 000]. Default 500 (the validation table's).</summary>
    public int SubjectsPerArm { get => _subjects; init => _subjects = (int)Guard.InRange(value, 20, 100_000, nameof(SubjectsPerArm)); }

    /// <summary>
    /// Convergence tolerance of the Nelder-Mead simplex on the objective, in [1e-12, 1e-2]: it stops when the objective values at
    /// the simplex's vertices differ by less than this (absolute, the objective being shifted by 1). Default 1e-8.
    /// </summary>
    public double Tolerance { get => _tolerance; init => _tolerance = Guard.InRange(value, 1e-12, 1e-2, nameof(Tolerance)); }

    /// <summary>Most objective evaluations of one block's fit, in [50, 100 000]. Default 2000.</summary>
    public int MaxEvaluations { get => _maxEvaluations; init => _maxEvaluations = (int)Guard.InRange(value, 50, 100_000, nameof(MaxEvaluations)); }

    /// <summary>Compute the profile interval of each fitted parameter (default true; the fit alone is several times faster).</summary>
    public bool Intervals { get; init; } = true;

    /// <summary>Blocks with at most this many free parameters get exact profile intervals, larger ones the quadratic approximation
    /// (<see cref="Calibrator"/>). Two; tests lower it to compare the two methods on one block.</summary>
    internal int ProfileMaxParameters { get; init; } = 2;

    /// <summary>Simulate patients on all cores (default); results are identical either way.</summary>
    public bool Parallel { get; init; } = true;
}

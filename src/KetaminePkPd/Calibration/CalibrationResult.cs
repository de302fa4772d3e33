using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Calibration;

/// <summary>The result of <see cref="Run"/>: the fitted parameter set, each fitted parameter with its interval, each target with its residual.</summary>
/// <remarks>The method (objective, blocks, optimizer, intervals) is described in docs/calibration.md.</remarks>
public sealed class CalibrationResult
{
    internal CalibrationResult(CalibrationSettings settings, EffectParameterSet fitted, ImmutableArray<CalibrationParameterFit> parameters,
        ImmutableArray<CalibrationTargetFit> targets, ImmutableArray<string> unfitted, int evaluations, TimeSpan elapsed)
    {
        Settings = settings;
        Fitted = fitted;
        Parameters = parameters;
        Targets = targets;
        Unfitted = unfitted;
        Evaluations = evaluations;
        Elapsed = elapsed;
    }

    /// <summary>Calibration as code: fits the PROVISIONAL effect parameters' calibration blocks to the settings' targets
    /// (docs/calibration.md).</summary>
    /// <param name="settings">Targets, start values, seed and sizes; null for <see cref="CalibrationSettings.Default"/>.</param>
    /// <param name="progress">Receives the name of each block as its fit starts, or null.</param>
    /// <returns>The fitted set, each parameter with its interval and each target with its residual.</returns>
    /// <exception cref="NonFiniteResultException">A simulation gave a non-finite value.</exception>
    public static CalibrationResult Run(CalibrationSettings? settings = null, IProgress<string>? progress = null) =>
        Calibrator.Run(settings, progress);

    /// <summary>The settings of the run.</summary>
    public CalibrationSettings Settings { get; }

    /// <summary>The start set with the fitted values in place: usable wherever an <see cref="EffectParameterSet"/> is.</summary>
    public EffectParameterSet Fitted { get; }

    /// <summary>The parameters of every calibration block, in block order.</summary>
    public ImmutableArray<CalibrationParameterFit> Parameters { get; }

    /// <summary>The targets in the objective, in block order.</summary>
    public ImmutableArray<CalibrationTargetFit> Targets { get; }

    /// <summary>Keys of the given targets that no calibration block measures, or whose interval has zero width: not in the objective.</summary>
    public ImmutableArray<string> Unfitted { get; }

    /// <summary>The objective at the fit, the sum of the targets' r^2.</summary>
    public double Objective => Targets.Sum(t => t.Contribution);

    /// <summary>The objective at the start values.</summary>
    public double ObjectiveAtStart => Targets.Sum(t => t.ResidualAtStart * t.ResidualAtStart);

    /// <summary>Objective evaluations (simulations) made, intervals included.</summary>
    public int Evaluations { get; }

    /// <summary>Wall-clock time of the run.</summary>
    public TimeSpan Elapsed { get; }
}

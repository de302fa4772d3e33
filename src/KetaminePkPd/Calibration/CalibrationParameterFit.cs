namespace KetaminePkPd.Calibration;

/// <summary>
/// One fitted parameter: its start and fitted values and its 95% profile interval, the set of values at which the block's
/// objective, minimized over the block's other parameters, stays within 1 of its minimum (see <see cref="Calibrator"/>).
/// </summary>
/// <param name="Name">The parameter's name in <see cref="Pharmacodynamics.EffectParameterSet"/>.</param>
/// <param name="Block">The calibration block that fits it.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Start">The start value.</param>
/// <param name="Fitted">The fitted value (the start value when the block had no targets).</param>
/// <param name="Low">Lower end of the profile interval (NaN when not computed).</param>
/// <param name="High">Upper end of the profile interval (NaN when not computed).</param>
/// <param name="LowAtBound">True when the profile stays within 1 down to the search bound: the interval is open there.</param>
/// <param name="HighAtBound">True when the profile stays within 1 up to the search bound.</param>
/// <param name="SearchLow">Lower search bound.</param>
/// <param name="SearchHigh">Upper search bound.</param>
/// <param name="IsFitted">False when none of the block's targets was given.</param>
public sealed record CalibrationParameterFit(string Name, string Block, string Unit, double Start, double Fitted, double Low, double High,
    bool LowAtBound, bool HighAtBound, double SearchLow, double SearchHigh, bool IsFitted);

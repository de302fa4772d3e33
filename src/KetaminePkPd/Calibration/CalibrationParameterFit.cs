namespace KetaminePkPd.Calibration;

/// <summary>
/// One fitted parameter: its start and fitted values and its 95% profile interval, the set of values at which the block's
/// objective, minimized over the block's other parameters, stays within 1 of its minimum (exact for blocks of one or two free
/// parameters, its quadratic approximation for larger ones: <see cref="IntervalMethod"/>; see <see cref="CalibrationResult.Run"/> and docs/calibration.md).
/// </summary>
public sealed record CalibrationParameterFit
{
    internal CalibrationParameterFit(string name, string block, string unit, double start, double fitted, double low, double high, bool lowAtBound, bool highAtBound, double searchLow, double searchHigh, bool isFitted, string intervalMethod)
    {
        IntervalMethod = intervalMethod;
        Name = name;
        Block = block;
        Unit = unit;
        Start = start;
        Fitted = fitted;
        Low = low;
        High = high;
        LowAtBound = lowAtBound;
        HighAtBound = highAtBound;
        SearchLow = searchLow;
        SearchHigh = searchHigh;
        IsFitted = isFitted;
    }

    /// <summary>The parameter's name in <see cref="Pharmacodynamics.EffectParameterSet"/>.</summary>
    public string Name { get; }

    /// <summary>The calibration block that fits it.</summary>
    public string Block { get; }

    /// <summary>Its unit.</summary>
    public string Unit { get; }

    /// <summary>The start value.</summary>
    public double Start { get; }

    /// <summary>The fitted value (the start value when the block had no targets).</summary>
    public double Fitted { get; }

    /// <summary>Lower end of the profile interval (NaN when not computed).</summary>
    public double Low { get; }

    /// <summary>Upper end of the profile interval (NaN when not computed).</summary>
    public double High { get; }

    /// <summary>True when the profile stays within 1 down to the search bound: the interval is open there.</summary>
    public bool LowAtBound { get; }

    /// <summary>True when the profile stays within 1 up to the search bound.</summary>
    public bool HighAtBound { get; }

    /// <summary>Lower search bound.</summary>
    public double SearchLow { get; }

    /// <summary>Upper search bound.</summary>
    public double SearchHigh { get; }

    /// <summary>False when none of the block's targets was given.</summary>
    public bool IsFitted { get; }

    /// <summary>
    /// How <see cref="Low"/> and <see cref="High"/> were found: <see cref="ProfileInterval"/> (blocks of one or two free parameters),
    /// <see cref="QuadraticInterval"/> (larger blocks) or <see cref="NoInterval"/> (not requested, or the parameter not fitted).
    /// </summary>
    public string IntervalMethod { get; }

    /// <summary>The exact profile: the objective minimized over the block's other parameters at each trial value.</summary>
    public const string ProfileInterval = "profile";

    /// <summary>The profile of the objective's quadratic approximation at the fit (a finite-difference Hessian): s -/+ sqrt(2 (H^-1)_jj).</summary>
    public const string QuadraticInterval = "quadratic";

    /// <summary>No interval computed.</summary>
    public const string NoInterval = "none";
}

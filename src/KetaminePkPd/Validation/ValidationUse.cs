namespace KetaminePkPd.Validation;

/// <summary>What a validation target is for.</summary>
public enum ValidationUse
{
    /// <summary>The model's own (PROVISIONAL) parameters were chosen to hit it: a hit shows the calibration holds, not that the model is right.</summary>
    Calibration,

    /// <summary>An independent check: no parameter was tuned to it.</summary>
    Check,

    /// <summary>A headline number of the hypothesis test, tracked so that a calibration change that moves the verdict shows up; it has no published target.</summary>
    Tracked,
}

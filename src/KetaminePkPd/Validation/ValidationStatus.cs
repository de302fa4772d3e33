namespace KetaminePkPd.Validation;

/// <summary>The outcome of one validation target.</summary>
public enum ValidationStatus
{
    /// <summary>The simulated value lies within the target's acceptance interval.</summary>
    Hit,

    /// <summary>The simulated value lies outside the acceptance interval, and no reason is on record: a regression to fix.</summary>
    Miss,

    /// <summary>The simulated value lies outside the acceptance interval for a documented reason (<see cref="ValidationTarget.KnownMiss"/>).</summary>
    ExplainedMiss,

    /// <summary>A tracked number without a target (<see cref="ValidationUse.Tracked"/>).</summary>
    Reported,
}

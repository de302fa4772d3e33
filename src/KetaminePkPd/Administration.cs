namespace KetaminePkPd;

/// <summary>
/// One administration of drug: a route, a dose, when it starts and, for an intravenous infusion, how long it runs.
/// Immutable; build it with the route-named factories.
/// </summary>
/// <example><code>
/// var nimh = Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40));
/// var spray = Administration.Intranasal(Dose.FromMilligrams(56)).At(TimeSpan.FromDays(3.5));
/// </code></example>
public sealed record Administration
{
    /// <summary>The longest infusion accepted (7 days).</summary>
    public static readonly TimeSpan MaxInfusionDuration = TimeSpan.FromDays(7);

    private Administration(Route route, Dose dose, TimeSpan start, TimeSpan infusionDuration)
    {
        Route = Guard.Defined(route, nameof(route));
        Dose = dose;
        Start = Guard.NonNegative(start, nameof(start));
        InfusionDuration = Guard.NonNegative(infusionDuration, nameof(infusionDuration));
        if (infusionDuration > MaxInfusionDuration)
            throw new ArgumentOutOfRangeException(nameof(infusionDuration), infusionDuration, $"infusionDuration must be at most 7 days, got {Durations.Format(infusionDuration)}.");
        if (route != Route.Intravenous && infusionDuration != TimeSpan.Zero)
            throw new ArgumentException($"Only intravenous doses have an infusion duration; route {route} got {Durations.Format(infusionDuration)}.", nameof(infusionDuration));
    }

    /// <summary>Route of administration.</summary>
    public Route Route { get; }

    /// <summary>Dose of free base (mg or mg/kg).</summary>
    public Dose Dose { get; }

    /// <summary>Time of administration (start of an infusion), measured from time zero of the simulation; &gt;= 0.</summary>
    public TimeSpan Start { get; }

    /// <summary>Infusion duration; zero for a bolus and for every non-intravenous route.</summary>
    public TimeSpan InfusionDuration { get; }

    /// <summary>True for an intravenous dose given over a positive duration.</summary>
    public bool IsInfusion => InfusionDuration > TimeSpan.Zero;

    /// <summary>An intravenous bolus (instantaneous injection).</summary>
    public static Administration IntravenousBolus(Dose dose) => new(Route.Intravenous, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A constant-rate intravenous infusion of <paramref name="dose"/> over <paramref name="duration"/>.</summary>
    /// <param name="dose">Total dose.</param>
    /// <param name="duration">Infusion duration, in [0, 7 days]; zero makes a bolus.</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is negative or longer than 7 days.</exception>
    public static Administration IntravenousInfusion(Dose dose, TimeSpan duration) => new(Route.Intravenous, dose, TimeSpan.Zero, duration);

    /// <summary>A constant-rate intravenous infusion given by its rate and duration; the dose is rate x duration.</summary>
    /// <param name="rate">Infusion rate (mg/h or mg/kg/h).</param>
    /// <param name="duration">Infusion duration, in (0, 7 days].</param>
    /// <exception cref="ArgumentOutOfRangeException">The duration is not positive or longer than 7 days, or the dose exceeds the limits.</exception>
    public static Administration IntravenousInfusion(DoseRate rate, TimeSpan duration) =>
        new(Route.Intravenous, rate.Over(Guard.Positive(duration, nameof(duration))), TimeSpan.Zero, duration);

    /// <summary>An intranasal dose. For esketamine the dose is given as 28 mg devices 5 min apart (see the model's route).</summary>
    public static Administration Intranasal(Dose dose) => new(Route.Intranasal, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>An oral dose.</summary>
    public static Administration Oral(Dose dose) => new(Route.Oral, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A sublingual dose.</summary>
    public static Administration Sublingual(Dose dose) => new(Route.Sublingual, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>An intramuscular injection.</summary>
    public static Administration Intramuscular(Dose dose) => new(Route.Intramuscular, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A subcutaneous injection.</summary>
    public static Administration Subcutaneous(Dose dose) => new(Route.Subcutaneous, dose, TimeSpan.Zero, TimeSpan.Zero);

    /// <summary>A dose by any route; <paramref name="infusionDuration"/> must be zero except for <see cref="Route.Intravenous"/>.</summary>
    /// <exception cref="ArgumentException">An infusion duration for a non-intravenous route, or an undefined route.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative or too long duration.</exception>
    public static Administration Create(Route route, Dose dose, TimeSpan infusionDuration = default) => new(route, dose, TimeSpan.Zero, infusionDuration);

    /// <summary>The same administration given at <paramref name="start"/> (from time zero).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> is negative.</exception>
    public Administration At(TimeSpan start) => new(Route, Dose, start, InfusionDuration);

    /// <summary>The same administration with another dose.</summary>
    public Administration WithDose(Dose dose) => new(Route, dose, Start, InfusionDuration);

    /// <summary>Describes the administration, e.g. <c>Intravenous 0.5 mg/kg over 40min at 0min</c>.</summary>
    public override string ToString() =>
        $"{Route} {Dose}" + (IsInfusion ? $" over {Durations.Format(InfusionDuration)}" : "") + $" at {Durations.Format(Start)}";
}

namespace KetaminePkPd;

/// <summary>
/// The one place that holds unit conversion constants. Inside the library amounts are mg, volumes L, time h and
/// concentrations mg/L; concentrations are reported in ng/mL.
/// </summary>
internal static class Units
{
    /// <summary>ng/mL per mg/L (exactly 1000).</summary>
    public const double NgPerMlPerMgPerL = 1000.0;

    /// <summary>Molar mass of ketamine free base, g/mol (C13H16ClNO). 1 nmol/mL = 237.7 ng/mL.</summary>
    public const double KetamineFreeBaseGPerMol = 237.7;

    /// <summary>Molar mass of ketamine hydrochloride, g/mol.</summary>
    public const double KetamineHydrochlorideGPerMol = 274.2;

    /// <summary>Minutes per hour.</summary>
    public const double MinutesPerHour = 60.0;

    /// <summary>Hours per day.</summary>
    public const double HoursPerDay = 24.0;

    /// <summary>Converts a span of time to hours.</summary>
    public static double Hours(TimeSpan t) => t.Ticks / (double)TimeSpan.TicksPerHour;

    /// <summary>Converts hours to a <see cref="TimeSpan"/>, rounded to the nearest tick (100 ns).</summary>
    public static TimeSpan FromHours(double hours) => TimeSpan.FromTicks((long)Math.Round(hours * TimeSpan.TicksPerHour));
}

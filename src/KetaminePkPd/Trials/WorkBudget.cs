using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>
/// The work a run may do unless the user allows a long run: estimated up front, so that a run that would take hours or
/// gigabytes is refused in one line instead of started without a word.
/// </summary>
/// <remarks>
/// The time per patient is the measured cost of the main job (docs/benchmarks.md: 40 000 patient simulations plus their
/// replicate ratings in 3.8 s on 2 cores, about 95 us per patient); a rating is far cheaper and is budgeted separately.
/// Each simulated patient of a hypothesis pool is kept in memory (about 0.5 kB).
/// </remarks>
public static class WorkBudget
{
    /// <summary>Patient simulations allowed in one run: 1 000 000 (about 1.5 min on 2 cores, about 0.5 GB for a pool).</summary>
    public const long MaxSimulations = 1_000_000;

    /// <summary>Patient ratings (replicates x patients per replicate, over hypotheses and times) allowed in one run: 200 000 000.</summary>
    public const long MaxRatings = 200_000_000;

    /// <summary>Measured seconds per patient simulation on the benchmark machine (2 cores).</summary>
    public const double SecondsPerSimulation = 3.8 / 40_000;

    /// <summary>Bytes kept per simulated patient of a pool (approximate).</summary>
    public const double BytesPerSimulation = 500;

    /// <summary>The option that lifts the budget on the command line.</summary>
    public const string AllowOption = "--allow-long-run";

    /// <summary>The budget in words, for help texts.</summary>
    public static string Description { get; } =
        $"{MaxSimulations.ToString("N0", CultureInfo.InvariantCulture)} patient simulations and {MaxRatings.ToString("N0", CultureInfo.InvariantCulture)} " +
        "patient ratings per run, about 1.5 min on 2 cores";

    /// <summary>Throws when the work is above the budget and a long run is not allowed.</summary>
    /// <param name="simulations">Patients to simulate, at least 0.</param>
    /// <param name="ratings">Patient ratings in replicate trials, at least 0.</param>
    /// <param name="allowed">True when the user allowed a long run (<see cref="AllowOption"/>).</param>
    /// <param name="cause">The settings that set the work, for the message (e.g. <c>--subjects 10000000</c>).</param>
    /// <exception cref="ArgumentException">Above the budget without permission; the message gives the estimate and the way out.</exception>
    public static void Check(double simulations, double ratings, bool allowed, string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (allowed || simulations <= MaxSimulations && ratings <= MaxRatings) return;
        var inv = CultureInfo.InvariantCulture;
        double minutes = simulations * SecondsPerSimulation / 60;
        double gigabytes = simulations * BytesPerSimulation / 1e9;
        string what = simulations > MaxSimulations
            ? $"{simulations.ToString("N0", inv)} patient simulations (budget {MaxSimulations.ToString("N0", inv)}; about {minutes.ToString("N0", inv)} min on 2 cores and up to {gigabytes.ToString("0.#", inv)} GB)"
            : $"{ratings.ToString("N0", inv)} patient ratings (budget {MaxRatings.ToString("N0", inv)})";
        throw new ArgumentException($"{cause}: this run would need {what}; add {AllowOption} to run it anyway, or reduce it.");
    }
}

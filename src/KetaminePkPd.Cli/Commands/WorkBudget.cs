using System.CommandLine;
using System.Globalization;

namespace KetaminePkPd.Cli.Commands;

/// <summary>
/// The work a run may do without <c>--allow-long-run</c>: estimated up front from the options, so that a run that would
/// take hours or gigabytes is refused in one line instead of started without a word.
/// </summary>
/// <remarks>
/// The time per patient is the measured cost of the main job (docs/benchmarks.md: 40 000 patient simulations plus their
/// replicate ratings in 3.8 s on 2 cores, about 95 us per patient); a rating is far cheaper and is budgeted separately.
/// Each simulated patient of a hypothesis pool is kept in memory (about 0.5 kB).
/// </remarks>
internal static class WorkBudget
{
    /// <summary>Patient simulations allowed in one run: 1 000 000 (about 1.5 min on 2 cores, about 0.5 GB for a pool).</summary>
    public const long MaxSimulations = 1_000_000;

    /// <summary>Patient ratings (replicates x patients per replicate, over hypotheses and times) allowed in one run: 200 000 000.</summary>
    public const long MaxRatings = 200_000_000;

    /// <summary>Measured seconds per patient simulation, on the benchmark machine (2 cores).</summary>
    public const double SecondsPerSimulation = 3.8 / 40_000;

    /// <summary>The option that lifts the budget.</summary>
    public static Option<bool> AllowLongRun() => new("--allow-long-run")
    {
        Description = $"Run even when the estimated work is above the budget ({MaxSimulations.ToString("N0", CultureInfo.InvariantCulture)} patient simulations and " +
            $"{MaxRatings.ToString("N0", CultureInfo.InvariantCulture)} patient ratings per run, about 1.5 min on 2 cores); without it such a run is refused with an estimate.",
    };

    /// <summary>Throws when the work is above the budget and the user did not allow it.</summary>
    /// <param name="simulations">Patients to simulate.</param>
    /// <param name="ratings">Patient ratings in replicate trials.</param>
    /// <param name="allowed">True when --allow-long-run was given.</param>
    /// <param name="cause">The options that set the work, for the message (e.g. "--pool 10000000 x 4 hypotheses").</param>
    /// <exception cref="ArgumentException">Above the budget without permission.</exception>
    public static void Check(double simulations, double ratings, bool allowed, string cause)
    {
        if (allowed || simulations <= MaxSimulations && ratings <= MaxRatings) return;
        double minutes = simulations * SecondsPerSimulation / 60;
        double gigabytes = simulations * 500 / 1e9;
        string what = simulations > MaxSimulations
            ? $"{simulations.ToString("N0", CultureInfo.InvariantCulture)} patient simulations (budget {MaxSimulations.ToString("N0", CultureInfo.InvariantCulture)}; about {minutes.ToString("N0", CultureInfo.InvariantCulture)} min on 2 cores and up to {gigabytes.ToString("0.#", CultureInfo.InvariantCulture)} GB)"
            : $"{ratings.ToString("N0", CultureInfo.InvariantCulture)} patient ratings (budget {MaxRatings.ToString("N0", CultureInfo.InvariantCulture)})";
        throw new ArgumentException($"{cause}: this run would need {what}; add --allow-long-run to run it anyway, or reduce it.");
    }
}

using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The "What would it take?" panel's controls as data, and what they ask the library for: one hypothesis (at the hypothesis
/// panel's default strengths) on the NIMH design against both of Luckenbaugh's observations, with the chosen assumptions
/// varied one at a time over their documented ranges (<see cref="SensitivitySettings"/>; serial: the browser has one thread,
/// results are identical either way). Smaller than the CLI's defaults (200 replicates from pools of 240 patients, against
/// 1000 from 2000) so a run takes seconds to a minute in a browser. Immutable.
/// </summary>
internal sealed record FrontierSettings
{
    /// <summary>The assumptions the NIMH design can vary, in the library's order.</summary>
    public static IReadOnlyList<SensitivityAssumption> Available { get; } =
        [.. SensitivitySettings.AllAssumptions.Where(a => SensitivitySettings.AppliesTo(a, HypothesisTestSettings.Default.Design))];

    /// <summary>
    /// The assumptions checked at first: the four that decide exposure-only's verdict most in the global analysis (partial rank
    /// correlation with the 230-min median r: CADSS time, dose spread, PK variability, CADSS rating noise; docs/sensitivity.md)
    /// and the placebo SD (it only re-rates, so it costs little).
    /// </summary>
    public static IReadOnlyList<SensitivityAssumption> Deciders { get; } =
    [
        SensitivityAssumption.PkVariability, SensitivityAssumption.DoseSpread, SensitivityAssumption.PlaceboSd,
        SensitivityAssumption.CadssRatingNoiseSd, SensitivityAssumption.CadssTime,
    ];

    /// <summary>Which hypothesis. Default exposure only.</summary>
    public HypothesisKind Kind { get; init; } = HypothesisKind.ExposureOnly;

    /// <summary>The assumptions varied, in the library's order, distinct. Default <see cref="Deciders"/>.</summary>
    public EquatableArray<SensitivityAssumption> Assumptions { get; init; } = [.. Deciders];

    /// <summary>Replicate trials per setting and observation. Default 200.</summary>
    public int Replicates { get; init; } = 200;

    /// <summary>Patients per pharmacological setting: at least 4 times the larger observed n (58). Default 240.</summary>
    public int PoolSize { get; init; } = 240;

    /// <summary>Seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>These settings with <paramref name="assumption"/> added or removed (kept in the library's order).</summary>
    public FrontierSettings Toggle(SensitivityAssumption assumption, bool on) => this with
    {
        Assumptions = [.. Available.Where(a => a == assumption ? on : Assumptions.Contains(a))],
    };

    /// <summary>The hypothesis, at the hypothesis panel's default strength.</summary>
    public Hypothesis Hypothesis => new HypothesisSettings { Kind = Kind }.Hypothesis;

    /// <summary>The library settings (throws when nothing is varied).</summary>
    /// <exception cref="ArgumentException">No assumption checked.</exception>
    public SensitivitySettings Library => SensitivitySettings.Default with
    {
        Hypothesis = Hypothesis, Assumptions = Assumptions, Replicates = Replicates, PoolSize = PoolSize, Seed = Seed, Parallel = false,
    };

}

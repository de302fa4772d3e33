using KetaminePkPd.Evidence;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Web.Model;

/// <summary>
/// The evidence panel's controls as data, and what they ask the library for: the catalogue (or one group of it) under the four built-in
/// hypotheses at the strengths chosen, as <see cref="EvidenceSettings"/> (serial: the browser has one thread; results
/// are identical either way). Smaller than the CLI's defaults (200 replicates, pools of at least 1000 patients, against
/// 1000 and 4 n) so a run takes a minute or two in a browser; p-values then have a floor of 2/200 = 0.01. Immutable.
/// </summary>
internal sealed record EvidencePageSettings
{
    /// <summary>Shared sensitivity's rho, in [-1, 1]. Default 0.7 (the library's default).</summary>
    public double Rho { get; init; } = 0.7;

    /// <summary>Mediation's mediated share, in [0, 1]. Default 0.5.</summary>
    public double Share { get; init; } = 0.5;

    /// <summary>Expectancy's extra placebo response, MADRS points. Default 6.</summary>
    public double Boost { get; init; } = 6;

    /// <summary>Replicate trials per study and hypothesis: 200, 500 or 1000. Default 200.</summary>
    public int Replicates { get; init; } = EvidenceSettings.MinReplicates;

    /// <summary>Which studies: <see cref="AllStudies"/> or one overlap group of the catalogue (<see cref="Groups"/>). Default all.</summary>
    public string Studies { get; init; } = AllStudies;

    /// <summary>The key of the whole catalogue in <see cref="Studies"/>.</summary>
    public const string AllStudies = "all";

    /// <summary>The choices of <see cref="Studies"/>: the whole catalogue, then each overlap group (studies that share patients or
    /// counted studies), in catalogue order, with a label naming its sources.</summary>
    public static IReadOnlyList<(string Key, string Label)> Groups { get; } =
    [
        (AllStudies, $"all {EvidenceEntry.All.Length} analyses"),
        .. EvidenceEntry.All.GroupBy(e => e.OverlapGroup ?? e.Key).Select(g =>
            (g.Key, $"{string.Join(", ", g.Select(e => e.Study.Split(',')[0]).Distinct())} ({g.Count()})")),
    ];

    /// <summary>The entries <see cref="Studies"/> selects.</summary>
    public IReadOnlyList<EvidenceEntry> Entries => Studies == AllStudies ? EvidenceEntry.All
        : [.. EvidenceEntry.All.Where(e => (e.OverlapGroup ?? e.Key) == Studies)];

    /// <summary>Seed. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>The four hypotheses at the chosen strengths (expectancy's threshold stays at the library's 20).</summary>
    public IReadOnlyList<Hypothesis> Hypotheses =>
        [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity(Rho), Hypothesis.Mediation(Share), Hypothesis.Expectancy(boostMadrs: Boost)];

    /// <summary>The library settings.</summary>
    public EvidenceSettings Library => EvidenceSettings.Default with
    {
        Entries = [.. Entries], Hypotheses = [.. Hypotheses], Replicates = Replicates, PoolFactor = 1, Seed = Seed, Parallel = false,
    };
}

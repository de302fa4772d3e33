using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// One entry under one hypothesis: the simulated statistic of replicate trials of the entry's own design and where the reported
/// statistic falls among them. Immutable.
/// </summary>
/// <param name="Entry">The entry.</param>
/// <param name="Hypothesis">The hypothesis.</param>
/// <param name="Replicates">Replicate trials with a defined statistic.</param>
/// <param name="Median">Median simulated value (r or slope), or NaN for an event-only entry.</param>
/// <param name="Lower95">2.5th percentile of the simulated value, or NaN.</param>
/// <param name="Upper95">97.5th percentile of the simulated value, or NaN.</param>
/// <param name="ShareSignificant">Share of replicate trials with two-sided p &lt; 0.05 (in the entry's direction when it has one).</param>
/// <param name="P">The compatibility p: two-sided for a value (twice the smaller tail, floored at 2 / replicates); for an event
/// ("not significant", "significant in a direction") its Monte Carlo probability (k + 1) / (R + 1); for a review the two-sided binomial p
/// of the published count among its tests, each significant with probability <paramref name="ShareSignificant"/>.</param>
/// <param name="Compatible">P at least alpha.</param>
/// <param name="Reading">One sentence in words.</param>
public sealed record EvidenceRow(EvidenceEntry Entry, Hypothesis Hypothesis, int Replicates, double Median, double Lower95, double Upper95,
    double ShareSignificant, double P, bool Compatible, string Reading);

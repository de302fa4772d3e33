using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// One entry under one hypothesis: the simulated statistic of replicate trials of the entry's own design and where the reported
/// statistic falls among them. Immutable; made by <see cref="EvidenceResult.Run"/>.
/// </summary>
public sealed record EvidenceRow
{
    internal EvidenceRow(EvidenceEntry entry, Hypothesis hypothesis, int replicates, double median, double lower95, double upper95,
        double shareSignificant, double p, bool compatible, string reading)
    {
        (Entry, Hypothesis, Replicates, Median, Lower95, Upper95) = (entry, hypothesis, replicates, median, lower95, upper95);
        (ShareSignificant, P, Compatible, Reading) = (shareSignificant, p, compatible, reading);
    }

    /// <summary>The entry.</summary>
    public EvidenceEntry Entry { get; }

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; }

    /// <summary>Replicate trials with a defined statistic.</summary>
    public int Replicates { get; }

    /// <summary>Median simulated value (r, slope, or responder-rate difference), or NaN when undefined in every replicate.</summary>
    public double Median { get; }

    /// <summary>2.5th percentile of the simulated value, or NaN.</summary>
    public double Lower95 { get; }

    /// <summary>97.5th percentile of the simulated value, or NaN.</summary>
    public double Upper95 { get; }

    /// <summary>Share of replicate trials with two-sided p &lt; 0.05 (in the entry's direction for a directed event or review).</summary>
    public double ShareSignificant { get; }

    /// <summary>
    /// The compatibility p: two-sided for a value (twice the smaller tail, floored at 2 / replicates); for an event ("not significant",
    /// "significant in a direction") its Monte Carlo probability (k + 1) / (R + 1); for a review the two-sided binomial p of the published
    /// count among its tests, each significant with probability <see cref="ShareSignificant"/>.
    /// </summary>
    public double P { get; }

    /// <summary>P at least alpha.</summary>
    public bool Compatible { get; }

    /// <summary>One paragraph in words.</summary>
    public string Reading { get; }
}

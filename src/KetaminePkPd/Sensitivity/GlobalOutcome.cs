using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// What the plausible worlds of a global analysis say about one hypothesis and one observation: in how many the observation
/// is compatible (two-sided p &gt;= 0.05), with the binomial Monte Carlo error of that share, the distribution of the median r
/// across them, and the importance of each assumption (<see cref="GlobalImportance"/>). Immutable.
/// </summary>
public sealed record GlobalOutcome
{
    /// <summary>The probabilities of <see cref="MedianRQuantiles"/>: 0.05, 0.25, 0.5, 0.75, 0.95.</summary>
    public static EquatableArray<double> Probabilities { get; } = [0.05, 0.25, 0.5, 0.75, 0.95];

    internal GlobalOutcome(string hypothesis, ObservedCorrelation observed, int worlds, int compatible, EquatableArray<double> quantiles, EquatableArray<GlobalImportance> importance)
    {
        Hypothesis = hypothesis;
        Observed = observed;
        Worlds = worlds;
        Compatible = compatible;
        MedianRQuantiles = quantiles;
        Importance = importance;
    }

    /// <summary>The hypothesis's name.</summary>
    public string Hypothesis { get; }

    /// <summary>The observation.</summary>
    public ObservedCorrelation Observed { get; }

    /// <summary>Plausible worlds in which the median r is defined (the denominator of <see cref="Share"/>).</summary>
    public int Worlds { get; }

    /// <summary>Of those, the worlds in which the observation is compatible (two-sided p &gt;= 0.05).</summary>
    public int Compatible { get; }

    /// <summary>The share of plausible worlds in which the observation is compatible, in [0, 1]; NaN without worlds.</summary>
    public double Share => Worlds == 0 ? double.NaN : Compatible / (double)Worlds;

    /// <summary>Binomial Monte Carlo SE of <see cref="Share"/>, sqrt(s (1 - s) / n); when s is 0 or 1 the rule-of-three bound
    /// 3 / n is the better statement of the error (<see cref="ShareUpperBound"/>).</summary>
    public double ShareStandardError => Worlds == 0 ? double.NaN : Math.Sqrt(Share * (1 - Share) / Worlds);

    /// <summary>An upper 95% bound of the share when no world is compatible (the rule of three, 3 / n); otherwise the share plus 1.96 SE, at most 1.</summary>
    public double ShareUpperBound => Worlds == 0 ? double.NaN : Compatible == 0 ? Math.Min(1, 3.0 / Worlds) : Math.Min(1, Share + 1.96 * ShareStandardError);

    /// <summary>Quantiles of the median r across the worlds at <see cref="Probabilities"/> (NaN without worlds).</summary>
    public EquatableArray<double> MedianRQuantiles { get; }

    /// <summary>Per sampled assumption (the settings' order), its PRCC with the median r.</summary>
    public EquatableArray<GlobalImportance> Importance { get; }

    /// <summary>The importance sorted by |PRCC|, largest first (undefined ones last).</summary>
    public IEnumerable<GlobalImportance> Ranking => Importance.OrderByDescending(i => double.IsNaN(i.Prcc) ? -1 : Math.Abs(i.Prcc)).ThenBy(i => i.Assumption);
}

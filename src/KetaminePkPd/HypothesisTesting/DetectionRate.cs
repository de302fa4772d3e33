using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// How often a trial of <paramref name="N"/> patients under a hypothesis finds a "significant" CADSS-response
/// correlation (two-sided p &lt; 0.05 in that trial's own Pearson test), and how often in the reported direction
/// (negative r: more dissociation, more improvement). Immutable.
/// </summary>
/// <param name="Hypothesis">The hypothesis.</param>
/// <param name="N">Patients per trial.</param>
/// <param name="Time">The assessment of the % change.</param>
/// <param name="Replicates">Replicate trials.</param>
/// <param name="ShareSignificant">Share of trials with p &lt; 0.05, either sign, in [0, 1].</param>
/// <param name="ShareSignificantNegative">Share of trials with p &lt; 0.05 and r &lt; 0, in [0, 1].</param>
/// <param name="MedianR">Median r of the trials.</param>
public sealed record DetectionRate(Hypothesis Hypothesis, int N, TimeSpan Time, int Replicates, double ShareSignificant, double ShareSignificantNegative, double MedianR)
{
    // Checked once, on construction (a with-expression copies a valid instance and is not re-checked).
    private readonly bool _checked = Guard.NotNull(Hypothesis, nameof(Hypothesis)) is not null && Guard.NonNegative(N, nameof(N)) >= 0
        && Guard.NonNegative(Time, nameof(Time)) >= TimeSpan.Zero && Guard.NonNegative(Replicates, nameof(Replicates)) >= 0
        && Guard.InRange(ShareSignificant, 0, 1, nameof(ShareSignificant)) >= 0
        && Guard.InRange(ShareSignificantNegative, 0, 1, nameof(ShareSignificantNegative)) >= 0
        && Guard.Finite(MedianR, nameof(MedianR)) == MedianR;

    /// <summary>Monte Carlo standard error of <see cref="ShareSignificant"/> (binomial).</summary>
    public double StandardError => Math.Sqrt(ShareSignificant * (1 - ShareSignificant) / Replicates);
}

using KetaminePkPd.Trials;

namespace KetaminePkPd.HypothesisTesting;

/// <summary>
/// How often a trial of <see cref="N"/> patients under a hypothesis finds a "significant" CADSS-response
/// correlation (two-sided p &lt; 0.05 in that trial's own Pearson test), and how often in the reported direction
/// (negative r: more dissociation, more improvement). Immutable.
/// </summary>
public sealed record DetectionRate
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="hypothesis">The hypothesis.</param>
    /// <param name="n">Patients per trial.</param>
    /// <param name="time">The assessment of the % change.</param>
    /// <param name="replicates">Replicate trials.</param>
    /// <param name="shareSignificant">Share of trials with p &lt; 0.05, either sign, in [0, 1].</param>
    /// <param name="shareSignificantNegative">Share of trials with p &lt; 0.05 and r &lt; 0, in [0, 1].</param>
    /// <param name="medianR">Median r of the trials.</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public DetectionRate(Hypothesis hypothesis, int n, TimeSpan time, int replicates, double shareSignificant, double shareSignificantNegative, double medianR)
    {
        Hypothesis = hypothesis;
        N = n;
        Time = time;
        Replicates = replicates;
        ShareSignificant = shareSignificant;
        ShareSignificantNegative = shareSignificantNegative;
        MedianR = medianR;
    }

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; init => field = Guard.NotNull(value, nameof(Hypothesis)); }

    /// <summary>Patients per trial.</summary>
    public int N { get; init => field = Guard.NonNegative(value, nameof(N)); }

    /// <summary>The assessment of the % change.</summary>
    public TimeSpan Time { get; init => field = Guard.NonNegative(value, nameof(Time)); }

    /// <summary>Replicate trials.</summary>
    public int Replicates { get; init => field = Guard.NonNegative(value, nameof(Replicates)); }

    /// <summary>Share of trials with p &lt; 0.05, either sign, in [0, 1].</summary>
    public double ShareSignificant { get; init => field = Guard.InRange(value, 0, 1, nameof(ShareSignificant)); }

    /// <summary>Share of trials with p &lt; 0.05 and r &lt; 0, in [0, 1].</summary>
    public double ShareSignificantNegative { get; init => field = Guard.InRange(value, 0, 1, nameof(ShareSignificantNegative)); }

    /// <summary>Median r of the trials.</summary>
    public double MedianR { get; init => field = Guard.Finite(value, nameof(MedianR)); }

    /// <summary>Monte Carlo standard error of <see cref="ShareSignificant"/> (binomial).</summary>
    public double StandardError => Math.Sqrt(ShareSignificant * (1 - ShareSignificant) / Replicates);
}

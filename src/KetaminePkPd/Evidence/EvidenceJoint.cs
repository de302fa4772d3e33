using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// The whole catalogue under one hypothesis: the weighted-Bonferroni p (<see cref="EvidenceResult.Run"/>), the entry that sets it and
/// whether the hypothesis survives. Immutable; made by <see cref="EvidenceResult.Run"/>.
/// </summary>
public sealed record EvidenceJoint
{
    internal EvidenceJoint(Hypothesis hypothesis, double p, string decisive, int groups, bool compatible) =>
        (Hypothesis, P, Decisive, Groups, Compatible) = (hypothesis, p, decisive, groups, compatible);

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; }

    /// <summary>min(1, min over entries of p x G x k): G overlap groups, k entries in the entry's group.</summary>
    public double P { get; }

    /// <summary>Key of the entry that sets <see cref="P"/>.</summary>
    public string Decisive { get; }

    /// <summary>G, the number of overlap groups (an entry without a group is its own).</summary>
    public int Groups { get; }

    /// <summary>P at least alpha: no entry, at the weight of its group, contradicts the hypothesis.</summary>
    public bool Compatible { get; }
}

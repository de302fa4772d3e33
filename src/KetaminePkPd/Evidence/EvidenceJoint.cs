using KetaminePkPd.Trials;

namespace KetaminePkPd.Evidence;

/// <summary>
/// The whole catalogue under one hypothesis: the weighted-Bonferroni p (<see cref="EvidenceAnalysis"/>), the entry that sets it and
/// whether the hypothesis survives. Immutable.
/// </summary>
/// <param name="Hypothesis">The hypothesis.</param>
/// <param name="P">min(1, min over entries of p x G x k): G overlap groups, k entries in the entry's group.</param>
/// <param name="Decisive">Key of the entry that sets <paramref name="P"/>.</param>
/// <param name="Groups">G, the number of overlap groups (an entry without a group is its own).</param>
/// <param name="Compatible">P at least alpha: no entry, at the weight of its group, contradicts the hypothesis.</param>
public sealed record EvidenceJoint(Hypothesis Hypothesis, double P, string Decisive, int Groups, bool Compatible);

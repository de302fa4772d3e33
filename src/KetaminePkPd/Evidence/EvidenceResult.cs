using System.Collections.Immutable;

namespace KetaminePkPd.Evidence;

/// <summary>The result of <see cref="EvidenceAnalysis.Run"/>: one row per entry and hypothesis (entry order, then hypothesis order) and
/// one joint verdict per hypothesis. Immutable.</summary>
/// <param name="Settings">What was run.</param>
/// <param name="Rows">Entry x hypothesis rows.</param>
/// <param name="Joint">One per hypothesis, in the settings' order.</param>
/// <param name="PatientsSimulated">Patients simulated in all pools.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record EvidenceResult(EvidenceSettings Settings, ImmutableArray<EvidenceRow> Rows, ImmutableArray<EvidenceJoint> Joint, int PatientsSimulated, TimeSpan Elapsed)
{
    /// <summary>The row of an entry under a hypothesis.</summary>
    /// <param name="key">Entry key.</param>
    /// <param name="hypothesis">Hypothesis name.</param>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public EvidenceRow this[string key, string hypothesis] =>
        Rows.FirstOrDefault(r => string.Equals(r.Entry.Key, key, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Hypothesis.Name, hypothesis, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No row for entry '{key}' under hypothesis '{hypothesis}'.");
}

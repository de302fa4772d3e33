using System.Collections.Immutable;

namespace KetaminePkPd.Evidence;

/// <summary>The result of <see cref="EvidenceAnalysis.Run"/>: one row per entry and hypothesis (entry order, then hypothesis order) and
/// one joint verdict per hypothesis. Immutable.</summary>
public sealed record EvidenceResult
{
    internal EvidenceResult(EvidenceSettings settings, ImmutableArray<EvidenceRow> rows, ImmutableArray<EvidenceJoint> joint, int patientsSimulated, TimeSpan elapsed)
    {
        Settings = settings;
        Rows = rows;
        Joint = joint;
        PatientsSimulated = patientsSimulated;
        Elapsed = elapsed;
    }

    /// <summary>What was run.</summary>
    public EvidenceSettings Settings { get; }

    /// <summary>Entry x hypothesis rows.</summary>
    public EquatableArray<EvidenceRow> Rows { get; }

    /// <summary>One per hypothesis, in the settings' order.</summary>
    public EquatableArray<EvidenceJoint> Joint { get; }

    /// <summary>Patients simulated in all pools.</summary>
    public int PatientsSimulated { get; }

    /// <summary>Wall time (not part of equality).</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>The row of an entry under a hypothesis.</summary>
    /// <param name="key">Entry key.</param>
    /// <param name="hypothesis">Hypothesis name.</param>
    /// <exception cref="KeyNotFoundException">No such row.</exception>
    public EvidenceRow this[string key, string hypothesis] =>
        Rows.FirstOrDefault(r => string.Equals(r.Entry.Key, key, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Hypothesis.Name, hypothesis, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"No row for entry '{key}' under hypothesis '{hypothesis}'.");
}

using System.Collections.Immutable;

namespace KetaminePkPd.Evidence;

/// <summary>The result of <see cref="EvidenceResult.Run"/>: one row per entry and hypothesis (entry order, then hypothesis order) and
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

    /// <summary>
    /// Tests each hypothesis against every catalogue entry on the entry's own design (a pool of patients per design and
    /// hypothesis, replicate trials of the entry's n with the entry's own test, the reported value placed in the simulated
    /// distribution), and against the catalogue as a whole (a weighted Bonferroni bound over the overlap groups, valid under
    /// any dependence). The method is described in docs/evidence.md.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="EvidenceSettings.Default"/>.</param>
    /// <param name="progress">Receives the fraction done, in [0, 1] (optional).</param>
    /// <returns>One row per entry and hypothesis and one joint verdict per hypothesis.</returns>
    /// <exception cref="ArgumentException">A hypothesis a design's population cannot express.</exception>
    public static EvidenceResult Run(EvidenceSettings? settings = null, IProgress<double>? progress = null) =>
        EvidenceAnalysis.Run(settings, progress);

    /// <summary>
    /// Prepares every entry under every hypothesis as a run of bounded steps, for a front end that must keep painting while it
    /// works (the teaching page runs on the browser's one thread); nothing is simulated until the first step. Each step
    /// simulates at most the given number of a pool's patients (a unit of work is a patient), or runs one entry's replicate
    /// trials under one hypothesis (that many units in one step). Stepped to the end, it gives the result of <see cref="Run"/>,
    /// value for value, whatever the step sizes; the result's <see cref="Elapsed"/> is the run's
    /// <see cref="SimulationRun{TResult}.Elapsed"/>.
    /// </summary>
    /// <param name="settings">What to run; null for <see cref="EvidenceSettings.Default"/>.</param>
    /// <param name="rowDone">Receives each row as soon as it is finished, with its index in <see cref="Rows"/> (entry
    /// order, then hypothesis order), so a front end can show rows as they arrive; null for none. Called on the stepping thread.</param>
    /// <exception cref="ArgumentException">A hypothesis a design's population cannot express (thrown by the step that meets it).</exception>
    public static SimulationRun<EvidenceResult> Start(EvidenceSettings? settings = null, Action<int, EvidenceRow>? rowDone = null) =>
        EvidenceAnalysis.Start(settings, rowDone);

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

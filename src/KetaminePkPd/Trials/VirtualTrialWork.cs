using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>
/// One <see cref="VirtualTrial"/> that simulates its patients in steps of bounded size (<see cref="VirtualTrial.Start"/>).
/// <see cref="VirtualTrial.Run"/> is this work stepped to the end, so the result is the same, bit for bit, whatever the
/// step sizes: patient i always uses the random streams (seed, i, 0..2) (tested).
/// </summary>
/// <remarks>The last step also summarises the trial (<see cref="TrialResult"/>: arm summaries and, per assessment, the
/// associations with their mediation bootstrap).</remarks>
internal sealed class VirtualTrialWork : SubjectWork<TrialResult>
{
    private readonly TrialDesign _design;
    private readonly Hypothesis _hypothesis;
    private readonly ulong _seed;
    private readonly TrialSimulator _simulator;
    private readonly TrialSubjectResult[]? _subjects;   // null when the patients are not kept
    private readonly TrialColumns _columns;
    private readonly Action<TrialSubjectResult>? _sink;
    private TrialSubjectResult[] _block = [];
    private int _blockStart;

    /// <summary>Prepares the trial, optionally without keeping the patients (the result's <see cref="TrialResult.Subjects"/> is then
    /// empty) and handing each one, in index order, to <paramref name="sink"/> at the end of the step that simulated it.</summary>
    internal VirtualTrialWork(TrialDesign design, Hypothesis? hypothesis, ulong seed, bool parallel, bool keepSubjects, Action<TrialSubjectResult>? sink)
        : base((design ?? throw new ArgumentNullException(nameof(design))).TotalSubjects, parallel)
    {
        _design = design;
        _hypothesis = hypothesis ?? Hypothesis.ExposureOnly;
        _seed = seed;
        _simulator = new TrialSimulator(design, _hypothesis, seed);
        _subjects = keepSubjects ? new TrialSubjectResult[design.TotalSubjects] : null;
        _columns = new TrialColumns(design.TotalSubjects, design.Assessments.Length);
        _sink = sink;
    }

    internal override string What => "trial";

    private protected override void BeginStep(int from, int to)
    {
        if (_subjects is not null || _sink is null) return;
        if (_block.Length < to - from) _block = new TrialSubjectResult[to - from];
        _blockStart = from;
    }

    private protected override void Simulate(int i)
    {
        var s = _simulator.Rate(_simulator.Simulate(i), 2);
        _columns.Set(i, s);
        if (_subjects is not null) _subjects[i] = s;
        else if (_sink is not null) _block[i - _blockStart] = s;
    }

    private protected override void EndStep(int from, int to)
    {
        if (_sink is null) return;
        for (int i = from; i < to; i++) _sink(_subjects is not null ? _subjects[i] : _block[i - from]);
        if (_subjects is null) Array.Clear(_block);
    }

    private protected override TrialResult Finish() =>
        new(_design, _hypothesis, _seed, _subjects is null ? [] : ImmutableArray.Create(_subjects), _columns, IsParallel);
}

using System.Collections.Immutable;

namespace KetaminePkPd.Trials;

/// <summary>The outcome of <see cref="VirtualTrial.Run"/>: every patient, summaries per arm and overall, and the dissociation-response associations. Immutable.</summary>
public sealed class TrialResult
{
    internal TrialResult(TrialDesign design, Hypothesis hypothesis, ulong seed, ImmutableArray<TrialSubjectResult> subjects)
    {
        Design = design;
        Hypothesis = hypothesis;
        Seed = seed;
        Subjects = subjects;
        int k = design.Assessments.Length;
        Arms = [.. design.Arms.Select((a, i) => ArmSummary.Of(a.Name, [.. subjects.Where(s => s.Simulated.Arm == i)], k))];
        Overall = ArmSummary.Of("all", subjects, k);
        // The mediation bootstrap uses its own seeded stream: (seed mod 2^31) + assessment index.
        Associations = [.. Enumerable.Range(0, k).Select(i => AssociationSummary.Of(design.Assessments[i], subjects, i, (int)(seed % int.MaxValue) + i))];
    }

    /// <summary>The design.</summary>
    public TrialDesign Design { get; }

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; }

    /// <summary>The seed; the same seed gives the same trial.</summary>
    public ulong Seed { get; }

    /// <summary>Every patient, in index order.</summary>
    public ImmutableArray<TrialSubjectResult> Subjects { get; }

    /// <summary>Per-arm summaries, in the design's order.</summary>
    public ImmutableArray<ArmSummary> Arms { get; }

    /// <summary>Summary over all arms.</summary>
    public ArmSummary Overall { get; }

    /// <summary>CADSS-response associations over all patients, one per assessment (null where undefined, e.g. fewer than 4 patients).</summary>
    public ImmutableArray<AssociationSummary?> Associations { get; }
}

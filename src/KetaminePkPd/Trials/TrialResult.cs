using System.Collections.Immutable;
using System.Runtime.InteropServices;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Trials;

/// <summary>The outcome of <see cref="VirtualTrial.Run"/>: every patient, summaries per arm and overall, and the dissociation-response associations. Immutable.</summary>
public sealed class TrialResult
{
    internal TrialResult(TrialDesign design, Hypothesis hypothesis, ulong seed, ImmutableArray<TrialSubjectResult> subjects, TrialColumns columns, bool parallel = false)
    {
        Design = design;
        Hypothesis = hypothesis;
        Seed = seed;
        Subjects = subjects;
        int k = design.Assessments.Length;
        // A large trial's simulation garbage is released first, then each summary's temporary arrays before the next.
        LargeArrays.Release(columns.Count);
        var sizes = new int[design.Arms.Length];
        foreach (int arm in columns.Arm) sizes[arm]++;
        var arms = sizes.Select(n => new int[n]).ToArray();
        var filled = new int[sizes.Length];
        for (int i = 0; i < columns.Count; i++) arms[columns.Arm[i]][filled[columns.Arm[i]]++] = i;
        Arms = [.. design.Arms.Select((a, i) => ArmSummary.Of(a.Name, columns, arms[i], k))];
        arms = null;
        LargeArrays.Release(columns.Count);
        Overall = ArmSummary.Of("all", columns, null, k);
        LargeArrays.Release(columns.Count);
        // The mediation bootstrap uses its own seeded stream: (seed mod 2^31) + assessment index.
        Associations = [.. AssociationSummary.All(design.Assessments, columns, [.. Enumerable.Range(0, k).Select(i => (int)(seed % int.MaxValue) + i)], parallel)];
        RatedCadss = ImmutableCollectionsMarshal.AsImmutableArray(columns.Cadss);
        PercentChanges = [.. columns.PercentChange.Select(ImmutableCollectionsMarshal.AsImmutableArray)];
    }

    /// <summary>The design.</summary>
    public TrialDesign Design { get; }

    /// <summary>The hypothesis.</summary>
    public Hypothesis Hypothesis { get; }

    /// <summary>The seed; the same seed gives the same trial.</summary>
    public ulong Seed { get; }

    /// <summary>Every patient, in index order; empty when the run did not keep them (<see cref="VirtualTrial.RunStreamed"/> writes
    /// them out as they are simulated instead). <see cref="Overall"/> counts the patients either way.</summary>
    public ImmutableArray<TrialSubjectResult> Subjects { get; }

    /// <summary>Every patient's rated CADSS at the design's CADSS time, in index order (kept whether or not <see cref="Subjects"/> is).</summary>
    public ImmutableArray<double> RatedCadss { get; }

    /// <summary>Every patient's % change of the depression score from baseline (negative = improvement), per assessment and
    /// then in index order (kept whether or not <see cref="Subjects"/> is).</summary>
    public ImmutableArray<ImmutableArray<double>> PercentChanges { get; }

    /// <summary>Per-arm summaries, in the design's order.</summary>
    public ImmutableArray<ArmSummary> Arms { get; }

    /// <summary>Summary over all arms.</summary>
    public ArmSummary Overall { get; }

    /// <summary>CADSS-response associations over all patients, one per assessment (null where undefined, e.g. fewer than 4 patients).</summary>
    public ImmutableArray<AssociationSummary?> Associations { get; }
}

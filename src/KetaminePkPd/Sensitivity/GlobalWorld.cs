namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The summary of one sampled world of a global analysis (<see cref="GlobalSensitivityResult.Run"/>): its index, the multiple
/// of the design's current value drawn for each assumption, the plausibility targets measured in it, whether it hits them
/// all, and, when it does, the median replicate r and the two-sided compatibility p of every hypothesis and observation.
/// This is all a world keeps (no patient), so a run's memory grows by a few hundred bytes per world. Immutable;
/// <see cref="Create"/> rebuilds one from a file.
/// </summary>
public sealed record GlobalWorld
{
    internal GlobalWorld(int index, EquatableArray<double> multipliers, EquatableArray<double> targets, bool isPlausible, EquatableArray<double> medianR, EquatableArray<double> twoSidedP)
    {
        Index = index;
        Multipliers = multipliers;
        Targets = targets;
        IsPlausible = isPlausible;
        MedianR = medianR;
        TwoSidedP = twoSidedP;
    }

    /// <summary>Rebuilds a world, e.g. read from a shard file.</summary>
    /// <param name="index">World index, at least 0.</param>
    /// <param name="multipliers">One finite multiple per assumption, at least 0.</param>
    /// <param name="targets">One measured value per plausibility target, finite or NaN (undefined, e.g. a ratio of SDs over a constant arm).</param>
    /// <param name="isPlausible">Whether every target was hit.</param>
    /// <param name="medianR">Per hypothesis and observation (hypothesis-major), a median r in [-1, 1] or NaN (not run or undefined).</param>
    /// <param name="twoSidedP">Per hypothesis and observation, a p in [0, 1] or NaN, NaN exactly where <paramref name="medianR"/> is.</param>
    /// <exception cref="ArgumentException">A value out of range, or the two last arrays of different lengths or NaN patterns.</exception>
    public static GlobalWorld Create(int index, IReadOnlyList<double> multipliers, IReadOnlyList<double> targets, bool isPlausible,
        IReadOnlyList<double> medianR, IReadOnlyList<double> twoSidedP)
    {
        ArgumentNullException.ThrowIfNull(multipliers);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(medianR);
        ArgumentNullException.ThrowIfNull(twoSidedP);
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be >= 0, got {index}.");
        if (multipliers.Any(m => !double.IsFinite(m) || m < 0)) throw new ArgumentException($"World {index}: multipliers must be finite and >= 0.", nameof(multipliers));
        if (targets.Any(double.IsInfinity)) throw new ArgumentException($"World {index}: targets must be finite or NaN.", nameof(targets));
        if (medianR.Count != twoSidedP.Count) throw new ArgumentException($"World {index}: medianR and twoSidedP must have the same length, got {medianR.Count} and {twoSidedP.Count}.", nameof(twoSidedP));
        for (int i = 0; i < medianR.Count; i++)
        {
            bool bad = double.IsNaN(medianR[i]) != double.IsNaN(twoSidedP[i])
                || (!double.IsNaN(medianR[i]) && (medianR[i] is < -1 or > 1 || twoSidedP[i] is < 0 or > 1 || !double.IsFinite(medianR[i])));
            if (bad) throw new ArgumentException($"World {index}: median r {medianR[i]} and p {twoSidedP[i]} must be in [-1, 1] and [0, 1], or both NaN.", nameof(medianR));
        }
        return new GlobalWorld(index, [.. multipliers], [.. targets], isPlausible, [.. medianR], [.. twoSidedP]);
    }

    /// <summary>World index (0-based): its draw and its patients depend only on the seed and this index.</summary>
    public int Index { get; }

    /// <summary>Per assumption of the settings (same order), the multiple of the design's current value drawn (for
    /// <see cref="SensitivityAssumption.DoseSpread"/>: the spread factor k of the per-patient dose multiplier in [1/k, k]).</summary>
    public EquatableArray<double> Multipliers { get; }

    /// <summary>Per plausibility target (<see cref="GlobalSensitivityResult.Targets"/>, same order), the value measured in this world (NaN where undefined, which counts as a miss).</summary>
    public EquatableArray<double> Targets { get; }

    /// <summary>True when every plausibility target is within its acceptance interval.</summary>
    public bool IsPlausible { get; }

    /// <summary>Per hypothesis and observation (index h x observations + o), the median replicate r; NaN in an implausible world (not run) or where r is undefined.</summary>
    public EquatableArray<double> MedianR { get; }

    /// <summary>Per hypothesis and observation, the two-sided compatibility p of the observation with the replicate r; NaN where <see cref="MedianR"/> is.</summary>
    public EquatableArray<double> TwoSidedP { get; }
}

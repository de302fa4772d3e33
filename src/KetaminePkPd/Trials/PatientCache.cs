using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// What several <see cref="TrialSimulator"/>s of the same design, seed and dose spread share per patient: the sampled patient,
/// their pharmacokinetics and their dissociation (no hypothesis changes either), and the whole noise-free course under the
/// hypotheses that link nothing (exposure-only and expectancy, which acts only when the patient is rated). Each patient's slot
/// is written by the one thread that simulates that patient and read only after that phase has ended.
/// </summary>
internal sealed class PatientCache
{
    private readonly int[]? _indices;   // sorted patient indices with a slot, or null for slots 0 .. size-1
    private readonly DissociationPart?[] _parts;
    private readonly SimulatedSubject?[] _unlinked;

    /// <summary>A cache for patients 0 .. <paramref name="size"/>-1.</summary>
    public PatientCache(int size)
    {
        _parts = new DissociationPart?[size];
        _unlinked = new SimulatedSubject?[size];
    }

    /// <summary>A cache for the given patients only (sorted, distinct): memory grows with them, not with the pool.</summary>
    public PatientCache(int[] sortedIndices)
    {
        _indices = sortedIndices;
        _parts = new DissociationPart?[sortedIndices.Length];
        _unlinked = new SimulatedSubject?[sortedIndices.Length];
    }

    private int Slot(int index)
    {
        if (_indices is null) return index < _parts.Length ? index : -1;
        int slot = Array.BinarySearch(_indices, index);
        return slot >= 0 ? slot : -1;
    }

    public DissociationPart? Part(int index) => Slot(index) is int s and >= 0 ? _parts[s] : null;

    public void Store(int index, DissociationPart part)
    {
        if (Slot(index) is int s and >= 0) _parts[s] = part;
    }

    public SimulatedSubject? Unlinked(int index) => Slot(index) is int s and >= 0 ? _unlinked[s] : null;

    public void Store(int index, SimulatedSubject subject)
    {
        if (Slot(index) is int s and >= 0) _unlinked[s] = subject;
    }
}

/// <summary>One patient's sampled parameters, exposure and noise-free dissociation (the PK model itself is rebuilt from the parameters when
/// needed: it is cheap to make and large to keep).</summary>
internal sealed record DissociationPart(VirtualSubject Subject, double Factor, double SystemicClearanceLPerH, double CentralVolumeL,
    double ConcentrationAtCadssNgPerMl, double CmaxNgPerMl, double Auc0To24NgHPerMl, double DissociationC50NgPerMl, double CadssAtRatingTime, double CadssPeak);

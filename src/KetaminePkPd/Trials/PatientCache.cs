using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Trials;

/// <summary>
/// What several <see cref="TrialSimulator"/>s of the same design, seed and dose spread share per patient: their
/// pharmacokinetics and their dissociation (no hypothesis changes either), as <see cref="DissociationValues"/> (nine
/// numbers; the sampled patient is drawn again from its stream when needed, which costs far less than keeping it), and,
/// when asked for, the whole noise-free course under the hypotheses that link nothing (exposure-only and expectancy, which
/// acts only when the patient is rated), and, when asked for, each patient's PK prepared for its regimen (<see cref="PreparedPk"/>,
/// about 1.2 KB: the hypotheses that link something then simulate the antidepressant course without rebuilding the patient's PK
/// model, about 2 KB of short-lived objects each time under an intravenous regimen, 6 KB otherwise). Each patient's slot is written by the one thread that simulates that patient and
/// read only after that phase has ended.
/// </summary>
internal sealed class PatientCache
{
    private readonly int[]? _indices;   // sorted patient indices with a slot, or null for slots 0 .. size-1
    private readonly DissociationValues[] _parts;
    private readonly bool[] _has;
    private readonly SimulatedSubject?[]? _unlinked;
    private readonly PreparedPk?[]? _pk;

    /// <summary>Bytes a racemic patient's <see cref="PreparedPk"/> under an intravenous infusion keeps, its step limit made (measured with
    /// GC.GetTotalMemory over 2000 of them, AllocBreakdown in the benchmarks: 1,194 bytes), rounded up.</summary>
    public const int PreparedPkBytes = 1200;

    /// <summary>Largest dense cache that should keep the prepared PK (about 1.2 KB a patient, so at most about 120 MB).</summary>
    public const int KeepPkUpTo = 100_000;

    /// <summary>Bytes kept per patient without the unlinked courses (the index only for a sparse cache).</summary>
    public static int BytesPerPatient(bool sparse, bool keepPk = false) => (sparse ? 4 : 0) + (keepPk ? 8 + PreparedPkBytes : 0) + 9 * 8 + 1;

    /// <summary>A cache for patients 0 .. <paramref name="size"/>-1.</summary>
    /// <param name="size">Patients.</param>
    /// <param name="keepUnlinked">Also keep each patient's <see cref="SimulatedSubject"/> under the hypotheses that link nothing (about 600 bytes each).</param>
    /// <param name="keepPk">Also keep each patient's prepared PK (about 1.2 KB each).</param>
    public PatientCache(int size, bool keepUnlinked = false, bool keepPk = false)
    {
        _parts = new DissociationValues[size];
        _has = new bool[size];
        _unlinked = keepUnlinked ? new SimulatedSubject?[size] : null;
        _pk = keepPk ? new PreparedPk?[size] : null;
    }

    /// <summary>A cache for the given patients only (sorted, distinct): memory grows with them, not with the pool.</summary>
    /// <param name="sortedIndices">The patients, sorted and distinct.</param>
    /// <param name="keepPk">Also keep each patient's prepared PK (about 1.2 KB each). The hypothesis test does not: it simulates a
    /// patient's courses right after its dissociation on the same thread, which hands them the PK it has just made
    /// (<see cref="TrialSimulator.Dissociation"/>), and kept PK objects would only survive collections (measured: the main job's
    /// collector pauses 2-3 times longer with them).</param>
    public PatientCache(int[] sortedIndices, bool keepPk = false)
    {
        _indices = sortedIndices;
        _parts = new DissociationValues[sortedIndices.Length];
        _has = new bool[sortedIndices.Length];
        _pk = keepPk ? new PreparedPk?[sortedIndices.Length] : null;
    }

    private int Slot(int index)
    {
        if (_indices is null) return index < _parts.Length ? index : -1;
        int slot = Array.BinarySearch(_indices, index);
        return slot >= 0 ? slot : -1;
    }

    /// <summary>The dissociation values of patient <paramref name="index"/>, or null when not (yet) simulated or not held.</summary>
    public DissociationValues? Part(int index) => Slot(index) is int s and >= 0 && _has[s] ? _parts[s] : null;

    /// <summary>Patient <paramref name="index"/>'s prepared PK, or null when not (yet) simulated or not kept.</summary>
    public PreparedPk? Pk(int index) => _pk is not null && Slot(index) is int s and >= 0 ? _pk[s] : null;

    public void Store(int index, in DissociationValues part, PreparedPk? pk = null)
    {
        if (Slot(index) is int s and >= 0)
        {
            _parts[s] = part;
            _has[s] = true;
            if (_pk is not null) _pk[s] = pk;
        }
    }

    /// <summary>True when the cache keeps each patient's course under the hypotheses that link nothing.</summary>
    public bool KeepsUnlinked => _unlinked is not null;

    public SimulatedSubject? Unlinked(int index) => _unlinked is not null && Slot(index) is int s and >= 0 ? _unlinked[s] : null;

    public void Store(int index, SimulatedSubject subject)
    {
        if (_unlinked is not null && Slot(index) is int s and >= 0) _unlinked[s] = subject;
    }
}

/// <summary>One patient's exposure and noise-free dissociation, as the cache keeps them (no per-patient object).</summary>
internal readonly record struct DissociationValues(double Factor, double SystemicClearanceLPerH, double CentralVolumeL,
    double ConcentrationAtCadssNgPerMl, double CmaxNgPerMl, double Auc0To24NgHPerMl, double DissociationC50NgPerMl, double CadssAtRatingTime, double CadssPeak);

/// <summary>A patient's PK prepared for its regimen, with the two numbers of its PK model that <see cref="DissociationValues"/> keep,
/// made by one simulator for another whose PK inputs are the same (<see cref="TrialSimulator.SharesPkSetting"/>).</summary>
internal readonly record struct SharedPk(PreparedPk Pk, double SystemicClearanceLPerH, double CentralVolumeL);

/// <summary>One patient's sampled parameters, exposure and noise-free dissociation (the PK model itself is rebuilt from the parameters when
/// needed: it is cheap to make and large to keep). A struct: a trial patient's part is made once per patient and read by each course.</summary>
internal readonly record struct DissociationPart(VirtualSubject Subject, DissociationValues Values)
{
    /// <summary>The PK the part was simulated with, prepared for the patient's regimen: when it was simulated just now, or kept by the
    /// cache (null when the cache does not keep it).</summary>
    public PreparedPk? Pk { get; init; }

    public double Factor => Values.Factor;
    public double SystemicClearanceLPerH => Values.SystemicClearanceLPerH;
    public double CentralVolumeL => Values.CentralVolumeL;
    public double ConcentrationAtCadssNgPerMl => Values.ConcentrationAtCadssNgPerMl;
    public double CmaxNgPerMl => Values.CmaxNgPerMl;
    public double Auc0To24NgHPerMl => Values.Auc0To24NgHPerMl;
    public double DissociationC50NgPerMl => Values.DissociationC50NgPerMl;
    public double CadssAtRatingTime => Values.CadssAtRatingTime;
    public double CadssPeak => Values.CadssPeak;
}


namespace KetaminePkPd.Trials;

/// <summary>
/// A simulated pool as replicate trials use it: per patient only what rating and correlating need, in flat arrays (the
/// patient index and arm, the true CADSS at the rating time and its peak, the exposure at the CADSS time, the baseline, the
/// placebo and slow improvements, and the true drug effect at each assessment an observation uses), instead of one
/// <see cref="SimulatedSubject"/> record per patient. That is <see cref="BytesPerPatient"/> bytes per patient (76 for two
/// observation times) against about 600 for a record. The pool phases simulate straight into it
/// (<see cref="TrialSimulator.SimulateInto"/>), making no record at all.
/// </summary>
/// <remarks>A pool holds patients 0 .. size-1, or only the sorted patient indices given (those some replicate enrols):
/// <see cref="SlotOf"/> finds a patient's slot. Each slot is written by the one thread that simulates that patient and read
/// only after the simulation phase has ended.</remarks>
internal sealed class RatingPool
{
    private readonly int[]? _indices;   // sorted patient indices with a slot, or null for slots 0 .. Count-1
    private readonly int[] _columnOf;   // assessment index -> column of the drug effects, or -1
    private readonly int _columns;

    /// <summary>A pool for patients 0 .. <paramref name="size"/>-1, keeping the drug effect at the assessments <paramref name="assessments"/>.</summary>
    /// <param name="size">Patients in the pool.</param>
    /// <param name="assessmentCount">Assessments of the design.</param>
    /// <param name="assessments">The assessment indices the replicate trials rate (repeats allowed).</param>
    public RatingPool(int size, int assessmentCount, IEnumerable<int> assessments)
        : this(null, size, size, assessmentCount, assessments)
    {
    }

    /// <summary>A pool for the given patients only (sorted, distinct): memory grows with them, not with the pool they come from.</summary>
    /// <param name="sortedIndices">Patient indices, ascending.</param>
    /// <param name="poolSize">Patients in the pool the indices come from (replicate trials enrol from all of them).</param>
    /// <param name="assessmentCount">Assessments of the design.</param>
    /// <param name="assessments">The assessment indices the replicate trials rate (repeats allowed).</param>
    public RatingPool(int[] sortedIndices, int poolSize, int assessmentCount, IEnumerable<int> assessments)
        : this(sortedIndices, sortedIndices.Length, poolSize, assessmentCount, assessments)
    {
    }

    private RatingPool(int[]? indices, int size, int poolSize, int assessmentCount, IEnumerable<int> assessments)
    {
        _indices = indices;
        Count = size;
        PoolSize = poolSize;
        _columnOf = new int[assessmentCount];
        Array.Fill(_columnOf, -1);
        foreach (int k in assessments)
            if (_columnOf[k] < 0) _columnOf[k] = _columns++;
        Arm = new int[size];
        Cadss = new double[size];
        CadssPeak = new double[size];
        Exposure = new double[size];
        Baseline = new double[size];
        Placebo = new double[size];
        SlowPlacebo = new double[size];
        Effects = new double[(long)size * _columns];
    }

    /// <summary>A copy sharing everything but the clinical draws, which are new arrays.</summary>
    private RatingPool(RatingPool from)
    {
        _indices = from._indices;
        _columnOf = from._columnOf;
        _columns = from._columns;
        Count = from.Count;
        PoolSize = from.PoolSize;
        Arm = from.Arm;
        Cadss = from.Cadss;
        CadssPeak = from.CadssPeak;
        Exposure = from.Exposure;
        Effects = from.Effects;
        Baseline = new double[Count];
        Placebo = new double[Count];
        SlowPlacebo = new double[Count];
    }

    /// <summary>Bytes kept per patient for <paramref name="assessments"/> distinct rated assessments (the index only when the pool is sparse).</summary>
    public static int BytesPerPatient(int assessments, bool sparse) => (sparse ? 4 : 0) + 4 + 6 * 8 + 8 * assessments;

    /// <summary>Patients held.</summary>
    public int Count { get; }

    /// <summary>Patients of the pool that replicate trials enrol from (at least <see cref="Count"/>: a sparse pool holds only those some trial enrols).</summary>
    public int PoolSize { get; }

    public int[] Arm { get; }

    /// <summary>True CADSS at the CADSS rating time.</summary>
    public double[] Cadss { get; }

    /// <summary>True peak CADSS.</summary>
    public double[] CadssPeak { get; }

    /// <summary>Plasma concentration at the CADSS time, ng/mL.</summary>
    public double[] Exposure { get; }

    /// <summary>Baseline MADRS.</summary>
    public double[] Baseline { get; }

    /// <summary>Placebo improvement once fully developed, MADRS points.</summary>
    public double[] Placebo { get; }

    /// <summary>Slow improvement once fully developed, MADRS points.</summary>
    public double[] SlowPlacebo { get; }

    /// <summary>The true drug effect, MADRS points: slot x columns + column.</summary>
    public double[] Effects { get; }

    /// <summary>The patient index of <paramref name="slot"/>.</summary>
    public int IndexOf(int slot) => _indices is null ? slot : _indices[slot];

    /// <summary>The slot of patient <paramref name="index"/>.</summary>
    /// <exception cref="InvalidOperationException">The pool does not hold the patient (a bug: enrolments and pool disagree).</exception>
    public int SlotOf(int index)
    {
        if (_indices is null) return index;
        int slot = Array.BinarySearch(_indices, index);
        return slot >= 0 ? slot : throw new InvalidOperationException($"Patient {index} is not in the pool.");
    }

    /// <summary>The drug effect of <paramref name="slot"/> at assessment <paramref name="assessment"/> (one of those the pool keeps).</summary>
    public double Effect(int slot, int assessment) => Effects[(long)slot * _columns + _columnOf[assessment]];

    /// <summary>Keeps what replicate trials need of <paramref name="s"/> in <paramref name="slot"/>.</summary>
    public void Store(int slot, SimulatedSubject s) =>
        Store(slot, s.Arm, s.CadssAtRatingTime, s.CadssPeak, s.ConcentrationAtCadssNgPerMl,
            (s.BaselineMadrs, s.PlaceboMadrs, s.SlowPlaceboMadrs), s.DrugEffectMadrs.AsSpan());

    /// <summary>Keeps what replicate trials need of a patient simulated in parts (the values <see cref="Store(int, SimulatedSubject)"/>
    /// takes from the <see cref="SimulatedSubject"/> made of the same parts).</summary>
    /// <param name="slot">The patient's slot.</param>
    /// <param name="arm">The patient's arm.</param>
    /// <param name="dissociation">The patient's exposure and noise-free dissociation.</param>
    /// <param name="clinical">Baseline MADRS, placebo and slow improvement.</param>
    /// <param name="effect">The drug effect at every assessment of the design.</param>
    public void Store(int slot, int arm, in DissociationValues dissociation, (double Baseline, double Placebo, double SlowPlacebo) clinical, ReadOnlySpan<double> effect) =>
        Store(slot, arm, dissociation.CadssAtRatingTime, dissociation.CadssPeak, dissociation.ConcentrationAtCadssNgPerMl, clinical, effect);

    /// <summary>Whether the values a pool keeps of a patient simulated in parts are finite, as the <see cref="SimulatedSubject"/> made of
    /// the same parts requires: the peak CADSS only when <paramref name="peak"/> (a rated pool may not compute it), Cmax and AUC0-24 only
    /// when <paramref name="exposure"/> (nor them).</summary>
    public static bool Keeps(in DissociationValues v, ReadOnlySpan<double> effect, bool peak, bool exposure)
    {
        foreach (double x in effect) if (!double.IsFinite(x)) return false;
        return double.IsFinite(v.ConcentrationAtCadssNgPerMl) && double.IsFinite(v.CadssAtRatingTime) && (!peak || double.IsFinite(v.CadssPeak))
            && (!exposure || (double.IsFinite(v.CmaxNgPerMl) && double.IsFinite(v.Auc0To24NgHPerMl)))
            && double.IsFinite(v.SystemicClearanceLPerH) && double.IsFinite(v.CentralVolumeL) && double.IsFinite(v.DissociationC50NgPerMl);
    }

    private void Store(int slot, int arm, double cadss, double cadssPeak, double exposure, (double Baseline, double Placebo, double SlowPlacebo) clinical,
        ReadOnlySpan<double> effect)
    {
        Arm[slot] = arm;
        Cadss[slot] = cadss;
        CadssPeak[slot] = cadssPeak;
        Exposure[slot] = exposure;
        (Baseline[slot], Placebo[slot], SlowPlacebo[slot]) = clinical;
        long at = (long)slot * _columns;
        for (int k = 0; k < _columnOf.Length; k++)
            if (_columnOf[k] >= 0) Effects[at + _columnOf[k]] = effect[k];
    }

    /// <summary>The same patients with baseline and placebo redrawn under <paramref name="simulator"/>'s clinical model (common random numbers; see <see cref="TrialSimulator.WithClinicalDraws"/>).</summary>
    public RatingPool WithClinicalDraws(TrialSimulator simulator)
    {
        var copy = new RatingPool(this);
        for (int slot = 0; slot < Count; slot++)
            (copy.Baseline[slot], copy.Placebo[slot], copy.SlowPlacebo[slot]) = simulator.ClinicalDrawsOf(IndexOf(slot));
        return copy;
    }
}

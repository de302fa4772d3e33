using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// The per-patient parts that the pools of one sensitivity shard share with the pool of the design's own pharmacology (the
/// base): each patient's PK prepared for its regimen, its exposure and noise-free dissociation, and its antidepressant course.
/// Under common random numbers most settings leave some of these unchanged (an antidepressant SD changes neither the PK nor
/// the dissociation; a dissociation SD neither the PK nor, when the hypothesis links nothing, the course; the CADSS time not
/// the PK), and a setting's pool takes those from here instead of simulating them again.
/// </summary>
/// <remarks>
/// <para>What is shared is decided per patient from the inputs each part is made of, never from the name of the assumption:
/// the PK when the two simulators make it from the same inputs (<see cref="TrialSimulator.SharesPkSetting"/>) and the patient's
/// covariates, PK random effects and dose multiplier are the same bit for bit; the dissociation when also its setting is the
/// same (<see cref="TrialSimulator.SharesDissociationSetting"/>) and the random effects its model reads are the same bit for bit;
/// the course likewise (<see cref="TrialSimulator.SharesCourseSetting"/>, the antidepressant model's random effects). Which
/// random effects each model reads is found once per parameter set and drug by building each model with one random effect
/// changed and comparing the models' whole state (<see cref="EffectsRead"/>). A shared part is then the result of the same
/// function on the same numbers (<see cref="TrialSimulator.DissociationOf"/>, <see cref="TrialSimulator.CourseEffects"/>), so a
/// pool is bit for bit the pool its setting simulates alone (tested per setting).</para>
/// <para>The dissociation a pool keeps is the rated one (<see cref="TrialSimulator.DissociationOf"/> with <c>rated</c>): what
/// rating reads, without Cmax and AUC0-24 and, unless the hypothesis reads it (expectancy, a link), without the peak search.</para>
/// <para>A part is made by the base simulator the first time a setting needs it (in plan order the base's own pool comes first,
/// so a whole run makes each once; a shard without the base pool makes what its settings need). Memory: per patient the nine
/// dissociation values, the effect at each assessment and, for pools of up to <see cref="KeepPkUpTo"/> patients, the prepared
/// PK (about 1.2 KB); nothing grows with the number of settings. Patient i's slots are written by the one thread that
/// simulates patient i in a pool phase and read only by that thread or after that phase.</para>
/// </remarks>
internal sealed class SharedPoolParts
{
    private readonly TrialSimulator _base;
    private readonly int _assessments;
    private readonly DissociationValues[] _values;
    private readonly bool[] _hasValues, _hasCourse;
    private readonly PreparedPk?[]? _pk;
    private readonly double[] _effects;

    /// <param name="baseSimulator">The simulator of the design's own pharmacology (no setting applied, no dose spread).</param>
    /// <param name="poolSize">Patients 0 .. poolSize - 1.</param>
    /// <param name="keepPk">Keep the prepared PKs (null: for pools of up to <see cref="KeepPkUpTo"/> patients).</param>
    public SharedPoolParts(TrialSimulator baseSimulator, int poolSize, bool? keepPk = null)
    {
        _base = baseSimulator;
        _assessments = baseSimulator.AssessmentCount;
        _values = new DissociationValues[poolSize];
        _hasValues = new bool[poolSize];
        _hasCourse = new bool[poolSize];
        _pk = (keepPk ?? poolSize <= KeepPkUpTo) ? new PreparedPk?[poolSize] : null;
        _effects = new double[(long)poolSize * _assessments];
    }

    /// <summary>Largest pool whose prepared PKs are kept (about 1.2 KB a patient, so at most about 24 MB); larger pools share the
    /// dissociation and the course, and make the PK again where only it is shared.</summary>
    public const int KeepPkUpTo = 20_000;

    /// <summary>Bytes kept per patient (the prepared PK only up to <see cref="KeepPkUpTo"/> patients).</summary>
    public static int BytesPerPatient(int assessments, bool keepPk) => 9 * 8 + 2 + 8 * assessments + (keepPk ? 8 + PatientCache.PreparedPkBytes : 0);

    /// <summary>What <paramref name="level"/> (a setting's pool simulator) can share with the base, setting by setting.</summary>
    public Sharing For(TrialSimulator level) => new(this, level);

    /// <summary>
    /// Simulates patient <paramref name="index"/> under <paramref name="sharing"/>'s setting into <paramref name="pool"/>, taking
    /// from the base the parts whose inputs are the same.
    /// </summary>
    /// <param name="sharing">The setting's pool simulator and what it shares.</param>
    /// <param name="index">The patient.</param>
    /// <param name="pool">Receives the patient.</param>
    /// <param name="tapes">Optional (a worker's, which simulates the patient in every pool one after the other): they hold the base's
    /// marches of the patient. A setting that takes the patient's PK from the base and marches through the base's output times
    /// replays them where its linear part is the base's (a spread of C50_D or EMAX_D for the dissociation, of EC50_A, SCALE_A or
    /// KDEC for the course: they change the effect's output or filter, not K); other marches leave the tapes alone. The values are
    /// the same with or without them.</param>
    public void Simulate(Sharing sharing, int index, RatingPool pool, Tapes? tapes = null)
    {
        var level = sharing.Level;
        var effect = new double[_assessments];
        var vs = level.Sample(index);
        double factor = level.DoseFactorOf(index);
        bool pk = false, dissociation = false, course = false;
        if (sharing.IsBase) pk = dissociation = course = true;
        else if (sharing.Pk)
        {
            var b = _base.Sample(index);
            pk = BitConverter.DoubleToInt64Bits(factor) == BitConverter.DoubleToInt64Bits(_base.DoseFactorOf(index))
                && vs.Subject == b.Subject && Bits.Same(vs.PkRandomEffects.AsSpan(), b.PkRandomEffects.AsSpan());
            dissociation = pk && sharing.Dissociation && SameAt(sharing.DissociationReads, vs, b);
            course = pk && sharing.Course && SameAt(sharing.CourseReads, vs, b);
        }
        // The base's marches of this patient are on the tapes (made just before, or here by EnsureBase): a march of the same PK with the
        // same output times may replay them; any other march (other PK or times: it cannot replay) leaves them alone.
        var replay = pk && sharing.SameOutputTimes ? tapes : null;
        DissociationValues values;
        PreparedPk? prepared = null;
        if (pk)
        {
            EnsureBase(index, tapes);
            prepared = _pk?[index];
        }
        if (dissociation) values = _values[index];
        else
        {
            var shared = prepared is { } p ? new SharedPk(p, _values[index].SystemicClearanceLPerH, _values[index].CentralVolumeL) : (SharedPk?)null;
            (values, prepared) = level.DissociationOf(index, vs, factor, shared, replay?.Dissociation, rated: true);
        }
        if (course)
        {
            EnsureBaseCourse(index, tapes);
            _effects.AsSpan((int)((long)index * _assessments), _assessments).CopyTo(effect);
        }
        else level.CourseEffects(index, vs, values, prepared, effect, replay?.Course);
        if (!RatingPool.Keeps(values, effect, level.ReadsCadssPeak, exposure: false))
        {
            // What the whole simulation rejects (non-finite values): let it throw as it does.
            pool.Store(index, level.Simulate(index));
            return;
        }
        pool.Store(index, level.ArmOf(index), values, level.ClinicalDrawsOf(index), effect);
        sharing.Count(pk, dissociation, course);
    }

    /// <summary>Makes patient <paramref name="index"/>'s base dissociation (and keeps its prepared PK) unless made already.</summary>
    private void EnsureBase(int index, Tapes? tapes)
    {
        if (_hasValues[index]) return;
        var (values, prepared) = _base.DissociationOf(index, _base.Sample(index), _base.DoseFactorOf(index), null, tapes?.Dissociation, rated: true);
        _values[index] = values;
        if (_pk is not null) _pk[index] = prepared;
        _hasValues[index] = true;
    }

    /// <summary>Makes patient <paramref name="index"/>'s base course unless made already.</summary>
    private void EnsureBaseCourse(int index, Tapes? tapes)
    {
        if (_hasCourse[index]) return;
        EnsureBase(index, tapes);
        var effect = new double[_assessments];
        var prepared = _pk?[index];
        _base.CourseEffects(index, _base.Sample(index), _values[index], prepared, effect, tapes?.Course);
        effect.CopyTo(_effects.AsSpan((int)((long)index * _assessments), _assessments));
        _hasCourse[index] = true;
    }

    /// <summary>Whether the effect random effects at <paramref name="reads"/> are the same bit for bit.</summary>
    private static bool SameAt(int[] reads, VirtualSubject a, VirtualSubject b)
    {
        var x = a.EffectRandomEffects.AsSpan();
        var y = b.EffectRandomEffects.AsSpan();
        if (x.Length != y.Length) return false;
        foreach (int i in reads)
            if (BitConverter.DoubleToInt64Bits(x[i]) != BitConverter.DoubleToInt64Bits(y[i])) return false;
        return true;
    }

    /// <summary>
    /// The random effects of <paramref name="set"/> that its dissociation (or antidepressant) model for <paramref name="drug"/>
    /// reads: those whose change, by +0.25 or -0.25 from zero, changes the model's state (every instance field, compared bit for
    /// bit; a field of any other kind than numbers, text and enums counts as changed, so an unknown field never hides a change).
    /// </summary>
    internal static int[] EffectsRead(EffectParameterSet set, Drug drug, bool dissociation)
    {
        int n = set.Parameters.Length;
        object Make(double[] eta) => dissociation ? set.Dissociation(drug, eta) : set.Antidepressant(drug, eta);
        var zero = State(Make(new double[n]));
        var read = new List<int>();
        for (int i = 0; i < n; i++)
        {
            foreach (double step in (ReadOnlySpan<double>)[0.25, -0.25])
            {
                var eta = new double[n];
                eta[i] = step;
                var state = State(Make(eta));
                if (state is null || zero is null || !state.SequenceEqual(zero)) { read.Add(i); break; }
            }
        }
        return [.. read];
    }

    /// <summary>A model's instance fields (its own and its base types') as bits, or null when one is of another kind than numbers, text and enums.</summary>
    /// <remarks>The fields are read by reflection. The linux-x64 tool is Native AOT (trimmed): the two model types the effect sets make
    /// and their base keep every field's metadata (<see cref="DynamicDependencyAttribute"/> below), and a model of any other type, or a
    /// type whose fields a trimmed build does not list, counts as changed (null), so a missing field can only stop a part from being
    /// shared, never share one that differs. CI compares the installed tool's <c>sensitivity --json</c> with the Release build's.</remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields, typeof(SigmoidEmaxModel))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields, typeof(PlasticityModel))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.NonPublicFields, typeof(EffectModel))]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "The model types read here are kept whole by the DynamicDependency attributes; any other type counts as changed.")]
    private static List<long>? State(object model)
    {
        if (model is not (SigmoidEmaxModel or PlasticityModel)) return null;
        var bits = new List<long>();
        for (var type = model.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            var fields = type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
            if (fields.Length == 0 && type == model.GetType()) return null;
            foreach (var field in fields)
            {
                object? value = field.GetValue(model);
                switch (value)
                {
                    case double d: bits.Add(BitConverter.DoubleToInt64Bits(d)); break;
                    case int i: bits.Add(i); break;
                    case bool b: bits.Add(b ? 1 : 0); break;
                    case string s: bits.Add(s.GetHashCode(StringComparison.Ordinal)); break;
                    case Enum e: bits.Add(Convert.ToInt64(e, System.Globalization.CultureInfo.InvariantCulture)); break;
                    case null: bits.Add(long.MinValue); break;
                    default: return null;
                }
            }
        }
        return bits;
    }

    /// <summary>A worker's propagator tapes: one for the dissociation's march, one for the antidepressant course's (their linear parts
    /// differ, so one tape would record afresh at every change of kind).</summary>
    internal sealed class Tapes
    {
        public PropagatorTape Dissociation { get; } = new();

        public PropagatorTape Course { get; } = new();

        /// <summary>Marches replayed from a recording, over both tapes.</summary>
        public int Replays => Dissociation.Replays + Course.Replays;
    }

    /// <summary>What one setting's pool can take from the base, and how many patients took each part (for tests and reports).</summary>
    internal sealed class Sharing
    {
        private long _pk, _dissociation, _course, _patients;

        internal Sharing(SharedPoolParts parts, TrialSimulator level)
        {
            Level = level;
            var b = parts._base;
            IsBase = ReferenceEquals(level, b);
            Pk = level.SharesPkSetting(b);
            // The base's rated dissociation has the peak whenever this setting reads it (both rate under the analysis's hypothesis).
            Dissociation = level.SharesDissociationSetting(b) && (b.ReadsCadssPeak || !level.ReadsCadssPeak);
            Course = level.SharesCourseSetting(b);
            var population = level.Population;
            DissociationReads = Dissociation ? EffectsRead(population.Effects, population.Pk.Drug, dissociation: true) : [];
            CourseReads = Course ? EffectsRead(population.Effects, population.Pk.Drug, dissociation: false) : [];
            SameOutputTimes = level.SharesOutputTimes(b);
        }

        public TrialSimulator Level { get; }

        /// <summary>True for the base simulator itself: every part is the base's.</summary>
        public bool IsBase { get; }

        /// <summary>The setting makes PK, dissociation, course the way the base does (per patient, the inputs are compared too).</summary>
        public bool Pk { get; }

        public bool Dissociation { get; }

        public bool Course { get; }

        /// <summary>The setting marches through the base's output times (where a patient's PK is the base's, its marches may replay the base's tapes).</summary>
        public bool SameOutputTimes { get; }

        public int[] DissociationReads { get; }

        public int[] CourseReads { get; }

        /// <summary>Patients simulated, and those whose PK, dissociation and course were the base's.</summary>
        public (long Patients, long Pk, long Dissociation, long Course) Counts =>
            (Interlocked.Read(ref _patients), Interlocked.Read(ref _pk), Interlocked.Read(ref _dissociation), Interlocked.Read(ref _course));

        internal void Count(bool pk, bool dissociation, bool course)
        {
            Interlocked.Increment(ref _patients);
            if (pk) Interlocked.Increment(ref _pk);
            if (dissociation) Interlocked.Increment(ref _dissociation);
            if (course) Interlocked.Increment(ref _course);
        }
    }
}

using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Populations;

/// <summary>
/// A virtual population: a pharmacokinetic parameter set, the effect parameters, covariate distributions and the
/// between-subject variability of any of their parameters (with correlations). Sampling is reproducible: subject i of
/// seed s is always the same, whatever else is sampled and on however many threads. Immutable.
/// </summary>
public sealed partial record PopulationModel
{
    private readonly PkParameterSet _pk = PkParameterSet.Domino;
    private readonly EffectParameterSet _effects = EffectParameterSet.Default;
    private readonly CovariateDistribution _covariates = CovariateDistribution.Default;
    private readonly Variability _variability = Variability.None;

    /// <summary>The pharmacokinetic parameter set. Default <see cref="PkParameterSet.Domino"/>.</summary>
    public PkParameterSet Pk { get => _pk; init => _pk = value ?? throw new ArgumentNullException(nameof(Pk)); }

    /// <summary>The effect parameters. Default <see cref="EffectParameterSet.Default"/>.</summary>
    public EffectParameterSet Effects { get => _effects; init => _effects = value ?? throw new ArgumentNullException(nameof(Effects)); }

    /// <summary>Covariate distributions. Default <see cref="CovariateDistribution.Default"/>.</summary>
    public CovariateDistribution Covariates { get => _covariates; init => _covariates = value ?? throw new ArgumentNullException(nameof(Covariates)); }

    /// <summary>Between-subject variability; every name must be a parameter of <see cref="Pk"/> or of <see cref="Effects"/>. Default none.</summary>
    public Variability Variability { get => _variability; init => _variability = value ?? throw new ArgumentNullException(nameof(Variability)); }

    /// <summary>
    /// The default population of docs/model.md section 4.4 for a PK set: for racemic sets 30% CV on clearance and central volume
    /// (log SD 0.2936), rate constants to the peripherals fixed; for Perez-Ruixo 2021 its published variability
    /// (Table 3; kmet 30% CV assumed); and for the effects (all PROVISIONAL, issue 16) log SD 0.5 on the dissociation C50 and
    /// the antidepressant EC50, 0.75 on the maximal dissociation (a right-skewed CADSS distribution), 0.4 on the antidepressant
    /// scale and 0.7 on the antidepressant effect's decay rate (how long it lasts). Weights N(80, 15) kg in 45-150 kg.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="pk"/> is null.</exception>
    public static PopulationModel Default(PkParameterSet pk)
    {
        ArgumentNullException.ThrowIfNull(pk);
        return new PopulationModel { Pk = pk, Variability = DefaultPkVariability(pk).With("C50_D", 0.5).With("EC50_A", 0.5).With("SCALE_A", 0.4).With("EMAX_D", 0.75).With("KDEC", 0.7) };
    }

    /// <summary>The default pharmacokinetic variability of a built-in set (see <see cref="Default"/>).</summary>
    public static Variability DefaultPkVariability(PkParameterSet pk)
    {
        ArgumentNullException.ThrowIfNull(pk);
        if (pk.Drug == Drug.RacemicKetamine) return Variability.Of(("CL", 0.2936), ("V1", 0.2936));
        return Variability.Of(
            ("FRN", 0.708), ("KA_N", Variability.LogSdFromCv(0.615)), ("KA_SW", Variability.LogSdFromCv(1.32)), ("KA_PO", Variability.LogSdFromCv(1.32)),
            ("VC", Variability.LogSdFromCv(0.275)), ("VP1", Variability.LogSdFromCv(0.493)), ("QH", Variability.LogSdFromCv(0.232)),
            ("VH", Variability.LogSdFromCv(0.346)), ("KEL", Variability.LogSdFromCv(1.20)), ("KMET", Variability.LogSdFromCv(0.30)),
            ("VCN", Variability.LogSdFromCv(0.316)), ("CLN", Variability.LogSdFromCv(0.254)));
    }

    /// <summary>Subject <paramref name="index"/> of the population drawn with <paramref name="seed"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative index.</exception>
    /// <exception cref="ArgumentException">A variability name that is neither a PK nor an effect parameter, or one that is both.</exception>
    public VirtualSubject SampleSubject(ulong seed, int index)
    {
        if (index < 0) throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be >= 0, got {index}.");
        var map = CachedMap();
        var random = new SubjectRandom(seed, index, 0);
        var subject = Covariates.Sample(ref random);
        Span<double> eta = stackalloc double[Variability.Names.Length];
        Variability.Sample(ref random, eta);
        var pk = new double[Pk.Parameters.Length];
        var fx = new double[Effects.Parameters.Length];
        for (int i = 0; i < eta.Length; i++)
        {
            var (isPk, at) = map[i];
            (isPk ? pk : fx)[at] = eta[i];
        }
        // The arrays are wrapped, not copied: nothing else holds them.
        return new VirtualSubject(index, subject, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(pk),
            System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(fx));
    }

    /// <summary>Subjects 0 .. count-1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative count.</exception>
    public IEnumerable<VirtualSubject> SampleSubjects(ulong seed, int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be >= 0, got {count}.");
        for (int i = 0; i < count; i++) yield return SampleSubject(seed, i);
    }

    /// <summary>The population whose <see cref="Map"/> this thread made last, and that map (never written once made).</summary>
    /// <remarks>Per thread, not a field: a record's fields take part in its equality and are copied by <c>with</c>, which may change
    /// the parameter sets the map indexes. Keyed by reference: a population never changes once made.</remarks>
    [ThreadStatic] private static PopulationModel? _mapOwner;
    [ThreadStatic] private static (bool IsPk, int Index)[]? _map;

    /// <summary><see cref="Map"/>, made once per thread for the population the thread samples (a trial samples every patient
    /// from one population: the map and its name look-ups were made per patient).</summary>
    private (bool IsPk, int Index)[] CachedMap()
    {
        if (ReferenceEquals(_mapOwner, this) && _map is { } map) return map;
        map = Map();
        (_mapOwner, _map) = (this, map);
        return map;
    }

    /// <summary>For each variability name: whether it is a PK parameter, and its index in that set.</summary>
    private (bool IsPk, int Index)[] Map()
    {
        var map = new (bool, int)[Variability.Names.Length];
        for (int i = 0; i < map.Length; i++)
        {
            string name = Variability.Names[i];
            int pk = Pk.TryIndexOf(name, out int i1) ? i1 : -1;
            int fx = Effects.TryIndexOf(name, out int i2) ? i2 : -1;
            if (pk >= 0 && fx >= 0) throw new ArgumentException($"Variability parameter '{name}' names both a PK and an effect parameter.");
            if (pk < 0 && fx < 0)
                throw new ArgumentException($"Variability parameter '{name}' is neither a parameter of '{Pk.Key}' ({string.Join(", ", Pk.Parameters.Select(p => p.Name))}) nor an effect parameter ({string.Join(", ", Effects.Parameters.Select(p => p.Name))}).");
            map[i] = pk >= 0 ? (true, pk) : (false, fx);
        }
        return map;
    }
}

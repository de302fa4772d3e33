using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// The linear system of a PK-PD simulation, x = [PK amounts (reduced); per effect, its effect-site concentration (ng/mL)
/// and then its tolerance compartments (ng/mL)], with dCe/dt = ke0 (1000 A_driver / V_driver - Ce) and the tolerance
/// compartments linear in Ce, and the effects' filters as a <see cref="FilterBlock"/>.
/// </summary>
internal sealed class PkPdSystem : FilterBlock
{
    private EffectModel[] _effects = [];
    private int[] _site = [];           // state index of each effect's effect site (shared by effects with the same driver and ke0)
    private int[] _tolerance = [];      // first state index of each effect's tolerance compartments
    private int[][] _reachDriver = [];  // per effect: reduced PK states from which mass can flow into its driver compartment
    private int[] _filterOffset = [];   // first filter state of each effect, or -1
    private int[] _driveIndex = [];     // drive number of each effect, or -1
    private double[] _a = [], _b = [];
    private int _q, _r;

    /// <summary>This thread's spare systems for <see cref="Rent"/> (their arrays reused by the thread's next single-effect simulations):
    /// a few, so that a trial patient's dissociation and course, which alternate on a worker, each find one of their own order.</summary>
    [ThreadStatic] private static List<PkPdSystem>? _spares;

    private const int MaxSpares = 4;

    public PkPdSystem(ReadOnlySpan<EffectModel> effects, ReducedSystem pk)
    {
        Pk = pk;
        K = [];
        Set(effects, pk);
    }

    /// <summary>
    /// The system of <paramref name="effect"/> alone on <paramref name="pk"/>, as the constructor makes it, on this thread's spare
    /// instance when there is one: a trial patient's dissociation and each of its courses would otherwise build a new one (about
    /// 1.2 KB each). Every array is sized and cleared or overwritten as in a new system, so the same values bit for bit. Give it back
    /// with <see cref="Return"/> once nothing reads it (the march copies the filter's A and B, and a tape copies K).
    /// </summary>
    public static PkPdSystem Rent(EffectModel effect, ReducedSystem pk)
    {
        var spares = _spares;
        if (spares is null || spares.Count == 0) return new PkPdSystem(new ReadOnlySpan<EffectModel>(in effect), pk);
        // A spare of this effect's order and filter size (its arrays fit), else a new one while there is room for it among the spares
        // (so each shape keeps its own), else the newest: any of them is set as a new one would be.
        int n = pk.M + 1 + effect.ToleranceStates, at = -1;
        for (int i = spares.Count - 1; i >= 0 && at < 0; i--)
            if (spares[i].N == n && spares[i]._q == effect.FilterStates) at = i;
        if (at < 0 && spares.Count < MaxSpares) return new PkPdSystem(new ReadOnlySpan<EffectModel>(in effect), pk);
        if (at < 0) at = spares.Count - 1;
        var system = spares[at];
        spares.RemoveAt(at);
        system.Pk = pk;
        system.Set(new ReadOnlySpan<EffectModel>(in effect), pk);
        return system;
    }

    /// <summary>Keeps <paramref name="system"/> for this thread's next <see cref="Rent"/>; the caller must not use it again.</summary>
    public static void Return(PkPdSystem system)
    {
        system.Pk = null!;
        Array.Clear(system._effects);
        var spares = _spares ??= [];
        if (spares.Count < MaxSpares && !spares.Contains(system)) spares.Add(system);
    }

    /// <summary>Largest tolerance or filter block whose matrices <see cref="Set"/> makes on the stack.</summary>
    private const int ScratchStates = 8;

    private void Set(ReadOnlySpan<EffectModel> effects, ReducedSystem pk)
    {
        int m = pk.M, e = effects.Length;
        // The tolerance dynamics and filters of the effects, a few states each: made in this scratch (zeroed before each use, as
        // new arrays would be) unless one is unusually large.
        Span<double> scratch = stackalloc double[ScratchStates * ScratchStates + ScratchStates];
        _effects = Buffers.Zeroed(_effects, e);
        effects.CopyTo(_effects);
        _site = Buffers.Zeroed(_site, e);
        _tolerance = Buffers.Zeroed(_tolerance, e);
        _reachDriver = Buffers.Zeroed(_reachDriver, e);
        N = m;
        for (int i = 0; i < e; i++)
        {
            // Effects with the same driver and ke0 have the same effect-site concentration: one state serves them all.
            int same = -1;
            for (int j = 0; j < i && same < 0; j++)
                if (_effects[j].Driver == _effects[i].Driver && _effects[j].Ke0PerH == _effects[i].Ke0PerH) same = j;
            _site[i] = same >= 0 ? _site[same] : N++;
        }
        for (int i = 0; i < e; i++)
        {
            _tolerance[i] = N;
            N += _effects[i].ToleranceStates;
        }
        K = Buffers.Zeroed(K, N * N);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) K[i * N + j] = pk.K[i * m + j];
        for (int i = 0; i < e; i++)
        {
            var fx = _effects[i];
            int row = _site[i];
            int driver = fx.Driver == EffectDriver.Parent ? pk.Central : pk.Metabolite;
            double inverseVolume = fx.Driver == EffectDriver.Parent ? pk.InverseCentralVolume : pk.InverseMetaboliteVolume;
            if (driver >= 0) K[row * N + driver] = fx.Ke0PerH * inverseVolume * Units.NgPerMlPerMgPerL;
            K[row * N + row] = -fx.Ke0PerH;
            _reachDriver[i] = driver >= 0 ? pk.Upstream(driver) : [];
            int t = fx.ToleranceStates;
            if (t == 0) continue;
            Span<double> dynamics = t <= ScratchStates ? scratch[..(t * t)] : new double[t * t];
            Span<double> input = t <= ScratchStates ? scratch.Slice(t * t, t) : new double[t];
            dynamics.Clear();
            input.Clear();
            fx.ToleranceDynamics(dynamics, input);
            int first = _tolerance[i];
            for (int p = 0; p < t; p++)
            {
                K[(first + p) * N + row] = input[p];
                for (int q = 0; q < t; q++) K[(first + p) * N + first + q] = dynamics[p * t + q];
            }
        }

        _filterOffset = Buffers.Zeroed(_filterOffset, e);
        _driveIndex = Buffers.Zeroed(_driveIndex, e);
        _q = _r = 0;
        foreach (var fx in _effects) _q += fx.FilterStates;
        foreach (var fx in _effects) if (fx.FilterStates > 0) _r++;
        _a = Buffers.Zeroed(_a, _q * _q);
        _b = Buffers.Zeroed(_b, _q * _r);
        int offset = 0, drive = 0;
        for (int i = 0; i < e; i++)
        {
            int qi = _effects[i].FilterStates;
            if (qi == 0) { _filterOffset[i] = -1; _driveIndex[i] = -1; continue; }
            Span<double> ai = qi <= ScratchStates ? scratch[..(qi * qi)] : new double[qi * qi];
            Span<double> bi = qi <= ScratchStates ? scratch.Slice(qi * qi, qi) : new double[qi];
            ai.Clear();
            bi.Clear();
            _effects[i].Filter(ai, bi);
            for (int p = 0; p < qi; p++)
            {
                for (int s = 0; s < qi; s++) _a[(offset + p) * _q + offset + s] = ai[p * qi + s];
                _b[(offset + p) * _r + drive] = bi[p];
            }
            _filterOffset[i] = offset;
            _driveIndex[i] = drive;
            offset += qi;
            drive++;
        }
    }

    public ReducedSystem Pk { get; private set; }

    /// <summary>Linear dimension: PK amounts plus, per effect, its effect site and tolerance compartments.</summary>
    public int N { get; private set; }

    /// <summary>The augmented K, N x N.</summary>
    public double[] K { get; private set; }

    /// <summary>State index of effect <paramref name="effect"/>'s effect-site concentration.</summary>
    public int EffectSite(int effect) => _site[effect];

    /// <summary>First filter state of the effect within the filter block, or -1.</summary>
    public int FilterOffset(int effect) => _filterOffset[effect];

    public override int States => _q;

    public override int Drives => _r;

    public override ReadOnlySpan<double> A => _a;

    public override ReadOnlySpan<double> B => _b;

    public override void Initial(Span<double> p)
    {
        for (int i = 0; i < _effects.Length; i++)
            if (_filterOffset[i] >= 0) _effects[i].InitialFilterState(p.Slice(_filterOffset[i], _effects[i].FilterStates));
    }

    public override void Drive(ReadOnlySpan<double> x, Span<double> u)
    {
        for (int i = 0; i < _effects.Length; i++)
            if (_driveIndex[i] >= 0) u[_driveIndex[i]] = _effects[i].Drive(x[_site[i]]);
    }

    public override void DriveRate(ReadOnlySpan<double> x, ReadOnlySpan<double> dx, Span<double> du)
    {
        for (int i = 0; i < _effects.Length; i++)
            if (_driveIndex[i] >= 0) du[_driveIndex[i]] = _effects[i].DriveDerivative(x[_site[i]]) * dx[_site[i]];
    }

    /// <summary>Effect <paramref name="effect"/> from a full stored state (linear part then filter states).</summary>
    public double EffectValue(int effect, ReadOnlySpan<double> state)
    {
        var fx = _effects[effect];
        double ce = state[_site[effect]];
        var tolerance = state.Slice(_tolerance[effect], fx.ToleranceStates);
        return _filterOffset[effect] < 0 ? fx.EffectWithTolerance(ce, tolerance, ReadOnlySpan<double>.Empty)
            : fx.EffectWithTolerance(ce, tolerance, state.Slice(N + _filterOffset[effect], fx.FilterStates));
    }

    /// <summary>d(effect)/dt of a direct effect from the linear state and its rate of change.</summary>
    public double EffectRate(int effect, ReadOnlySpan<double> x, ReadOnlySpan<double> dx)
    {
        var fx = _effects[effect];
        int site = _site[effect], first = _tolerance[effect], t = fx.ToleranceStates;
        return fx.EffectRate(x[site], x.Slice(first, t), dx[site], dx.Slice(first, t));
    }

    /// <summary>
    /// The effect without tolerance at the effect-site concentration of state x: an upper bound of a direct effect at every later
    /// time at which Ce does not exceed its value in x (the effect rises with Ce; tolerance only raises the C50). With
    /// <see cref="PeakTail"/> on the effect site it bounds the effect over the rest of a free course (PeakSearch.MaximumOf's tail).
    /// </summary>
    public double EffectOfSite(int effect, ReadOnlySpan<double> x) => _effects[effect].Effect(x[_site[effect]], ReadOnlySpan<double>.Empty);

    /// <summary>The first effect's <see cref="EffectValue"/>, <see cref="EffectRate"/>, <see cref="EffectUpperBound"/> and
    /// <see cref="EffectOfSite"/> as the peak search takes them: made once per instance, so a rented system hands the same delegates
    /// to every search of its thread (a dissociation's search made five per patient). They read the system's current effect.</summary>
    public PeakSearch.StateFunction FirstValue => field ??= x => EffectValue(0, x);

    /// <inheritdoc cref="FirstValue"/>
    public PeakSearch.StateRate FirstRate => field ??= (x, dx) => EffectRate(0, x, dx);

    /// <inheritdoc cref="FirstValue"/>
    public PeakSearch.StateFunction FirstUpperBound => field ??= x => EffectUpperBound(0, x);

    /// <inheritdoc cref="FirstValue"/>
    public PeakSearch.StateFunction FirstOfSite => field ??= x => EffectOfSite(0, x);

    /// <summary>
    /// An upper bound of a direct effect from state x onwards while no drug is given: the effect without tolerance at
    /// max(Ce, C), where C is the concentration all the mass that can still reach the driver compartment would give there.
    /// That mass cannot grow without input (no compartment outside the set flows into it), the driver's concentration cannot
    /// exceed it, and Ce follows the driver's concentration; tolerance only raises the C50.
    /// </summary>
    public double EffectUpperBound(int effect, ReadOnlySpan<double> x)
    {
        var fx = _effects[effect];
        double mass = 0;
        foreach (int i in _reachDriver[effect]) mass += Math.Max(0, x[i]);
        double inverseVolume = fx.Driver == EffectDriver.Parent ? Pk.InverseCentralVolume : Pk.InverseMetaboliteVolume;
        double ce = Math.Max(x[_site[effect]], mass * inverseVolume * Units.NgPerMlPerMgPerL);
        return fx.Effect(ce, ReadOnlySpan<double>.Empty);
    }
}

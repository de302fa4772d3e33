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
    private readonly EffectModel[] _effects;
    private readonly int[] _site;           // state index of each effect's effect site (shared by effects with the same driver and ke0)
    private readonly int[] _tolerance;      // first state index of each effect's tolerance compartments
    private readonly int[][] _reachDriver;  // per effect: reduced PK states from which mass can flow into its driver compartment
    private readonly int[] _filterOffset;   // first filter state of each effect, or -1
    private readonly int[] _driveIndex;     // drive number of each effect, or -1
    private readonly double[] _a, _b;
    private readonly int _q, _r;

    public PkPdSystem(ReadOnlySpan<EffectModel> effects, ReducedSystem pk)
    {
        Pk = pk;
        _effects = [.. effects];
        int m = pk.M, e = _effects.Length;
        _site = new int[e];
        _tolerance = new int[e];
        _reachDriver = new int[e][];
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
        K = new double[N * N];
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
            var dynamics = new double[t * t];
            var input = new double[t];
            fx.ToleranceDynamics(dynamics, input);
            int first = _tolerance[i];
            for (int p = 0; p < t; p++)
            {
                K[(first + p) * N + row] = input[p];
                for (int q = 0; q < t; q++) K[(first + p) * N + first + q] = dynamics[p * t + q];
            }
        }

        _filterOffset = new int[e];
        _driveIndex = new int[e];
        foreach (var fx in _effects) _q += fx.FilterStates;
        foreach (var fx in _effects) if (fx.FilterStates > 0) _r++;
        _a = new double[_q * _q];
        _b = new double[_q * _r];
        int offset = 0, drive = 0;
        for (int i = 0; i < e; i++)
        {
            int qi = _effects[i].FilterStates;
            if (qi == 0) { _filterOffset[i] = -1; _driveIndex[i] = -1; continue; }
            var ai = new double[qi * qi];
            var bi = new double[qi];
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

    public ReducedSystem Pk { get; }

    /// <summary>Linear dimension: PK amounts plus, per effect, its effect site and tolerance compartments.</summary>
    public int N { get; }

    /// <summary>The augmented K, N x N.</summary>
    public double[] K { get; }

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

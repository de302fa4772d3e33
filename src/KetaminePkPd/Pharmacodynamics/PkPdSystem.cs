using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// The linear system of a PK-PD simulation, x = [PK amounts (reduced); one effect-site concentration per effect, ng/mL],
/// with dCe/dt = ke0 (1000 A_driver / V_driver - Ce), and the effects' filters as a <see cref="FilterBlock"/>.
/// </summary>
internal sealed class PkPdSystem : FilterBlock
{
    private readonly EffectModel[] _effects;
    private readonly int[] _filterOffset;   // first filter state of each effect, or -1
    private readonly int[] _driveIndex;     // drive number of each effect, or -1
    private readonly double[] _a, _b;
    private readonly int _q, _r;
    private readonly int _mediator = -1, _mediated = -1;
    private readonly double _share;

    public PkPdSystem(PkPdModel model, ReducedSystem pk)
    {
        Pk = pk;
        Model = model;
        _effects = [.. model.Effects];
        int m = pk.M, e = _effects.Length;
        N = m + e;
        K = new double[N * N];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) K[i * N + j] = pk.K[i * m + j];
        for (int i = 0; i < e; i++)
        {
            var fx = _effects[i];
            int row = m + i;
            int driver = fx.Driver == EffectDriver.Parent ? pk.Central : pk.Metabolite;
            double inverseVolume = fx.Driver == EffectDriver.Parent ? pk.InverseCentralVolume : pk.InverseMetaboliteVolume;
            if (driver >= 0) K[row * N + driver] = fx.Ke0PerH * inverseVolume * Units.NgPerMlPerMgPerL;
            K[row * N + row] = -fx.Ke0PerH;
        }

        _filterOffset = new int[e];
        _driveIndex = new int[e];
        foreach (var fx in _effects) _q += fx.FilterStates;
        _r = _effects.Count(fx => fx.FilterStates > 0);
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
        if (model.Mediation is { } link)
        {
            _mediator = model.IndexOf(link.From);
            _mediated = model.IndexOf(link.To);
            _share = link.Share;
        }
    }

    public ReducedSystem Pk { get; }

    public PkPdModel Model { get; }

    /// <summary>Linear dimension: PK amounts plus one effect site per effect.</summary>
    public int N { get; }

    /// <summary>The augmented K, N x N.</summary>
    public double[] K { get; }

    /// <summary>State index of effect <paramref name="effect"/>'s effect-site concentration.</summary>
    public int EffectSite(int effect) => Pk.M + effect;

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
        int m = Pk.M;
        for (int i = 0; i < _effects.Length; i++)
        {
            if (_driveIndex[i] < 0) continue;
            double v = _effects[i].Drive(x[m + i]);
            if (i == _mediated) v = (1 - _share) * v + _share * _effects[_mediator].FractionOfMaximum(x[m + _mediator])!.Value;
            u[_driveIndex[i]] = v;
        }
    }

    public override void DriveRate(ReadOnlySpan<double> x, ReadOnlySpan<double> dx, Span<double> du)
    {
        int m = Pk.M;
        for (int i = 0; i < _effects.Length; i++)
        {
            if (_driveIndex[i] < 0) continue;
            double v = _effects[i].DriveDerivative(x[m + i]) * dx[m + i];
            if (i == _mediated)
            {
                double ce = x[m + _mediator], h = 1e-6 * Math.Max(1, ce);
                double lo = Math.Max(0, ce - h), hi = ce + h;
                var med = _effects[_mediator];
                double slope = (med.FractionOfMaximum(hi)!.Value - med.FractionOfMaximum(lo)!.Value) / (hi - lo);
                v = (1 - _share) * v + _share * slope * dx[m + _mediator];
            }
            du[_driveIndex[i]] = v;
        }
    }

    /// <summary>Effect <paramref name="effect"/> from a full stored state (linear part then filter states).</summary>
    public double EffectValue(int effect, ReadOnlySpan<double> state)
    {
        var fx = _effects[effect];
        double ce = state[Pk.M + effect];
        return _filterOffset[effect] < 0 ? fx.Effect(ce, ReadOnlySpan<double>.Empty) : fx.Effect(ce, state.Slice(N + _filterOffset[effect], fx.FilterStates));
    }
}

using KetaminePkPd.Numerics;
namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// The part of a model that a regimen can reach: the dosed compartments and everything downstream of them.
/// Undosed depots stay empty forever, so dropping them is exact and makes every step cheaper. Because no flow leaves
/// the reached set, K restricted to it keeps its inverse's relevant block, and the integral weights of the full model
/// restricted to it stay exact.
/// </summary>
internal sealed class ReducedSystem
{
    public ReducedSystem(PkModel model, List<DoseInput> inputs)
    {
        int n = model.Dimension;
        Span<bool> reached = stackalloc bool[n];
        Span<int> stack = stackalloc int[n];
        int top = 0;
        reached[model.CentralIndex] = true;
        stack[top++] = model.CentralIndex;
        foreach (var input in inputs)
            if (!reached[input.Compartment]) { reached[input.Compartment] = true; stack[top++] = input.Compartment; }
        while (top > 0)
        {
            int from = stack[--top];
            for (int to = 0; to < n; to++)
                if (!reached[to] && model.RateMatrix[to * n + from] > 0) { reached[to] = true; stack[top++] = to; }
        }
        int count = 0;
        foreach (bool r in reached) if (r) count++;
        M = count;
        if (count == n && model.MetaboliteAucWeights is not null)
        {
            // Every compartment reached (a trial patient's model built for its intravenous regimen): the reduced arrays are the model's
            // own, which are never written once made, so they are shared rather than copied (the same numbers; half a KB per patient),
            // and both index maps are the identity, the thread's one of this order (never written either).
            FullIndex = _identity is { } identity && identity.Length == n ? identity : _identity = [.. Enumerable.Range(0, n)];
            ReducedIndex = FullIndex;
            K = model.RateMatrix;
            EliminationRates = model.EliminationRates;
            ParentWeights = model.ParentAucWeights;
            MetaboliteWeights = model.MetaboliteAucWeights;
            EliminationWeights = model.EliminationWeights;
        }
        else
        {
            FullIndex = new int[count];
            for (int i = 0, r = 0; i < n; i++) if (reached[i]) FullIndex[r++] = i;
            ReducedIndex = new int[n];
            Array.Fill(ReducedIndex, -1);
            for (int r = 0; r < M; r++) ReducedIndex[FullIndex[r]] = r;
            K = new double[M * M];
            EliminationRates = new double[M];
            ParentWeights = new double[M];
            MetaboliteWeights = new double[M];
            EliminationWeights = new double[M];
            for (int r = 0; r < M; r++)
            {
                int i = FullIndex[r];
                for (int q = 0; q < M; q++) K[r * M + q] = model.RateMatrix[i * n + FullIndex[q]];
                EliminationRates[r] = model.EliminationRates[i];
                ParentWeights[r] = model.ParentAucWeights[i];
                MetaboliteWeights[r] = model.MetaboliteAucWeights?[i] ?? 0;
                EliminationWeights[r] = model.EliminationWeights[i];
            }
        }
        Central = ReducedIndex[model.CentralIndex];
        InverseCentralVolume = 1 / model.CentralCompartment.VolumeL;
        Metabolite = model.MetaboliteIndex >= 0 ? ReducedIndex[model.MetaboliteIndex] : -1;
        InverseMetaboliteVolume = model.MetaboliteCompartment is { } mc ? 1 / mc.VolumeL : 0;
    }

    /// <summary>Reduced order.</summary>
    public int M { get; }

    /// <summary>Full index of each reduced compartment.</summary>
    public int[] FullIndex { get; }

    /// <summary>Reduced index of each full compartment, or -1.</summary>
    public int[] ReducedIndex { get; }

    public double[] K { get; }

    public double[] EliminationRates { get; }

    public double[] ParentWeights { get; }

    public double[] MetaboliteWeights { get; }

    public double[] EliminationWeights { get; }

    public int Central { get; }

    public double InverseCentralVolume { get; }

    /// <summary>Reduced index of the metabolite central compartment, or -1 when absent or unreached.</summary>
    public int Metabolite { get; }

    public double InverseMetaboliteVolume { get; }

    /// <summary>The reduced states from which mass can flow (in any number of steps) into <paramref name="target"/>, the target
    /// included, ascending; made once per target (the parent's and the metabolite's central compartments) and kept: every effect
    /// simulated on this system asks for it. Never written once made (two threads making it at once make the same array).</summary>
    public int[] Upstream(int target) => target == Central ? _upstreamCentral ??= Reach(target) : target == Metabolite ? _upstreamMetabolite ??= Reach(target) : Reach(target);

    private int[]? _upstreamCentral, _upstreamMetabolite;

    /// <summary>The identity index map this thread made last (see the constructor).</summary>
    [ThreadStatic] private static int[]? _identity;

    private int[] Reach(int target) => Reachability.Upstream(K, M, target);

    /// <summary>The inputs as engine events in reduced coordinates: boluses, and rate on/off pairs for zero-order inputs.</summary>
    public List<(double T, int Index, double Amount, double Rate)> Events(List<DoseInput> inputs)
    {
        var events = new List<(double, int, double, double)>(inputs.Count * 2);
        foreach (var i in inputs)
        {
            int c = ReducedIndex[i.Compartment];
            if (i.DurationH <= 0) events.Add((i.StartH, c, i.AmountMg, 0));
            else
            {
                double rate = i.AmountMg / i.DurationH;
                events.Add((i.StartH, c, 0, rate));
                events.Add((i.EndH, c, 0, -rate));
            }
        }
        return events;
    }

    /// <summary>Parent concentration in ng/mL of a reduced state.</summary>
    public double ParentNgPerMl(ReadOnlySpan<double> a) => a[Central] * InverseCentralVolume * Units.NgPerMlPerMgPerL;

    /// <summary>Metabolite concentration in ng/mL of a reduced state (0 without a metabolite).</summary>
    public double MetaboliteNgPerMl(ReadOnlySpan<double> a) => Metabolite >= 0 ? a[Metabolite] * InverseMetaboliteVolume * Units.NgPerMlPerMgPerL : 0;

    /// <summary>
    /// Exact integrals from time zero, without integrating them: dA/dt = K A + b with boluses gives
    /// integral of A over (0, t) = K^-1 (A(t) - In(t)), In(t) the cumulative input per compartment (A(0) = 0),
    /// so the parent AUC is w_p . (A - In), the metabolite AUC w_m . (A - In) and the amount eliminated w_e . (A - In),
    /// with w = K^-T c. Returns (parent AUC mg.h/L, metabolite AUC mg.h/L, eliminated mg).
    /// </summary>
    public (double ParentAuc, double MetaboliteAuc, double Eliminated) Integrals(ReadOnlySpan<double> a, ReadOnlySpan<double> cumulativeInput)
    {
        double p = 0, mt = 0, e = 0;
        for (int i = 0; i < M; i++)
        {
            double d = a[i] - cumulativeInput[i];
            p += ParentWeights[i] * d;
            mt += MetaboliteWeights[i] * d;
            e += EliminationWeights[i] * d;
        }
        return (p, mt, e);
    }
}

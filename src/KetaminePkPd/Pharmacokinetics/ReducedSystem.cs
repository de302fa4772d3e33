namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// The part of a model that a regimen can reach: the dosed compartments and everything downstream of them.
/// Undosed depots stay empty forever, so dropping them is exact and makes every step cheaper. Because no flow leaves
/// the reached set, K restricted to it keeps its inverse's relevant block, and the integral weights of the full model
/// restricted to it stay exact.
/// </summary>
internal sealed class ReducedSystem
{
    /// <summary>Accumulator states appended after the amounts: parent AUC, metabolite AUC, eliminated, input.</summary>
    public const int Accumulators = 4;

    public ReducedSystem(PkModel model, IEnumerable<int> dosed)
    {
        int n = model.Dimension;
        var reached = new bool[n];
        var stack = new Stack<int>();
        foreach (int c in dosed.Append(model.CentralIndex))
            if (!reached[c]) { reached[c] = true; stack.Push(c); }
        while (stack.Count > 0)
        {
            int from = stack.Pop();
            for (int to = 0; to < n; to++)
                if (!reached[to] && model.RateMatrix[to * n + from] > 0) { reached[to] = true; stack.Push(to); }
        }
        FullIndex = [.. Enumerable.Range(0, n).Where(i => reached[i])];
        M = FullIndex.Length;
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
        Central = ReducedIndex[model.CentralIndex];
        InverseCentralVolume = 1 / model.CentralCompartment.VolumeL;
        Metabolite = model.MetaboliteIndex >= 0 ? ReducedIndex[model.MetaboliteIndex] : -1;
        InverseMetaboliteVolume = model.MetaboliteCompartment is { } mc ? 1 / mc.VolumeL : 0;
        Model = model;
    }

    public PkModel Model { get; }

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

    /// <summary>Parent concentration in ng/mL of a reduced state.</summary>
    public double ParentNgPerMl(ReadOnlySpan<double> a) => a[Central] * InverseCentralVolume * Units.NgPerMlPerMgPerL;

    /// <summary>Metabolite concentration in ng/mL of a reduced state (0 without a metabolite).</summary>
    public double MetaboliteNgPerMl(ReadOnlySpan<double> a) => Metabolite >= 0 ? a[Metabolite] * InverseMetaboliteVolume * Units.NgPerMlPerMgPerL : 0;

    /// <summary>Adds the exact integrals over a step to the accumulators: w . (A1 - A0 - h b).</summary>
    public void Accumulate(ReadOnlySpan<double> before, Span<double> after, ReadOnlySpan<double> b, double h)
    {
        double p = 0, mt = 0, e = 0, input = 0;
        for (int i = 0; i < M; i++)
        {
            double d = after[i] - before[i] - h * b[i];
            p += ParentWeights[i] * d;
            mt += MetaboliteWeights[i] * d;
            e += EliminationWeights[i] * d;
            input += b[i];
        }
        after[M] = before[M] + p;
        after[M + 1] = before[M + 1] + mt;
        after[M + 2] = before[M + 2] + e;
        after[M + 3] = before[M + 3] + h * input;
    }
}

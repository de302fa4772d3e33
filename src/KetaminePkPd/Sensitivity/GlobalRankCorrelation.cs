using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Sensitivity;

/// <summary>
/// Partial rank correlation coefficients (PRCC; Marino S et al. J Theor Biol 2008;254:178-196, section 3.2): the inputs and
/// the output are replaced by their ranks (ties: average ranks); for input j, the ranks of input j and of the output are
/// each regressed (least squares with an intercept) on the ranks of every other input, and the PRCC is the Pearson
/// correlation of the two residuals. Its standard error is Fisher's: z = atanh(PRCC) is about normal with SD
/// 1 / sqrt(n - 3 - q) for q = p - 1 inputs held fixed (n worlds, p inputs), so the 95% interval is tanh(z -/+ 1.96 SD)
/// and the SE on the r scale is about (1 - PRCC^2) SD (delta method).
/// </summary>
internal static class GlobalRankCorrelation
{
    /// <summary>The PRCC of each input with the output, its Fisher SE on the r scale and 95% interval; NaN where undefined
    /// (fewer than p + 3 rows, or an input or the output constant given the others).</summary>
    /// <param name="inputs">Rows of p inputs, n rows.</param>
    /// <param name="output">n outputs.</param>
    public static (double Prcc, double Se, double Lower, double Upper)[] Compute(IReadOnlyList<double[]> inputs, IReadOnlyList<double> output)
    {
        int n = output.Count;
        if (inputs.Count != n) throw new ArgumentException($"inputs must have one row per output ({n}), got {inputs.Count}.", nameof(inputs));
        int p = n == 0 ? 0 : inputs[0].Length;
        var result = new (double, double, double, double)[p];
        Array.Fill(result, (double.NaN, double.NaN, double.NaN, double.NaN));
        if (n < p + 3 || p == 0) return result;
        var ranks = new double[p][];
        for (int j = 0; j < p; j++) ranks[j] = Ranks([.. inputs.Select(r => r[j])]);
        var y = Ranks([.. output]);
        double sdZ = 1 / Math.Sqrt(n - 3 - (p - 1));
        for (int j = 0; j < p; j++)
        {
            var others = Matrix<double>.Build.Dense(n, p, (i, c) => c == 0 ? 1 : ranks[c <= j ? c - 1 : c][i]);
            var qr = others.QR();
            var rx = Vector<double>.Build.DenseOfArray(ranks[j]);
            var ry = Vector<double>.Build.DenseOfArray(y);
            var ex = rx - others * qr.Solve(rx);
            var ey = ry - others * qr.Solve(ry);
            double denominator = ex.L2Norm() * ey.L2Norm();
            if (!(denominator > 1e-9 * n)) continue;
            double r = Math.Clamp(ex.DotProduct(ey) / denominator, -1, 1);
            double z = Math.Atanh(Math.Clamp(r, -0.999999, 0.999999));
            result[j] = (r, (1 - r * r) * sdZ, Math.Tanh(z - 1.959963984540054 * sdZ), Math.Tanh(z + 1.959963984540054 * sdZ));
        }
        return result;
    }

    /// <summary>Ranks 1..n of the values, ties given their average rank.</summary>
    internal static double[] Ranks(double[] values)
    {
        int n = values.Length;
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) => values[a].CompareTo(values[b]) is var c && c != 0 ? c : a.CompareTo(b));
        var ranks = new double[n];
        for (int i = 0; i < n;)
        {
            int k = i;
            while (k + 1 < n && values[order[k + 1]] == values[order[i]]) k++;
            double average = (i + k) / 2.0 + 1;
            for (int m = i; m <= k; m++) ranks[order[m]] = average;
            i = k + 1;
        }
        return ranks;
    }
}

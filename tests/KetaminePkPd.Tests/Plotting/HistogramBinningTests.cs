using FsCheck;
using FsCheck.Xunit;
using KetaminePkPd.Plotting;

namespace KetaminePkPd.Tests.Plotting;

public class HistogramBinningTests
{
    [Property(MaxTest = 300)]
    public bool Bin_NeverLosesAValue_AndSharesSumTo100(NormalFloat[] raw)
    {
        // Correlations in [-1, 1], including values on bin edges (the case ScottPlot's own histogram threw on).
        var values = raw.Select(v => Math.Clamp(v.Get, -1, 1)).ToList();
        if (values.Count == 0) return true;
        double lo = values.Min(), hi = values.Max();
        double width = Math.Max((hi - lo) / 40, 1e-3);
        var (edges, shares) = Charts.Bin(values, lo - width, hi + width, width);
        return edges.Length == shares.Length && Math.Abs(shares.Sum() - 100) < 1e-9 && shares[^1] == 0;
    }

    [Fact]
    public void Histograms_ValuesOnTheUpperEdge_DrawWithoutThrowing()
    {
        double[] values = [-0.28, -0.1, 0.0, 0.25, 0.25];
        var plot = Charts.Histograms([("exposure-only", values)], -0.35, "r", "test");
        Assert.NotNull(plot);
        var (_, shares) = Charts.Bin(values, -0.35 - 0.015, 0.25 + 0.015, 0.015);
        Assert.Equal(100, shares.Sum(), 9);
    }
}

using KetaminePkPd.Plotting;
using ScottPlot;

namespace KetaminePkPd.Tests.Plotting;

/// <summary><see cref="Figure.MarkX"/>: the one labelled vertical line the histogram, tornado, global and evidence charts draw.</summary>
public sealed class MarkXTests
{
    [Fact]
    public void MarkX_Defaults_DrawADashedLineLabelledAboveThePlot()
    {
        var plot = new Plot();
        Figure.MarkX(plot, -0.35, "observed -0.35", Colors.Black, 2.5f, fontSize: 15);

        var line = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>());
        Assert.Equal(-0.35, line.X);
        Assert.Equal(Colors.Black, line.Color);
        Assert.Equal(2.5f, line.LineWidth);
        Assert.Equal(LinePattern.Dashed, line.LinePattern);
        Assert.Equal("observed -0.35", line.Text);
        Assert.Equal(15f, line.LabelFontSize);
        Assert.True(line.LabelOppositeAxis);
        Assert.Equal(30f, plot.Axes.Top.MinimumSize);
    }

    [Fact]
    public void MarkX_SolidAndNoWidth_KeepScottPlotsPatternAndWidth()
    {
        var plot = new Plot();
        var plain = plot.Add.VerticalLine(0);
        Figure.MarkX(plot, 1, "default 0.10", Colors.Gray, width: null, dashed: false);

        var line = plot.GetPlottables().OfType<ScottPlot.Plottables.VerticalLine>().Last();
        Assert.Equal(plain.LineWidth, line.LineWidth);
        Assert.Equal(plain.LinePattern, line.LinePattern);
        Assert.Equal(13f, line.LabelFontSize);
        Assert.Equal(Colors.Gray, line.Color);
    }
}

using KetaminePkPd.Evidence;
using KetaminePkPd.Plotting;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Plotting;

/// <summary>The evidence figure: a row per entry, a marker per hypothesis at its p (floored at 1e-4), the joint p in the legend.</summary>
public class EvidenceChartsTests
{
    [Fact]
    public void Compatibility_HasOneMarkerPerEntryAndHypothesis_AtTheLog10OfItsP_AndNamesTheEntries()
    {
        // Two cheap single-infusion entries, two hypotheses, the fewest replicates.
        var settings = EvidenceSettings.Default with
        {
            Entries = [EvidenceEntry.Get("echegaray2025-24h"), EvidenceEntry.Get("mathai2020")],
            Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.SharedSensitivity()],
            Replicates = EvidenceSettings.MinReplicates,
        };
        var result = EvidenceResult.Run(settings);
        var plot = EvidenceCharts.Compatibility(result);

        var series = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().ToList();
        Assert.Equal(2, series.Count);
        for (int h = 0; h < 2; h++)
        {
            var points = series[h].Data.GetScatterPoints();
            Assert.Equal(2, points.Count);
            for (int k = 0; k < 2; k++)
            {
                double p = result[settings.Entries[k].Key, settings.Hypotheses[h].Name].P;
                Assert.Equal(Math.Log10(Math.Max(p, 1e-4)), points[k].X, 12);
                Assert.Equal(1 - k, points[k].Y, 0.3);   // entry 0 on the top row
            }
            Assert.StartsWith($"{settings.Hypotheses[h]}: joint p ", series[h].LegendText, StringComparison.Ordinal);
        }
        FigureAssert.IsSvg(Figure.ToSvg(plot), "echegaray2025-24h", "mathai2020", "p = 0.05", "Compatibility p");
    }
}

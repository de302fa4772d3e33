using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Plotting;
using KetaminePkPd.Tests.Cli;

namespace KetaminePkPd.Tests.Plotting;

/// <summary>Figure encoding and saving (PNG, SVG, stacked panels, inline SVG) and the chart helpers added for the CLI.</summary>
public sealed class FigureTests
{
    private static readonly Lazy<PkPdSimulationResult> Typical = new(() =>
    {
        var fx = EffectParameterSet.Default;
        var model = new PkPdModel(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult), [fx.Dissociation(Drug.RacemicKetamine), fx.Antidepressant(Drug.RacemicKetamine)]);
        return PkPdSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(2) });
    });

    private static ScottPlot.Plot Concentrations() => Charts.Concentrations([("0.5 mg/kg", Typical.Value.Pk)]);

    private static ScottPlot.Plot Cadss() => Charts.Lines(
        [("0.5 mg/kg", (IReadOnlyList<double>)Typical.Value.TimesH, (IReadOnlyList<double>)Typical.Value[EffectParameterSet.DissociationName].Values)],
        "Dissociation (CADSS points)", "Dissociation", maxHours: 6);

    [Fact]
    public void Encode_Png_HasThePngSignatureAndTheRequestedSize()
    {
        var bytes = Figure.Encode(Concentrations(), "any.png", 800, 500);

        FigureAssert.IsPng(bytes, 800, 500);
    }

    [Fact]
    public void Encode_Svg_IsAnSvgDocumentWithTheAxisLabels()
    {
        var bytes = Figure.Encode(Concentrations(), "any.SVG");

        FigureAssert.IsSvg(System.Text.Encoding.UTF8.GetString(bytes), "Time (h)", "Concentration (ng/mL)", "Plasma concentrations");
    }

    [Fact]
    public void Encode_TwoPanelsPng_StacksThemToTwiceThePanelHeight()
    {
        var bytes = Figure.Encode([Cadss(), Concentrations()], "stack.png", 1000, 450);

        FigureAssert.IsPng(bytes, 1000, 900);
    }

    [Fact]
    public void Encode_TwoPanelsSvg_IsOneDocumentWithBothPanelsAndUniqueIds()
    {
        var bytes = Figure.Encode([Cadss(), Concentrations()], "stack.svg", 1000, 450);

        var doc = FigureAssert.IsSvg(System.Text.Encoding.UTF8.GetString(bytes), "Dissociation (CADSS points)", "Concentration (ng/mL)");
        Assert.Equal("900", doc.Root!.Attribute("height")!.Value);
        var ids = doc.Descendants().Select(e => e.Attribute("id")?.Value).OfType<string>().ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void ToSvg_WithPrefix_IsInlineMarkupWithPrefixedIdsAndMatchingReferences()
    {
        string svg = Figure.ToSvg(Concentrations(), 1000, 600, "fig7-");

        Assert.StartsWith("<svg viewBox=\"0 0 1000 600\"", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", svg, StringComparison.Ordinal);
        var ids = System.Text.RegularExpressions.Regex.Matches(svg, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(ids);
        Assert.All(ids, id => Assert.StartsWith("fig7-", id, StringComparison.Ordinal));
        var references = System.Text.RegularExpressions.Regex.Matches(svg, @"url\(#([^)]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.All(references, r => Assert.Contains(r, ids));
        // Well-formed once the namespace an HTML parser would supply is added back.
        FigureAssert.IsSvg(svg.Replace("<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" ", StringComparison.Ordinal), "Time (h)");
    }

    [Theory]
    [InlineData("figure.jpg")]
    [InlineData("figure")]
    [InlineData("figure.png.txt")]
    public void CheckExtension_NotPngOrSvg_ThrowsNamingThePath(string path)
    {
        var ex = Assert.Throws<ArgumentException>(() => Figure.CheckExtension(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(".png or .svg", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_PanelsToAMissingFolder_ThrowsAndWritesNothing()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "missing", "stack.png");

        Assert.Throws<DirectoryNotFoundException>(() => Figure.Save([Cadss()], path));

        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Save_Panels_WritesTheFileAndNoTemporaryFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("stack.svg");

        Figure.Save([Cadss(), Concentrations()], path, 1000, 400);

        FigureAssert.IsSvgFile(path, "Dissociation (CADSS points)");
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Lines_MismatchedTimesAndValues_Throws()
    {
        Assert.Throws<ArgumentException>(() => Charts.Lines([("x", [0.0, 1.0], [1.0])], "y", "t"));
    }

    [Fact]
    public void MarkLevel_NonPositiveOnLogAxis_Throws()
    {
        var plot = Charts.Concentrations([("0.5 mg/kg", Typical.Value.Pk)], logScale: true);

        Assert.Throws<ArgumentException>(() => Charts.MarkLevel(plot, 0, "zero", logScale: true));
    }

    [Fact]
    public void Bands_InDays_LabelsTheTimeAxisInDays()
    {
        var result = ComparisonResult.Run([ComparisonArm.Defaults[0]], ComparisonOptions.Default with { PopulationSize = 20, Parallel = false });
        var plot = Charts.Bands([("IV", result.Arms[0].Population!.Antidepressant)], "MADRS change (points)", "Antidepressant", 24 * 7, inDays: true);

        FigureAssert.IsSvg(System.Text.Encoding.UTF8.GetString(Figure.Encode(plot, "bands.svg")), "Time (days)", "MADRS change (points)");
    }
}

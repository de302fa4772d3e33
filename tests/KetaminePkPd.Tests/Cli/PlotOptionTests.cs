using System.Text.Json;
using KetaminePkPd.Tests.Plotting;

namespace KetaminePkPd.Tests.Cli;

/// <summary>The <c>--plot</c> options of <c>simulate</c>, <c>trial</c> and <c>hypothesis</c>: real PNG and SVG files, and bad paths caught before any work.</summary>
public sealed class PlotOptionTests
{
    private static readonly string[] SmallHypothesis = ["hypothesis", "--replicates", "100", "--pool", "300", "--quiet"];

    [Fact]
    public void Simulate_Plots_WriteConcentrationEffectAndHysteresisFigures()
    {
        using var dir = new TempDirectory();
        string concentrations = dir.File("c.png"), effects = dir.File("e.svg"), hysteresis = dir.File("h.svg");

        var run = CliRunner.Run("simulate", "--plot", concentrations, "--log", "--plot-effects", effects, "--plot-hysteresis", hysteresis);

        Assert.True(run.ExitCode == 0, run.Stderr);
        FigureAssert.IsPng(concentrations);
        FigureAssert.IsSvgFile(effects, "Dissociation (CADSS points)", "Time (h)", "Antidepressant effect (MADRS points; negative = better)");
        FigureAssert.IsSvgFile(hysteresis, "ketamine concentration (ng/mL)", "against plasma concentration (loop)");
        Assert.Contains($"Written: {concentrations}, {effects}, {hysteresis}.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(dir.Path).Length);
    }

    [Fact]
    public void Simulate_PlotSvgWithLog_LabelsTheLogAxis()
    {
        using var dir = new TempDirectory();
        string path = dir.File("c.svg");

        var json = CliRunner.Run("simulate", "--drug", "esketamine", "--plot", path, "--log", "--json");

        Assert.Equal(0, json.ExitCode);
        FigureAssert.IsSvgFile(path, "Concentration (ng/mL, log scale)", "esketamine", "noresketamine");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal([path], doc.RootElement.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [InlineData("--plot", "c.jpg", "--plot 'c.jpg': a plot must end in .png or .svg, got '.jpg'")]
    [InlineData("--plot-effects", "e", "--plot-effects 'e': a plot must end in .png or .svg, got no extension")]
    [InlineData("--plot-hysteresis", "h.svgz", "--plot-hysteresis 'h.svgz': a plot must end in .png or .svg")]
    public void Simulate_PlotBadExtension_FailsBeforeSimulatingAndWritesNothing(string option, string file, string expected)
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("simulate", "--out", dir.File("ok.csv"), option, file);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: " + expected, Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Simulate_PlotInMissingDirectory_FailsAndLeavesNoCsv()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("simulate", "--out", dir.File("ok.csv"), "--plot", Path.Combine(dir.Path, "missing", "c.png"));

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: --plot ", Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Simulate_LogWithoutPlot_IsAnError()
    {
        var run = CliRunner.Run("simulate", "--log");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--log applies to the --plot figure", Assert.Single(run.StderrLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_Plot_WritesTheScatterAtTheFirstAssessmentByDefault()
    {
        using var dir = new TempDirectory();
        string path = dir.File("scatter.svg");

        var run = CliRunner.Run("trial", "--plot", path);

        Assert.True(run.ExitCode == 0, run.Stderr);
        FigureAssert.IsSvgFile(path, "Dissociation (CADSS points)", "Improvement of HDRS-17 at 230 min (% of baseline)", "(n = 108)");
        Assert.Contains($"Written: {path}.", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Trial_PlotAt_ChoosesTheAssessmentAndWritesPng()
    {
        using var dir = new TempDirectory();
        string path = dir.File("scatter.png");

        var run = CliRunner.Run("trial", "--plot", path, "--plot-at", "7d", "--json");

        Assert.Equal(0, run.ExitCode);
        FigureAssert.IsPng(path);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal([path], doc.RootElement.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
    }

    [Theory]
    [InlineData(new[] { "--plot", "s.png", "--plot-at", "2d" }, "--plot-at '2d': not an assessment of 'NIMH 0.5 mg/kg over 40 min'; use 230min, 1d, 3d, 7d.")]
    [InlineData(new[] { "--plot-at", "1d" }, "--plot-at chooses the assessment of the --plot figure")]
    [InlineData(new[] { "--plot", "s.tiff" }, "--plot 's.tiff': a plot must end in .png or .svg")]
    [InlineData(new[] { "--plot", "s.png", "--subjects", "3" }, "--plot needs at least 4 patients")]
    public void Trial_BadPlotOptions_FailWithOneLine(string[] args, string expected)
    {
        using var dir = new TempDirectory();
        var fixedArgs = args.Select(a => a.StartsWith("s.", StringComparison.Ordinal) ? dir.File(a) : a).ToArray();

        var run = CliRunner.Run(["trial", .. fixedArgs]);

        Assert.Equal(2, run.ExitCode);
        string line = Assert.Single(run.StderrLines);
        Assert.Contains(expected.Replace("'s.tiff'", $"'{dir.File("s.tiff")}'", StringComparison.Ordinal), line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Hypothesis_Plot_WritesOneHistogramFilePerObservationTime()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run([.. SmallHypothesis, "--plot", dir.File("r.png"), "--json"]);

        Assert.True(run.ExitCode == 0, run.Stderr);
        FigureAssert.IsPng(dir.File("r-230min.png"));
        FigureAssert.IsPng(dir.File("r-7d.png"));
        Assert.Equal(2, Directory.GetFiles(dir.Path).Length);
        using var doc = JsonDocument.Parse(run.Stdout);
        Assert.Equal([dir.File("r-230min.png"), dir.File("r-7d.png")], doc.RootElement.GetProperty("plotFiles").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Hypothesis_PlotSvg_HasTheObservedRAndEveryHypothesis()
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run([.. SmallHypothesis, "--plot", dir.File("r.svg")]);

        Assert.Equal(0, run.ExitCode);
        FigureAssert.IsSvgFile(dir.File("r-230min.svg"), "observed -0.35", "exposure-only", "mediation (share 0.5)", "Share of replicate trials (%)",
            "r of CADSS (40 min) with % change of HDRS-17 at 230 min");
        FigureAssert.IsSvgFile(dir.File("r-7d.svg"), "observed -0.41", "7 d");
    }

    [Theory]
    [InlineData("r.gif", "--plot 'DIR/r.gif': a plot must end in .png or .svg, got '.gif'")]
    [InlineData("missing/r.png", "error: --plot 'DIR/missing/r-230min.png'")]
    public void Hypothesis_BadPlotPath_FailsBeforeSimulating(string file, string expected)
    {
        using var dir = new TempDirectory();

        var run = CliRunner.Run("hypothesis", "--replicates", "1000000", "--plot", Path.Combine(dir.Path, file));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected.Replace("DIR", dir.Path, StringComparison.Ordinal), Assert.Single(run.StderrLines), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("simulate", "--plot", "concentrations")]
    [InlineData("simulate", "--log", "log scale")]
    [InlineData("simulate", "--plot-effects", "right axis")]
    [InlineData("simulate", "--plot-hysteresis", "clockwise loop")]
    [InlineData("trial", "--plot", "least-squares")]
    [InlineData("trial", "--plot-at", "[default: the design's first assessment")]
    [InlineData("hypothesis", "--plot", "r-230min.png")]
    public void Help_DocumentsThePlotOptions(string command, string option, string text)
    {
        var run = CliRunner.Run(command, "--help");

        string entry = HelpText.OptionEntry(run.Stdout, option);
        Assert.Contains(text, entry, StringComparison.Ordinal);
        if (option.StartsWith("--plot", StringComparison.Ordinal) && option != "--plot-at")
            Assert.Contains("<file.png|file.svg>", entry, StringComparison.Ordinal);
    }
}

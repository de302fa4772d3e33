using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KetaminePkPd.Cli.Commands;
using KetaminePkPd.Trials;
using Spectre.Console;
using KetaminePkPd.Reporting;

namespace KetaminePkPd.Cli.Output;

/// <summary>The readable report and the JSON object of one <c>strengths</c> run.</summary>
internal static class StrengthsReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the JSON object (without timing).</summary>
    /// <exception cref="NonFiniteResultException">A value is NaN or infinite.</exception>
    public static StrengthsJson ToJson(DesignChoice choice, StrengthScanResult result, ImmutableArray<DetectionRate> rates)
    {
        var s = result.Settings;
        var points = result.Points.Select(p =>
        {
            if (!double.IsFinite(p.CombinedP) || p.Outcomes.Any(o => !double.IsFinite(o.MedianR)))
                throw new NonFiniteResultException($"{StrengthsCommand.Token(p.Parameter)} = {p.Value} gave a non-finite value; nothing was written.");
            return new StrengthPointJson(StrengthsCommand.Token(p.Parameter), p.Value, [.. p.Outcomes.Select(o => new StrengthOutcomeJson(Durations.Format(o.Observed.Time),
                o.MedianR, new IntervalJson(o.Interval95.Lower, o.Interval95.Upper), o.Compatibility.PercentileRank, o.Compatibility.TwoSidedP,
                o.Compatibility.StandardError, HypothesisReport.VerdictToken(o.Verdict)))], p.CombinedP);
        }).ToList();
        return new StrengthsJson(s.Seed, SimulationReport.LibraryVersion, s.Design.Name, choice.Token,
            [.. s.Observed.Select(o => new ObservedJson(Durations.Format(o.Time), o.Time.TotalHours, o.R, o.N, o.Source))],
            s.Combination.ToString().ToLowerInvariant(), s.Replicates, s.PoolSize, points,
            [.. result.Intervals.Select(i => new StrengthIntervalJson(StrengthsCommand.Token(i.Parameter), i.Observed is { } o ? Durations.Format(o.Time) : null, i.Lower, i.Upper, i.HasGaps))],
            [.. rates.Select(r => new DetectionRateJson(r.Hypothesis.Name, r.N, Durations.Format(r.Time), r.Replicates, r.ShareSignificant, r.StandardError, r.ShareSignificantNegative, r.MedianR))],
            result.SubjectSimulations);
    }

    /// <summary>Writes the JSON object and a newline.</summary>
    public static void WriteJson(StrengthsJson json, TextWriter stdout)
    {
        var context = new StrengthsJsonContext(new JsonSerializerOptions(StrengthsJsonContext.Default.Options)
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        stdout.WriteLine(JsonSerializer.Serialize(json, context.StrengthsJson));
        stdout.Flush();
    }

    /// <summary>Writes the report: per strength a table of p against the value and the compatibility intervals in words, then the detection rates.</summary>
    public static void WriteReport(IAnsiConsole console, DesignChoice choice, StrengthScanResult result, ImmutableArray<DetectionRate> rates)
    {
        var s = result.Settings;
        console.MarkupLine("[bold]ketamine-pkpd strengths[/]: which strengths of each hypothesis fit the observed correlation?");
        console.WriteLine();
        console.WriteLine($"Design {s.Design.Name} [{choice.Origin}]; observed {string.Join("; ", s.Observed.Select(o => $"r = {Formatting.R(o.R)} at {Formatting.Span(o.Time)} (n = {o.N.ToString(Inv)})"))}.");
        console.WriteLine($"{s.Replicates.ToString(Inv)} replicate trials per grid point and observation from pools of {s.PoolSize.ToString(Inv)}, seed {s.Seed.ToString(Inv)}; " +
            "the same seed and streams at every grid point (common random numbers). " + (s.Observed.Length > 1 ? Combination(s.Combination) : ""));
        console.WriteLine();
        foreach (var parameter in s.Parameters)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(KetaminePkPd.Plotting.StrengthCharts.Label(parameter));
            table.AddColumn(new TableColumn(StrengthsCommand.Token(parameter)).RightAligned());
            foreach (var o in s.Observed)
            {
                table.AddColumn(new TableColumn($"{Formatting.Span(o.Time)}\nmedian r").RightAligned());
                table.AddColumn(new TableColumn($"r = {Formatting.R(o.R)}\np").RightAligned());
            }
            if (s.Observed.Length > 1) table.AddColumn(new TableColumn("combined\np").RightAligned());
            table.AddColumn(new TableColumn("fits"));
            foreach (var point in result.PointsOf(parameter))
            {
                var cells = new List<string> { point.Value.ToString("0.##", Inv) };
                foreach (var o in point.Outcomes) { cells.Add(Formatting.R(o.MedianR)); cells.Add(P(o.Compatibility.TwoSidedP, s.Replicates)); }
                if (s.Observed.Length > 1) cells.Add(P(point.CombinedP, s.Replicates));
                cells.Add(point.CombinedP >= 0.05 ? "yes" : "");
                table.AddRow(TrialReport.Cells([.. cells]));
            }
            console.Write(table);
            var parts = result.Intervals.Where(i => i.Parameter == parameter)
                .Select(i => $"{(i.Observed is { } o ? Formatting.Span(o.Time) : "combined")}: {Interval(i)}");
            console.WriteLine($"Compatibility interval (p >= 0.05) of {StrengthsCommand.Token(parameter)}: {string.Join("; ", parts)}.");
            console.WriteLine();
        }
        if (!rates.IsEmpty)
        {
            var sizes = rates.Select(r => r.N).Distinct().ToList();
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"How often a trial finds p < 0.05 for CADSS vs % change at {Formatting.Span(rates[0].Time)} ({rates[0].Replicates.ToString(Inv)} trials per size)");
            table.AddColumn(new TableColumn("Hypothesis").NoWrap());
            foreach (int n in sizes) table.AddColumn(new TableColumn($"n = {n.ToString(Inv)}").RightAligned());
            foreach (var group in rates.GroupBy(r => r.Hypothesis.Name))
                table.AddRow(TrialReport.Cells([group.Key, .. group.Select(r => Formatting.Percent(r.ShareSignificantNegative))]));
            console.Write(table);
            console.WriteLine("Share of trials whose own Pearson test gives p < 0.05 with a negative r (more dissociation, more improvement); --json also gives " +
                "either sign and the Monte Carlo SE. Hypotheses at their default strengths. If exposure alone gave no correlation at all this would be 2.5% " +
                "(the test's false positives in one direction); the excess at large n under exposure-only is its weak shared-exposure link.");
            console.WriteLine();
        }
        console.WriteLine($"Done in {result.Elapsed.TotalSeconds.ToString("0.0", Inv)} s (scan): {result.SubjectSimulations.ToString("N0", Inv)} patient simulations.");
    }

    /// <summary>How the combination works, in one sentence.</summary>
    private static string Combination(PValueCombination c) => c == PValueCombination.Bonferroni
        ? "Combined p: Bonferroni, min(1, J x smallest p), a joint test valid whatever the dependence between observations (Luckenbaugh's two share " +
          "patients); it fits when every observation has p >= 0.05/J."
        : "Combined p: Fisher's method (-2 sum ln p, chi-squared with 2J df), for independent observations (different trials).";

    private static string Interval(StrengthInterval i) => i.IsEmpty ? "none on the grid"
        : (i.Lower == i.Upper ? $"only {i.Lower!.Value.ToString("0.##", Inv)}" : $"[{i.Lower!.Value.ToString("0.##", Inv)}, {i.Upper!.Value.ToString("0.##", Inv)}]")
          + (i.HasGaps ? " (with gaps)" : "");

    private static string P(double p, int replicates) =>
        p == 0 ? "<" + (2.0 / replicates).ToString("0.####", Inv) : p.ToString(p < 0.1 ? "0.000" : "0.00", Inv);
}

/// <summary>The JSON shape of <c>strengths --json</c>.</summary>
internal sealed record StrengthsJson(ulong Seed, string ModelVersion, string Design, string DesignKey, IReadOnlyList<ObservedJson> Observed, string Combination,
    int Replicates, int PoolSize, IReadOnlyList<StrengthPointJson> Points, IReadOnlyList<StrengthIntervalJson> Intervals, IReadOnlyList<DetectionRateJson> DetectionRates,
    long SubjectSimulations)
{
    /// <summary>The figures written, full paths.</summary>
    public IReadOnlyList<string> PlotFiles { get; init; } = [];
}

/// <summary>One grid point.</summary>
internal sealed record StrengthPointJson(string Strength, double Value, IReadOnlyList<StrengthOutcomeJson> Outcomes, double CombinedP);

/// <summary>One observation at one grid point.</summary>
internal sealed record StrengthOutcomeJson(string Time, double MedianR, IntervalJson Interval95, double ObservedPercentile, double TwoSidedP, double TwoSidedPStandardError, string Verdict);

/// <summary>A compatibility interval (time null: combined); lower and upper null when no grid value fits.</summary>
internal sealed record StrengthIntervalJson(string Strength, string? Time, double? Lower, double? Upper, bool HasGaps);

/// <summary>How often trials of one size find p &lt; 0.05 under one hypothesis.</summary>
internal sealed record DetectionRateJson(string Hypothesis, int N, string Time, int Replicates, double ShareSignificant, double ShareSignificantStandardError,
    double ShareSignificantNegative, double MedianR);

/// <summary>Source-generated serializer metadata for <c>strengths --json</c>.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(StrengthsJson))]
internal sealed partial class StrengthsJsonContext : JsonSerializerContext;

using System.Diagnostics;
using System.Globalization;
using System.Text;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>
/// Fuzz test of the scenario-file reader: mutants of the documented examples (docs/scenarios/*.json and the example of
/// <see cref="TrialDesignJson"/>), with a fixed seed, must either load or fail with a <see cref="ScenarioException"/>
/// (the documented exception), never hang, and a mutant that loads must simulate to finite outputs.
/// </summary>
public sealed class ScenarioFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Mutants = 1200;
    private const ulong Seed = 20261201;

    private static readonly string[] Seeds = LoadSeeds();

    private static string[] LoadSeeds()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        var files = Directory.GetFiles(Path.Combine(dir!.FullName, "docs", "scenarios"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText);
        const string libraryExample = """
            { "name": "NIMH", "model": "domino", "scale": "hdrs17", "assessments": ["230min", "1d", "7d"],
              "arms": [ { "name": "ketamine", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 108 } ] }
            """;
        return [.. files, libraryExample];
    }

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "\"", "null", "true", "-", ".", "e", "0", "1", "\n", "//", "/*", "*/", "\\", "\\u0000",
        "\"route\"", "\"dose\"", "\"subjects\"", "\"variability\"", "\"parameters\"", "\"hypothesis\"", "\"sessions\"", "\"interval\"",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1e308", "-1e308", "1e-320", "NaN", "99999999999", "0.5", "3", "60", "1000000", "-0", "2.5e3"];

    private static readonly string[] Values =
    [
        "\"\"", "\"0mg\"", "\"1e9mg\"", "\"-5mg\"", "\"0min\"", "\"10000d\"", "\"1s\"", "\"im\"", "\"oral\"", "\"esketamine\"", "\"perez-ruixo\"",
        "\"hijazi\"", "\"herd\"", "\"expectancy\"", "\"mediation\"", "\"shared-sensitivity\"", "[]", "{}", "[\"1d\",\"1d\"]", "{\"C50_D\":5}", "{\"SCALE_A\":60}",
    ];

    [Fact]
    public async Task Parse_1200MutantsOfTheDocumentedExamples_LoadOrFailWithScenarioException_AndSimulateFinite()
    {
        var random = new Random((int)(Seed % int.MaxValue));
        int loaded = 0, rejected = 0, simulated = 0;
        var slowest = TimeSpan.Zero;
        for (int m = 0; m < Mutants; m++)
        {
            string source = Seeds[random.Next(Seeds.Length)];
            string mutant = Mutate(source, random, 1 + random.Next(3));
            var clock = Stopwatch.StartNew();
            var task = Task.Run(() => Check(mutant));
            var first = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(30)));
            Assert.True(first == task, $"mutant {m} did not finish in 30 s:\n{mutant}");
            slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
            switch (await task)
            {
                case Outcome.Rejected: rejected++; break;
                case Outcome.Loaded: loaded++; break;
                default: loaded++; simulated++; break;
            }
        }
        output.WriteLine($"{Mutants} mutants: {rejected} rejected with ScenarioException, {loaded} loaded ({simulated} simulated); slowest {slowest.TotalMilliseconds:0} ms.");
        Assert.Equal(Mutants, loaded + rejected);
        // Both kinds must occur, or the mutations are too weak (all load) or too strong (nothing loads).
        Assert.InRange(loaded, Mutants / 20, Mutants - Mutants / 20);
        Assert.True(simulated > 0, "no mutant was simulated");
    }

    private enum Outcome { Rejected, Loaded, Simulated }

    private static Outcome Check(string json)
    {
        TrialDesign design;
        Hypothesis? hypothesis;
        try
        {
            (design, hypothesis) = TrialDesignJson.Parse(json);
        }
        catch (ScenarioException ex)
        {
            Assert.False(string.IsNullOrWhiteSpace(ex.JsonPath));
            Assert.StartsWith("$", ex.Message, StringComparison.Ordinal);
            return Outcome.Rejected;
        }
        // Loaded: a small trial of it (one patient per arm, capped work) must give finite numbers only.
        if (design.Arms.Sum(a => a.Sessions) > 40 || design.Assessments.Length > 20) return Outcome.Loaded;
        var result = VirtualTrial.Run(design.WithTotalSubjects(design.Arms.Length), hypothesis, 1, parallel: false);
        foreach (var s in result.Subjects)
        {
            double[] values = [s.CadssRated, s.CadssPeakRated, s.Baseline, .. s.Scores, .. s.Changes, .. s.PercentChanges,
                s.Simulated.CmaxNgPerMl, s.Simulated.Auc0To24NgHPerMl, s.Simulated.CadssPeak, .. s.Simulated.DrugEffectMadrs];
            Assert.True(values.All(double.IsFinite), $"non-finite output for:\n{json}");
        }
        return Outcome.Simulated;
    }

    private static string Mutate(string text, Random random, int count)
    {
        var sb = new StringBuilder(text);
        for (int i = 0; i < count && sb.Length > 0; i++)
        {
            int at = random.Next(sb.Length);
            // Mostly value replacements (which keep the JSON valid and probe the schema's ranges), then syntax damage.
            switch (random.Next(12))
            {
                case 0: sb.Remove(at, Math.Min(sb.Length - at, 1 + random.Next(8))); break;
                case 1: sb.Insert(at, Tokens[random.Next(Tokens.Length)]); break;
                case 2:
                    {
                        int len = Math.Min(sb.Length - at, 1 + random.Next(40));
                        sb.Insert(at, sb.ToString(at, len));
                        break;
                    }
                case 3 or 4 or 5 or 6: ReplaceToken(sb, random, IsNumberChar, Numbers); break;
                case 7 or 8 or 9: ReplaceToken(sb, random, c => c == '"', Values); break;
                case 10: sb.Length = at; break;
                default:
                    if (random.Next(2) == 0) sb[at] = (char)random.Next(32, 127);
                    else
                    {
                        int other = random.Next(sb.Length);
                        (sb[at], sb[other]) = (sb[other], sb[at]);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool IsNumberChar(char c) => char.IsAsciiDigit(c);

    /// <summary>Replaces one number (a run of digits) or one string literal by a value from <paramref name="values"/>.</summary>
    private static void ReplaceToken(StringBuilder sb, Random random, Func<char, bool> starts, string[] values)
    {
        var text = sb.ToString();
        // Strings: only values (after a colon), so that keys stay keys; numbers: any run of digits.
        var positions = Enumerable.Range(0, text.Length).Where(i => starts(text[i]) && (i == 0 || !starts(text[i - 1]))
            && (text[i] != '"' || text[..i].TrimEnd().EndsWith(':'))).ToArray();
        if (positions.Length == 0) return;
        int start = positions[random.Next(positions.Length)];
        int end;
        if (text[start] == '"')
        {
            end = text.IndexOf('"', start + 1);
            if (end < 0) return;
            end++;
        }
        else
        {
            end = start;
            while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or 'e' or 'E' or '-' or '+')) end++;
        }
        sb.Remove(start, end - start).Insert(start, values[random.Next(values.Length)].ToString(CultureInfo.InvariantCulture));
    }
}

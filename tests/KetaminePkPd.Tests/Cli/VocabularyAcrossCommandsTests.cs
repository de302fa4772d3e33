using System.Collections;
using System.CommandLine;
using System.Text.Json;
using KetaminePkPd.Cli;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;
using KetaminePkPd.Application.Reporting;
using Words = KetaminePkPd.Vocabulary;

namespace KetaminePkPd.Tests.Cli;

/// <summary>
/// One vocabulary in every front end: every drug, route, solver, ancestry, model and hypothesis word (tokens and
/// synonyms, in varied case and with <c>_</c> for <c>-</c>) is accepted with the same meaning by every command option
/// that takes that kind of word (found by name in the command tree of <see cref="CliApp.Build"/>), by the keys of a
/// <c>compare --arm</c> string and by the keys of a scenario file. Parse-level checks, plus cheap in-process runs of
/// <c>simulate</c> and <c>compare</c> that read the meaning back from their JSON.
/// </summary>
public sealed class VocabularyAcrossCommandsTests
{
    /// <summary>A kind of word: its option name and how the library reads it (the meaning every front end must give it).</summary>
    private sealed record Kind(string Option, IReadOnlyList<string> Words, Func<string, object> Meaning);

    private static readonly Kind[] Kinds =
    [
        new("--drug", [.. Words.DrugWords.Values.SelectMany(w => w)], w => Words.ParseDrug(w)),
        new("--route", [.. Words.RouteWords.Values.SelectMany(w => w)], w => Words.ParseRoute(w)),
        new("--solver", [.. Words.SolverWords.Values.SelectMany(w => w)], w => Words.ParseSolver(w)),
        new("--ancestry", [.. Words.AncestryWords.Values.SelectMany(w => w)], w => Words.ParseAncestry(w)),
        new("--model", PkParameterSet.Keys, w => PkParameterSet.Parse(w)),
        new("--hypothesis", Hypothesis.Names, w => Hypothesis.Parse(w)),
        new("--infusion", ["0", .. Durations.NoInfusionWords, "40min", "2h"], w => Durations.ParseInfusion(w)),
    ];

    /// <summary>A word as a user may type it: as listed, upper case, capitalised with spaces around, <c>_</c> for <c>-</c>.</summary>
    private static IEnumerable<string> Variants(string word) =>
        new[] { word, word.ToUpperInvariant(), " " + char.ToUpperInvariant(word[0]) + word[1..] + " ", word.Replace('-', '_') }.Distinct(StringComparer.Ordinal);

    private static IEnumerable<(string Word, object Meaning)> WordsOf(Kind kind) =>
        kind.Words.SelectMany(w => Variants(w).Select(v => (v, kind.Meaning(w))));

    private static IEnumerable<(string[] Path, Option Option)> OptionsNamed(string name, Command? root = null)
    {
        root ??= CliApp.Build();
        var stack = new Stack<(string[] Path, Command Command)>(root.Subcommands.Select(c => (new[] { c.Name }, c)));
        while (stack.Count > 0)
        {
            var (path, command) = stack.Pop();
            foreach (var option in command.Options.Where(o => o.Name == name || o.Aliases.Contains(name)))
                yield return (path, option);
            foreach (var sub in command.Subcommands) stack.Push(([.. path, sub.Name], sub));
        }
    }

    [Fact]
    public void EveryKindOfWord_IsTakenByAtLeastOneCommand()
    {
        foreach (var kind in Kinds)
            Assert.True(OptionsNamed(kind.Option).Any(), $"no command has {kind.Option}");
    }

    [Fact]
    public void EveryCommandOption_ParsesEveryWordWithTheLibrarysMeaning()
    {
        var root = CliApp.Build();
        int checkedCount = 0;
        foreach (var kind in Kinds)
        {
            foreach (var (path, option) in OptionsNamed(kind.Option, root))
            {
                foreach (var (word, meaning) in WordsOf(kind))
                {
                    var result = root.Parse([.. path, option.Name, word]);
                    string where = $"{string.Join(' ', path)} {option.Name} '{word}'";
                    Assert.True(result.Errors.Count == 0, $"{where}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
                    object? parsed = ValueOf(result, option, kind);
                    Assert.True(Equals(meaning, parsed), $"{where}: got {parsed}, expected {meaning}");
                    checkedCount++;
                }
            }
        }
        Assert.True(checkedCount > 100, $"only {checkedCount} checks");
    }

    /// <summary>
    /// The meaning an option gives its word: a typed option holds the library's value; an option still read as text must
    /// hold the word as given, which the command then reads with the library's parser. A list option holds one value here.
    /// </summary>
    private static object? ValueOf(ParseResult result, Option option, Kind kind)
    {
        object? value = result.GetResult(option)!.GetValueOrDefault<object?>();
        if (value is not string && value is IEnumerable many) value = many.Cast<object?>().Single();
        return value is string text ? kind.Meaning(text) : value;
    }

    [Fact]
    public void SharedOptions_TypedOptions_HoldTheLibrarysValue()
    {
        foreach (var (option, kind) in new (Option, string)[]
                 {
                     (KetaminePkPd.Cli.Commands.SharedOptions.Drug(), "--drug"), (KetaminePkPd.Cli.Commands.SharedOptions.Route(), "--route"),
                     (KetaminePkPd.Cli.Commands.SharedOptions.Solver(), "--solver"), (KetaminePkPd.Cli.Commands.SharedOptions.Ancestry(), "--ancestry"),
                     (KetaminePkPd.Cli.Commands.SharedOptions.Model(), "--model"),
                 })
        {
            var command = new Command("x") { option };
            foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == kind)))
            {
                var result = command.Parse([option.Name, word]);
                Assert.Empty(result.Errors);
                Assert.IsNotType<string>(result.GetResult(option)!.GetValueOrDefault<object?>());
                Assert.Equal(meaning, ValueOf(result, option, Kinds.Single(k => k.Option == kind)));
            }
            Assert.Contains(option.Name, Assert.Single(command.Parse([option.Name, "teleport"]).Errors).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryCommandOption_RejectsAnUnknownWordNamingTheOption()
    {
        foreach (var kind in Kinds)
        {
            foreach (var (path, option) in OptionsNamed(kind.Option))
            {
                var run = CliRunner.Run([.. path, option.Name, "teleport"]);
                Assert.True(run.ExitCode == 2, $"{string.Join(' ', path)} {option.Name} teleport: exit {run.ExitCode}, {run.Stderr}");
                Assert.Single(run.StderrLines);
                Assert.Contains(option.Name, run.Stderr, StringComparison.Ordinal);
                Assert.Contains("teleport", run.Stderr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Simulate_EveryDrugRouteAndModelWord_RunsWithTheSameMeaning()
    {
        foreach (var (option, key, token) in new (string, string, Func<object, string>)[]
                 {
                     ("--drug", "drug", m => Words.Token((Drug)m)),
                     ("--route", "route", m => Words.Token((Route)m)),
                     ("--model", "model", m => ((PkParameterSet)m).Key),
                 })
        {
            foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == option)))
            {
                var run = CliRunner.Run("simulate", option, word, "--until", "1h", "--step", "30min", "--json");
                Assert.True(run.ExitCode == 0, $"simulate {option} '{word}': exit {run.ExitCode}, {run.Stderr}");
                using var json = JsonDocument.Parse(run.Stdout);
                Assert.Equal(token(meaning), json.RootElement.GetProperty(key).GetString());
            }
        }
    }

    [Fact]
    public void Simulate_EverySolverAncestryAndInfusionWord_Runs()
    {
        foreach (var option in new[] { "--solver", "--ancestry", "--infusion" })
            foreach (var (word, _) in WordsOf(Kinds.Single(k => k.Option == option)))
            {
                var run = CliRunner.Run("simulate", option, word, "--until", "1h", "--step", "30min", "--json");
                Assert.True(run.ExitCode == 0, $"simulate {option} '{word}': exit {run.ExitCode}, {run.Stderr}");
            }
    }

    /// <summary>An arm string per word: the drug, route or model key set to the word, the rest chosen to fit it.</summary>
    private static IEnumerable<(string Spec, string Key, object Meaning)> ArmSpecs()
    {
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--drug")))
            yield return ($"drug={word.Trim()} route=iv dose=28mg", "drug", meaning);
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--route")))
            yield return ($"route={word.Trim()} dose=28mg", "route", meaning);
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--model")))
            yield return ($"model={word.Trim()} route=iv dose=28mg", "model", meaning);
    }

    private static object MeaningOf(ComparisonArm arm, string key) => key switch
    {
        "drug" => arm.Drug,
        "route" => arm.Administration.Route,
        _ => arm.Model,
    };

    [Fact]
    public void CompareArm_EveryDrugRouteAndModelWord_HasTheSameMeaningAsTheOptions()
    {
        var root = CliApp.Build();
        var (path, armOption) = OptionsNamed("--arm", root).Single();
        foreach (var (spec, key, meaning) in ArmSpecs())
        {
            var result = root.Parse([.. path, armOption.Name, spec]);
            Assert.True(result.Errors.Count == 0, $"--arm '{spec}': {string.Join("; ", result.Errors.Select(e => e.Message))}");
            var arm = ComparisonArm.Parse(spec);
            Assert.True(Equals(meaning, MeaningOf(arm, key)), $"--arm '{spec}': got {MeaningOf(arm, key)}, expected {meaning}");
        }
    }

    [Fact]
    public void CompareRun_ArmWithSynonymsAndNoInfusion_RunsWithTheSameMeaning()
    {
        foreach (var (spec, route) in new[] { ("route=nasal dose=50mg", "intranasal"), ("route=Intravenous dose=35mg infusion=none", "iv"), ("route=IV dose=35mg infusion=0", "iv") })
        {
            var run = CliRunner.Run("compare", "--arm", spec, "--json", "--quiet");
            Assert.True(run.ExitCode == 0, $"compare --arm '{spec}': exit {run.ExitCode}, {run.Stderr}");
            using var json = JsonDocument.Parse(run.Stdout);
            var arm = json.RootElement.GetProperty("arms")[0];
            Assert.Equal(route, arm.GetProperty("route").GetString());
        }
    }

    private static string Scenario(string top = "", string route = "iv", string hypothesis = "") =>
        $$"""{ "name": "x", {{top}} "assessments": ["1d"], "arms": [ { "name": "a", "route": "{{route}}", "dose": "28mg", "subjects": 4 } ] {{hypothesis}} }""";

    [Fact]
    public void ScenarioFile_EveryDrugRouteModelAndHypothesisWord_HasTheSameMeaningAsTheOptions()
    {
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--drug")))
            Assert.Equal(meaning, TrialDesignJson.Parse(Scenario(top: $"\"drug\": \"{word}\",")).Design.Population.Pk.Drug);
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--model")))
            Assert.Equal(meaning, TrialDesignJson.Parse(Scenario(top: $"\"model\": \"{word}\",")).Design.Population.Pk);
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--route")))
            Assert.Equal(meaning, TrialDesignJson.Parse(Scenario(route: word)).Design.Arms[0].Administration.Route);
        foreach (var (word, meaning) in WordsOf(Kinds.Single(k => k.Option == "--hypothesis")))
            Assert.Equal(meaning, TrialDesignJson.Parse(Scenario(hypothesis: $", \"hypothesis\": {{ \"kind\": \"{word}\" }}")).Hypothesis);
    }
}

using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;
using Words = KetaminePkPd.Vocabulary;

namespace KetaminePkPd.Tests.Trials;

/// <summary>Scenario files read the words, doses and durations the way the command options and arm strings do.</summary>
public sealed class TrialDesignJsonVocabularyTests
{
    private static string Scenario(string arm, string top = "") =>
        $$"""{ "name": "x", {{top}} "assessments": ["1d"], "arms": [ { "name": "a", "dose": "35mg", "subjects": 4, {{arm}} } ] }""";

    [Theory]
    [InlineData("\"route\": \"nasal\"", Route.Intranasal)]
    [InlineData("\"route\": \"IN\"", Route.Intranasal)]
    [InlineData("\"route\": \"PO\"", Route.Oral)]
    [InlineData("\"route\": \"sl\"", Route.Sublingual)]
    [InlineData("\"route\": \" Intravenous \"", Route.Intravenous)]
    public void Parse_RouteSynonyms_GiveTheRouteOfTheOptions(string arm, Route route) =>
        Assert.Equal(route, TrialDesignJson.Parse(Scenario(arm)).Design.Arms[0].Administration.Route);

    [Theory]
    [InlineData("\"drug\": \"S-ketamine\",", Drug.Esketamine, "perez-ruixo")]
    [InlineData("\"drug\": \"ketamine\",", Drug.RacemicKetamine, "domino")]
    [InlineData("\"model\": \"PEREZ_RUIXO\",", Drug.Esketamine, "perez-ruixo")]
    [InlineData("\"drug\": \"racemic\", \"model\": \"Hijazi\",", Drug.RacemicKetamine, "hijazi")]
    public void Parse_DrugAndModelWords_ResolveLikeTheOptions(string top, Drug drug, string model)
    {
        var design = TrialDesignJson.Parse(Scenario("\"route\": \"iv\"", top)).Design;
        Assert.Equal(drug, design.Drug);
        Assert.Equal(model, design.Population.Pk.Key);
    }

    [Fact]
    public void Parse_ModelOfTheOtherDrug_NamesThePathAndBothDrugs()
    {
        var ex = Assert.Throws<ScenarioException>(() => TrialDesignJson.Parse(Scenario("\"route\": \"iv\"", "\"drug\": \"esketamine\", \"model\": \"domino\",")));
        Assert.Equal("$.model", ex.JsonPath);
        Assert.Contains("model domino is a model of racemic ketamine, but drug esketamine was given", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"infusion\": \"0\"")]
    [InlineData("\"infusion\": 0")]
    [InlineData("\"infusion\": \"none\"")]
    [InlineData("\"infusion\": \"0min\"")]
    public void Parse_NoInfusion_IsABolus(string infusion) =>
        Assert.False(TrialDesignJson.Parse(Scenario("\"route\": \"iv\", " + infusion)).Design.Arms[0].Administration.IsInfusion);

    [Theory]
    [InlineData("\"repeat\": 8")]
    [InlineData("\"sessions\": 8")]
    public void Parse_RepeatOrItsOlderNameSessions_GiveTheSameRegimen(string repeat)
    {
        var arm = TrialDesignJson.Parse(Scenario($"\"route\": \"intranasal\", {repeat}, \"interval\": \"3.5d\"")).Design.Arms[0];
        Assert.Equal(8, arm.Sessions);
        Assert.Equal(TimeSpan.FromDays(3.5), arm.Interval);
    }

    [Fact]
    public void Parse_RepeatAndSessionsBoth_IsAnError()
    {
        var ex = Assert.Throws<ScenarioException>(() => TrialDesignJson.Parse(Scenario("\"route\": \"iv\", \"repeat\": 2, \"sessions\": 2, \"interval\": \"1d\"")));
        Assert.Equal("$.arms[0].sessions", ex.JsonPath);
    }

    [Fact]
    public void Parse_UnknownRoute_ListsTheRoutesOfTheOptions()
    {
        var ex = Assert.Throws<ScenarioException>(() => TrialDesignJson.Parse(Scenario("\"route\": \"rectal\"")));
        Assert.Equal("$.arms[0].route: route 'rectal': unknown route; use iv, intranasal, oral, sublingual, im or sc.", ex.Message);
    }

    [Fact]
    public void ScenarioFilesDoc_ListsEveryWordTheLibraryAccepts()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        string doc = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "scenario-files.md"));
        var words = Words.DrugWords.Values.Concat(Words.RouteWords.Values).SelectMany(w => w).Concat(PkParameterSet.Keys).Concat(Hypothesis.Names);
        foreach (var word in words) Assert.Contains($"`{word}`", doc, StringComparison.Ordinal);
        foreach (var word in Durations.NoInfusionWords) Assert.Contains($"`\"{word}\"`", doc, StringComparison.Ordinal);
    }
}

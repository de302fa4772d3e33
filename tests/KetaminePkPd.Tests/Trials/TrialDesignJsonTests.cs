using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

public class TrialDesignJsonTests
{
    private const string Nimh = """
        {
          // the NIMH design as a scenario file
          "name": "NIMH from JSON",
          "model": "domino",
          "scale": "hdrs17",
          "assessments": ["230min", "1d", "3d", "7d"],
          "arms": [ { "name": "ketamine", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 108 } ],
          "hypothesis": { "kind": "shared-sensitivity", "rho": 0.4 },
        }
        """;

    [Fact]
    public void Parse_NimhScenario_GivesTheSameTrialAsTheBuiltInDesign()
    {
        var (design, hypothesis) = TrialDesignJson.Parse(Nimh);
        Assert.Equal("NIMH from JSON", design.Name);
        Assert.Equal(RatingScale.Hdrs17, design.Scale);
        Assert.Equal(0.4, hypothesis!.SensitivityCorrelation);
        var fromJson = VirtualTrial.Run(design.WithTotalSubjects(10), hypothesis, 2);
        var builtIn = VirtualTrial.Run(TrialDesign.Nimh.WithTotalSubjects(10), Hypothesis.SharedSensitivity(0.4), 2);
        Assert.Equal(builtIn.Subjects.Select(s => s.PercentChanges[1]), fromJson.Subjects.Select(s => s.PercentChanges[1]));
    }

    [Fact]
    public void Parse_FullScenario_ReadsPopulationParametersAndClinicalModel()
    {
        var (design, _) = TrialDesignJson.Parse("""
            { "name": "full", "drug": "esketamine", "cadssAt": "45min", "assessments": ["4h", "1d"],
              "arms": [ { "name": "56 mg x 8", "route": "intranasal", "dose": "56mg", "subjects": 30, "sessions": 8, "interval": "3.5d" } ],
              "parameters": { "EC50_A": 45, "FRN": 0.5 },
              "population": { "weightMeanKg": 75, "asianFraction": 0.2, "variability": { "VC": 0.3, "C50_D": 0.4 },
                              "correlations": [ { "a": "VC", "b": "C50_D", "rho": 0.2 } ] },
              "clinical": { "placeboMean": 5, "ratingNoiseSd": 2 } }
            """);
        Assert.Equal(Drug.Esketamine, design.Drug);
        Assert.Equal(TimeSpan.FromMinutes(45), design.CadssTime);
        Assert.Equal(8, design.Arms[0].Sessions);
        Assert.Equal(45, design.Population.Effects["EC50_A"].Value);
        Assert.Equal(0.5, design.Population.Pk["FRN"].Value);
        Assert.Equal(0.2, design.Population.Variability.Correlation("VC", "C50_D"));
        Assert.Equal(0.2, design.Population.Covariates.AsianFraction);
        Assert.Equal(5, design.Clinical.PlaceboMean);
    }

    [Fact]
    public void Parse_ClinicalPresetAndEveryClinicalKey_AreRead()
    {
        // Issue 16: scenario files set every part of the clinical model, starting from a preset.
        var (design, _) = TrialDesignJson.Parse("""
            { "name": "clinical", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "0.5mg/kg", "subjects": 5 } ],
              "clinical": { "preset": "midazolam_controlled", "placeboPersistentFraction": 0.3, "placeboFadeHalfTimeH": 6, "activeControlMadrs": 4,
                            "slowPlaceboMean": 2, "slowPlaceboSd": 3, "slowPlaceboHalfTimeDays": 10 } }
            """);
        var c = design.Clinical;
        Assert.Equal(ClinicalModel.MidazolamControlled.PlaceboSd, c.PlaceboSd);   // from the preset
        Assert.Equal((0.3, 6.0, 4.0, 2.0, 3.0, 10.0), (c.PlaceboPersistentFraction, c.PlaceboFadeHalfTimeH, c.ActiveControlMadrs, c.SlowPlaceboMean, c.SlowPlaceboSd, c.SlowPlaceboHalfTimeDays));
    }

    [Theory]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "clinical": { "preset": "homeopathic" } }""", "$.clinical.preset", "homeopathic")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "clinical": { "placeboPersistentFraction": 2 } }""", "$.clinical.placeboPersistentFraction", "PlaceboPersistentFraction")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "hypothesis": { "kind": "mediation", "rho": 0.3 } }""", "$.hypothesis", "combines a shared sensitivity")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "population": { "variability": { "C50_D": 0.5, "EC50_A": 0.5 }, "correlations": [ { "a": "C50_D", "b": "EC50_A", "rho": 0.3 } ] }, "hypothesis": { "kind": "shared-sensitivity" } }""", "$.hypothesis", "correlated")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35", "subjects": 5 } ] }""", "$.arms[0].dose", "no unit")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 0 } ] }""", "$.arms[0]", "subjects")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "teleport", "dose": "35mg", "subjects": 5 } ] }""", "$.arms[0].route", "teleport")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "im", "dose": "35mg", "subjects": 5 } ], "model": "herd" }""", "$", "Intramuscular")]
    [InlineData("""{ "name": "x", "assessments": ["1 fortnight"], "arms": [] }""", "$.assessments[0]", "fortnight")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5, "dose_": 1 } ] }""", "$.arms[0].dose_", "unknown key")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "parameters": { "CL": -1 } }""", "$.parameters.CL", "CL")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "hypothesis": { "kind": "mediation", "share": 3 } }""", "$.hypothesis.share", "Share")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ], "population": { "variability": { "NOPE": 0.2 } } }""", "$.population", "NOPE")]
    [InlineData("""{ "name": "x", "drug": "esketamine", "model": "domino", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "35mg", "subjects": 5 } ] }""", "$.model", "domino")]
    [InlineData("""{ "name": "x", "assessments": ["1d"], "arms": [ { "name": "a" """, "$ (line", "not valid JSON")]
    [InlineData("""{ "assessments": ["1d"], "arms": [] }""", "$.name", "required")]
    public void Parse_BadScenario_NamesTheJsonPath(string json, string path, string fragment)
    {
        var ex = Assert.Throws<ScenarioException>(() => TrialDesignJson.Parse(json));
        Assert.StartsWith(path, ex.Message);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsIOException()
    {
        Assert.ThrowsAny<IOException>(() => TrialDesignJson.Load(Path.Combine(Path.GetTempPath(), "no-such-scenario-" + Guid.NewGuid() + ".json")));
    }
}

public class ScenarioExampleTests
{
    [Theory]
    [InlineData("nimh.json")]
    [InlineData("esketamine-twice-weekly.json")]
    public void DocumentedExamples_Load(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "KetaminePkPd.sln"))) dir = dir.Parent;
        var (design, _) = TrialDesignJson.Load(Path.Combine(dir!.FullName, "docs", "scenarios", file));
        Assert.NotEmpty(design.Arms);
        var trial = VirtualTrial.Run(design.WithTotalSubjects(design.Arms.Length * 3), null, 1);
        Assert.Equal(design.Arms.Length * 3, trial.Subjects.Length);
    }
}

using KetaminePkPd.Trials;
using KetaminePkPd.Application;

namespace KetaminePkPd.Tests.Application;

/// <summary><see cref="DesignChoice"/> and <see cref="HypothesisStrengths"/>: the design and strength rules the commands share.</summary>
public sealed class DesignChoiceTests
{
    [Fact]
    public void Resolve_KeyInAnyCase_GivesTheBuiltInDesign_AndNullTheDefault()
    {
        var choice = DesignChoice.Resolve(" Dose-Ranging ");

        Assert.Same(TrialDesign.DoseRanging, choice.Design);
        Assert.Equal("dose-ranging", choice.Token);
        Assert.Equal("dose-ranging (built in)", choice.Origin);
        Assert.False(choice.IsDefault);
        Assert.True(DesignChoice.Resolve(null).IsDefault);
        Assert.Equal(["nimh", "dose-ranging", "esketamine-intranasal", "twice-weekly"], DesignChoice.Keys);
    }

    [Fact]
    public void Resolve_UnknownKeyMissingFileOrDirectory_NamesTheOption()
    {
        Assert.Equal("--design 'nimh2': unknown design; use nimh, dose-ranging, esketamine-intranasal, twice-weekly or a scenario .json file.",
            Assert.Throws<ArgumentException>(() => DesignChoice.Resolve("nimh2")).Message);
        Assert.StartsWith("design 'no-such.json': file not found", Assert.Throws<FileNotFoundException>(() => DesignChoice.Resolve("no-such.json", "design")).Message, StringComparison.Ordinal);
        string dir = Path.GetTempPath();
        Assert.EndsWith("is a directory; give a scenario .json file.", Assert.Throws<IOException>(() => DesignChoice.Resolve(dir)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_ScenarioFile_KeepsItsHypothesisAndFullPath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"ketamine-pkpd-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            { "name": "one arm", "assessments": ["1d"], "arms": [ { "name": "a", "route": "iv", "dose": "0.5mg/kg", "infusion": "40min", "subjects": 12 } ],
              "hypothesis": { "kind": "mediation", "share": 0.8 } }
            """);
        try
        {
            var choice = DesignChoice.Resolve(path);
            Assert.Equal(Path.GetFullPath(path), choice.FilePath);
            Assert.Equal(0.8, choice.ScenarioHypothesis!.MediationShare);
            Assert.Equal(12, choice.Design.TotalSubjects);
            Assert.Equal($"scenario file {Path.GetFullPath(path)}", choice.Origin);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Strengths_ApplyOnlyToTheirHypothesis_AndRoundTripAsArguments()
    {
        var s = new HypothesisStrengths(rho: 0.25, thresholdCadss: 12, boostMadrs: 3);

        Assert.Equal(0.25, s.Apply(Hypothesis.SharedSensitivity()).SensitivityCorrelation);
        Assert.Equal(0.5, s.Apply(Hypothesis.Mediation()).MediationShare);
        var e = s.Apply(Hypothesis.Expectancy());
        Assert.Equal((12.0, 3.0), (e.ExpectancyThresholdCadss, e.ExpectancyBoostMadrs));
        Assert.Equal(["--rho 0.25", "--threshold-cadss 12", "--boost 3"], s.Arguments());
        Assert.Equal(("--rho", "shared-sensitivity"), s.FirstWithout(["exposure-only", "expectancy"]));
        Assert.Null(s.FirstWithout(["SHARED-SENSITIVITY", "expectancy"]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HypothesisStrengths(thresholdCadss: Hypothesis.MaxThresholdCadss + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HypothesisStrengths(share: double.NaN));
    }
}

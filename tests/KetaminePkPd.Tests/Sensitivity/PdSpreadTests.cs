using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary>
/// The five PD-spread assumptions share one branch in <see cref="SensitivityAnalysis.Levels"/> and one in
/// <see cref="SensitivityAnalysis.Apply"/> (keyed by the effect parameter each varies): each reaches its own parameter's SD
/// and no other, and the other assumptions do not reach the variability at all.
/// </summary>
public sealed class PdSpreadTests
{
    public static TheoryData<SensitivityAssumption, string> PdSpreads => new()
    {
        { SensitivityAssumption.DissociationC50Sd, "C50_D" },
        { SensitivityAssumption.DissociationEmaxSd, "EMAX_D" },
        { SensitivityAssumption.AntidepressantEc50Sd, "EC50_A" },
        { SensitivityAssumption.AntidepressantScaleSd, "SCALE_A" },
        { SensitivityAssumption.AntidepressantDurationSd, "KDEC" },
    };

    /// <summary>Every level of a PD spread is its multiple of the design's SD of that parameter, labelled "SD value (multiple)";
    /// applying the top level sets that SD to the level's value and leaves every other SD as it was.</summary>
    [Theory]
    [MemberData(nameof(PdSpreads))]
    public void LevelsAndApply_PdSpread_ChangeOnlyItsOwnParameter(SensitivityAssumption assumption, string parameter)
    {
        var design = TrialDesign.Nimh;
        var v = design.Population.Variability;
        double sd = v.StandardDeviations[v.IndexOf(parameter)];
        var levels = SensitivityAnalysis.Levels(assumption, design);
        Assert.Equal(SensitivitySettings.Multipliers(assumption).Length, levels.Length);
        foreach (var level in levels)
        {
            Assert.Equal(level.Multiplier * sd, level.Value, 15);
            Assert.StartsWith("SD ", level.Label, StringComparison.Ordinal);
        }
        Assert.Single(levels, l => l.IsDefault);

        var top = levels[^1];
        Assert.True(top.Multiplier > 1);
        var (changed, spread) = SensitivityAnalysis.Apply(design, [top]);
        var w = changed.Population.Variability;
        Assert.Equal(1, spread);
        for (int i = 0; i < v.StandardDeviations.Length; i++)
            Assert.Equal(i == v.IndexOf(parameter) ? top.Value : v.StandardDeviations[i], w.StandardDeviations[i]);
        Assert.Equal(design.Clinical, changed.Clinical);
    }

    /// <summary>The placebo, noise and baseline assumptions change the clinical model only: the variability is the same object's values.</summary>
    [Theory]
    [InlineData(SensitivityAssumption.PlaceboMean)]
    [InlineData(SensitivityAssumption.PlaceboSd)]
    [InlineData(SensitivityAssumption.DepressionRatingNoiseSd)]
    [InlineData(SensitivityAssumption.CadssRatingNoiseSd)]
    [InlineData(SensitivityAssumption.BaselineMean)]
    public void Apply_ClinicalAssumption_LeavesTheVariability(SensitivityAssumption assumption)
    {
        var design = TrialDesign.Nimh;
        var top = SensitivityAnalysis.Levels(assumption, design)[^1];
        var (changed, _) = SensitivityAnalysis.Apply(design, [top]);
        Assert.Equal(design.Population.Variability.StandardDeviations, changed.Population.Variability.StandardDeviations);
        Assert.NotEqual(design.Clinical, changed.Clinical);
    }
}

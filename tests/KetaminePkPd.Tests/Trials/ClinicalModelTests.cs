using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Trials;

/// <summary>The clinical model's placebo time course and presets (issue 16, docs/model.md section 4.3).</summary>
public sealed class ClinicalModelTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 0)]
    [InlineData(2, 0.75 * (0.5 + 0.5 * 0.8908987181403393))]   // (1 - 2^-2) (0.5 + 0.5 x 2^(-2/12))
    [InlineData(24, (1 - 1.0 / 16777216) * (0.5 + 0.5 * 0.25))]
    [InlineData(1000, 0.5)]
    public void PlaceboCourse_RisesThenHalfOfItFades_ClosedForm(double hours, double expected)
    {
        Assert.Equal(expected, ClinicalModel.Default.PlaceboCourse(hours), 12);
    }

    [Fact]
    public void PlaceboCourse_WithPersistentFractionOne_IsTheOnsetAlone()
    {
        var held = ClinicalModel.Default with { PlaceboPersistentFraction = 1 };
        foreach (double h in new[] { 0.5, 3, 48, 500 })
            Assert.Equal(1 - Math.Pow(2, -h / held.PlaceboHalfTimeH), held.PlaceboCourse(h), 14);
    }

    [Fact]
    public void ContinuedOralAntidepressant_PlaceboMean_FollowsDalysPlaceboArm()
    {
        // Daly 2018 placebo arm: -9.7 at 2 h, -5.7 at 24 h, -4.9 at day 8 (docs/validation.md daly-placebo-*): the preset's mean course
        // gives 10.0, 6.9 and 5.5 (before the scale's floor), inside the targets' +/-2 SE.
        var m = ClinicalModel.ContinuedOralAntidepressant;
        Assert.InRange(m.PlaceboMean * m.PlaceboCourse(2), 6.2, 13.2);
        Assert.InRange(m.PlaceboMean * m.PlaceboCourse(24), 2.1, 9.3);
        Assert.InRange(m.PlaceboMean * m.PlaceboCourse(7 * 24), 1.4, 8.4);
        Assert.True(m.PlaceboCourse(2) > m.PlaceboCourse(24), "the placebo response rises and then fades");
    }

    [Fact]
    public void Presets_AreNamedAndTheMidazolamControlHasAnActiveEffect()
    {
        Assert.Equal(["saline-controlled", "midazolam-controlled", "continued-oral-antidepressant", "new-oral-antidepressant"], ClinicalModel.Presets.Keys);
        Assert.Same(ClinicalModel.Default, ClinicalModel.Presets["saline-controlled"]);
        Assert.Equal(0, ClinicalModel.Default.ActiveControlMadrs);
        Assert.True(ClinicalModel.MidazolamControlled.ActiveControlMadrs > 0);
        Assert.Contains("active control", ClinicalModel.MidazolamControlled.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ActiveControl_AppliesOnlyToArmsWithoutDrug()
    {
        var design = KetaminePkPd.Validation.ValidationDesigns.MidazolamControlledIv(30);
        var withActive = VirtualTrial.Run(design, null, 2);
        var without = VirtualTrial.Run(design.With(clinical: design.Clinical with { ActiveControlMadrs = 0 }), null, 2);
        double course = design.Clinical.PlaceboCourse(24);
        for (int i = 0; i < 60; i++)
        {
            double diff = withActive.Subjects[i].Scores[1] - without.Subjects[i].Scores[1];
            if (without.Subjects[i].Scores[1] < 10) continue;   // clear of the scale's floor
            Assert.Equal(withActive.Subjects[i].Simulated.Arm == 0 ? -8 * course : 0, diff, 9);
        }
    }

    [Fact]
    public void NewRanges_AreChecked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalModel.Default with { PlaceboPersistentFraction = 1.5 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalModel.Default with { PlaceboFadeHalfTimeH = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => ClinicalModel.Default with { ActiveControlMadrs = -1 });
    }
}

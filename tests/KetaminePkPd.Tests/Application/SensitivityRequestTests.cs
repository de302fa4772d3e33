using KetaminePkPd.Trials;
using KetaminePkPd.Application;
using KetaminePkPd.Sensitivity;

namespace KetaminePkPd.Tests.Application;

/// <summary><see cref="SensitivityRequest"/>: defaults, the arguments that reproduce a request, and the combinations it refuses.</summary>
public sealed class SensitivityRequestTests
{
    [Fact]
    public void Resolve_NothingGiven_IsTheDefaultRunWithNoArguments()
    {
        var request = SensitivityRequest.Resolve();
        Assert.Empty(request.Arguments);
        Assert.Equal("ketamine-pkpd sensitivity", request.Reproduce);
        Assert.Equal(SensitivitySettings.Default with { Assumptions = [.. SensitivitySettings.AllAssumptions.Where(a => SensitivitySettings.AppliesTo(a, TrialDesign.Nimh))] }, request.Settings);
    }

    [Fact]
    public void Resolve_OptionsGiven_ReproducesThemInCanonicalForm()
    {
        var request = SensitivityRequest.Resolve(vary: ["DOSE-SPREAD"], pair: "placebo-mean, baseline-mean", replicates: 100, subjects: 400, seed: 4);
        Assert.Equal("ketamine-pkpd sensitivity --vary dose-spread --pair placebo-mean,baseline-mean --replicates 100 --subjects 400 --seed 4", request.Reproduce);
        Assert.Equal((SensitivityAssumption.PlaceboMean, SensitivityAssumption.BaselineMean), request.Settings.Pair);
        Assert.Equal(400, request.Settings.PoolSize);
    }

    [Fact]
    public void Resolve_OneObservationAndAStrength_AreKeptInTheArguments()
    {
        var design = DesignChoice.Resolve("esketamine-intranasal");
        var request = SensitivityRequest.Resolve(design, "mediation", new HypothesisStrengths(share: 0.3), vary: ["placebo-sd"],
            observedR: -0.04, observedN: 576, observedAt: TimeSpan.FromDays(1), subjects: 2400);
        Assert.Equal(["--design", "esketamine-intranasal", "--hypothesis", "mediation", "--share", "0.3", "--vary", "placebo-sd",
            "--observed-r=-0.04", "--observed-n", "576", "--observed-at", "1d", "--subjects", "2400"], request.Arguments.ToArray());
        Assert.Equal(0.3, request.Settings.Hypothesis.MediationShare);
        Assert.Equal(576, Assert.Single(request.Settings.Observed).N);
    }

    [Theory]
    [InlineData("rho", "--rho applies to the shared-sensitivity hypothesis, not to exposure-only")]
    [InlineData("pool", "i.e. at least 232")]
    [InlineData("observed", "--observed-r, --observed-n and --observed-at go together")]
    public void Resolve_BadCombination_ThrowsNamingTheOption(string what, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = what switch
        {
            "rho" => SensitivityRequest.Resolve(strengths: new HypothesisStrengths(rho: 0.3)),
            "pool" => SensitivityRequest.Resolve(subjects: 200),
            _ => SensitivityRequest.Resolve(observedR: -0.3),
        });
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }
}

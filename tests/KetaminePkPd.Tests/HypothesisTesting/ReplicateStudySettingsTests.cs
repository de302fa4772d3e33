using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Tests.HypothesisTesting;

/// <summary>The rules shared by <see cref="SensitivitySettings"/> and <see cref="StrengthScanSettings"/>, and their word lists.</summary>
public sealed class ReplicateStudySettingsTests
{
    [Fact]
    public void Validate_PoolBelowFourTimesTheLargestN_ThrowsWithTheMinimum()
    {
        var settings = SensitivitySettings.Default with { PoolSize = 200 };
        Assert.Equal(232, HypothesisTestSettings.MinimumPoolSize(settings.Observed));
        var ex = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.Contains("at least 4 times the largest observed n (58), i.e. at least 232", ex.Message, StringComparison.Ordinal);
        (settings with { PoolSize = 232 }).Validate();
        Assert.Throws<ArgumentException>((StrengthScanSettings.Default with { PoolSize = 231 }).Validate);
    }

    [Fact]
    public void Validate_ObservationAtATimeTheDesignDoesNotAssess_Throws()
    {
        var settings = StrengthScanSettings.Default with { Observed = [new ObservedCorrelation(TimeSpan.FromDays(2), -0.3, 40, "test")] };
        var ex = Assert.Throws<ArgumentException>(settings.Validate);
        Assert.StartsWith("Observation at 2d is not an assessment of design", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NothingToVary_Throws()
    {
        var ex = Assert.Throws<ArgumentException>((SensitivitySettings.Default with { Assumptions = [] }).Validate);
        Assert.StartsWith("Nothing to vary", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Observation_AllOrNone()
    {
        Assert.Null(ReplicateStudySettings.Observation(null, null, null));
        var one = ReplicateStudySettings.Observation(-0.2, 40, TimeSpan.FromDays(1), "here");
        Assert.Equal(-0.2, Assert.Single(one!.Value).R);
        var ex = Assert.Throws<ArgumentException>(() => ReplicateStudySettings.Observation(-0.2, null, null, names: "--r, --n and --at"));
        Assert.Equal("--r, --n and --at go together: give all three.", ex.Message);
    }

    [Fact]
    public void Equality_ComparesBaseAndOwnMembersByValue()
    {
        var a = SensitivitySettings.Default with { Assumptions = [SensitivityAssumption.PlaceboSd], Replicates = 200 };
        var b = SensitivitySettings.Default with { Assumptions = [SensitivityAssumption.PlaceboSd], Replicates = 200 };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Seed = 2 });
        Assert.NotEqual(a, b with { Assumptions = [SensitivityAssumption.PlaceboMean] });
        Assert.NotEqual<ReplicateStudySettings>(SensitivitySettings.Default, StrengthScanSettings.Default);
    }

    [Fact]
    public void ParseList_TokensNoneAndDefaults()
    {
        var nimh = TrialDesign.Nimh;
        Assert.Equal([SensitivityAssumption.PlaceboSd, SensitivityAssumption.DoseSpread], SensitivitySettings.ParseAssumptions(["placebo-sd, DOSE-SPREAD"], nimh).ToArray());
        Assert.Empty(SensitivitySettings.ParseAssumptions(["none"], nimh));
        Assert.Equal(SensitivitySettings.AllAssumptions.Where(a => SensitivitySettings.AppliesTo(a, nimh)), SensitivitySettings.ParseAssumptions(null, nimh));
        Assert.Equal("--vary 'telepathy': unknown assumption; use pk-variability, dose-spread, c50-d-sd, emax-d-sd, ec50-a-sd, scale-a-sd, kdec-sd, placebo-mean, placebo-sd, rating-noise-sd, cadss-noise-sd, cadss-time, baseline-mean.",
            Assert.Throws<ArgumentException>(() => SensitivitySettings.ParseAssumptions(["telepathy"], nimh, "--vary")).Message);
        Assert.Equal("--vary placebo-sd is given more than once.",
            Assert.Throws<ArgumentException>(() => SensitivitySettings.ParseAssumptions(["placebo-sd", "placebo-sd"], nimh, "--vary")).Message);
    }

    [Fact]
    public void ParsePair_TwoDifferentTokens()
    {
        Assert.Equal((SensitivityAssumption.PlaceboSd, SensitivityAssumption.AntidepressantEc50Sd), SensitivitySettings.ParsePair("placebo-sd,ec50-a-sd", TrialDesign.Nimh));
        Assert.StartsWith("--pair 'placebo-sd': give two assumptions",
            Assert.Throws<ArgumentException>(() => SensitivitySettings.ParsePair("placebo-sd", TrialDesign.Nimh, "--pair")).Message, StringComparison.Ordinal);
        Assert.Equal("--pair 'placebo-sd,placebo-sd': the two assumptions must differ.",
            Assert.Throws<ArgumentException>(() => SensitivitySettings.ParsePair("placebo-sd,placebo-sd", TrialDesign.Nimh, "--pair")).Message);
    }

    [Fact]
    public void StrengthWords_RoundTrip()
    {
        foreach (var p in Enum.GetValues<StrengthParameter>())
            Assert.Equal([p], StrengthScanSettings.ParseParameters([StrengthScanSettings.Token(p).ToUpperInvariant()]).ToArray());
        Assert.Equal(StrengthScanSettings.Default.Parameters, StrengthScanSettings.ParseParameters([]));
        Assert.Equal("--strength 'telepathy': use rho, share, boost or threshold.",
            Assert.Throws<ArgumentException>(() => StrengthScanSettings.ParseParameters(["telepathy"], "--strength")).Message);
        Assert.Equal(PValueCombination.Fisher, StrengthScanSettings.ParseCombination(" Fisher "));
        Assert.Equal("--combine 'average': use bonferroni or fisher.",
            Assert.Throws<ArgumentException>(() => StrengthScanSettings.ParseCombination("average", "--combine")).Message);
    }
}

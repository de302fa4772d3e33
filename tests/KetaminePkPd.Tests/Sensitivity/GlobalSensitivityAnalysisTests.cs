using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary>
/// <see cref="SensitivityAnalysis"/> on small settings (6 worlds, exposure-only, 100 replicates from pools of 240, seed 2;
/// a few seconds): the mapping of the ranges, shards and serial runs equal to the whole run, the summaries read from the worlds, and bad input.
/// </summary>
public sealed class GlobalSensitivityAnalysisTests
{
    private static readonly GlobalSensitivitySettings Small = GlobalSensitivitySettings.Default with
    {
        Worlds = 6, Hypotheses = [Hypothesis.ExposureOnly], Replicates = 100, PoolSize = 240, Seed = 2,
    };

    private static readonly Lazy<GlobalSensitivityResult> SmallRun = new(() => GlobalSensitivityResult.Run(Small));

    /// <summary>Linear ranges map u to lo + (hi - lo) u; the log ranges (CADSS time x0.25-4, dose spread k 1-3) to lo (hi/lo)^u, so u = 0.5 is the geometric mean.</summary>
    [Fact]
    public void Multiplier_MapsTheUnitIntervalOntoTheDocumentedRange()
    {
        Assert.Equal(0, SensitivityAnalysis.Multiplier(SensitivityAssumption.PlaceboSd, 0));
        Assert.Equal(1, SensitivityAnalysis.Multiplier(SensitivityAssumption.PlaceboSd, 0.5), 12);
        Assert.Equal(1.5, SensitivityAnalysis.Multiplier(SensitivityAssumption.PkVariability, 0.5), 12);
        Assert.Equal(1, SensitivityAnalysis.Multiplier(SensitivityAssumption.CadssTime, 0.5), 12);
        Assert.Equal(Math.Sqrt(3), SensitivityAnalysis.Multiplier(SensitivityAssumption.DoseSpread, 0.5), 12);
        Assert.Equal(0.875, SensitivityAnalysis.Multiplier(SensitivityAssumption.BaselineMean, 0.25), 12);
        Assert.True(SensitivitySettings.IsLogScale(SensitivityAssumption.CadssTime));
        Assert.False(SensitivitySettings.IsLogScale(SensitivityAssumption.BaselineMean));
    }

    /// <summary>A world's level changes the design as the one-at-a-time level of the same value does (placebo SD x0.5 of 10 is 5; C50_D SD x2).</summary>
    [Fact]
    public void Level_AppliesTheMultipleToTheDesignsCurrentValue()
    {
        var design = TrialDesign.Nimh;
        var (placebo, _) = SensitivityAnalysis.Apply(design, [SensitivityAnalysis.Level(SensitivityAssumption.PlaceboSd, 0.5, design)]);
        Assert.Equal(design.Clinical.PlaceboSd * 0.5, placebo.Clinical.PlaceboSd, 12);
        var v = design.Population.Variability;
        var (pd, _) = SensitivityAnalysis.Apply(design, [SensitivityAnalysis.Level(SensitivityAssumption.DissociationC50Sd, 2, design)]);
        Assert.Equal(2 * v.StandardDeviations[v.IndexOf("C50_D")], pd.Population.Variability.StandardDeviations[v.IndexOf("C50_D")], 12);
        var (_, spread) = SensitivityAnalysis.Apply(design, [SensitivityAnalysis.Level(SensitivityAssumption.DoseSpread, 2.5, design)]);
        Assert.Equal(2.5, spread);
    }

    /// <summary>Shards 1/3..3/3 merged in any order, and a serial run, give exactly the whole run's worlds and outcomes.</summary>
    [Fact]
    public void MergeOfShards_AndSerialRun_EqualTheWholeRun()
    {
        var whole = SmallRun.Value;
        var worlds = new[] { 3, 1, 2 }.SelectMany(k => GlobalSensitivityResult.RunShard(Small, k, 3));
        var merged = GlobalSensitivityResult.Merge(Small, worlds);
        Assert.Equal(whole.Worlds, merged.Worlds);
        Assert.Equal(whole.Outcomes, merged.Outcomes);
        var serial = GlobalSensitivityResult.Run(Small with { Parallel = false });
        Assert.Equal(whole.Worlds, serial.Worlds);
    }

    /// <summary>The summaries are read from the worlds: the plausible count, the share compatible (p &gt;= 0.05) and the median quantiles of the plausible worlds' median r;
    /// implausible worlds run no hypothesis test (NaN); each world's targets decide its plausibility by the catalogue's acceptance intervals.</summary>
    [Fact]
    public void Run_Summaries_AreReadFromThePlausibleWorlds()
    {
        var result = SmallRun.Value;
        Assert.Equal(6, result.Worlds.Length);
        Assert.Equal(Enumerable.Range(0, 6), result.Worlds.Select(w => w.Index));
        foreach (var w in result.Worlds)
        {
            bool hits = w.Targets.Select((v, i) => v >= result.Targets[i].Low && v <= result.Targets[i].High).All(x => x);
            Assert.Equal(hits, w.IsPlausible);
            Assert.Equal(!w.IsPlausible, w.MedianR.All(double.IsNaN));
            Assert.All(w.Multipliers.Zip(Small.Assumptions), m => Assert.InRange(m.First, SensitivitySettings.Multipliers(m.Second).Min(), SensitivitySettings.Multipliers(m.Second).Max()));
        }
        Assert.Equal(["cadss-mean", "cadss-sd", "iv-sal-response-1d", "iv-sal-placebo-response-1d", "iv-sd-ratio-1d"], result.Targets.Select(t => t.Key));
        for (int o = 0; o < 2; o++)
        {
            var outcome = result.Outcomes[o];
            var plausible = result.Worlds.Where(w => w.IsPlausible).ToList();
            Assert.Equal(plausible.Count, outcome.Worlds);
            Assert.Equal(plausible.Count(w => w.TwoSidedP[o] >= 0.05), outcome.Compatible);
            if (plausible.Count > 0)
                Assert.Equal(KetaminePkPd.Statistics.SamplingDistribution.FromReplicates(plausible.Select(w => w.MedianR[o]).ToArray()).Median, outcome.MedianRQuantiles[2]);
        }
        Assert.Equal(6L * 1000 + (long)result.PlausibleWorlds * 240, result.SubjectSimulations);
    }

    [Fact]
    public void Merge_MissingOrForeignWorld_ThrowsNamingIt()
    {
        var worlds = SmallRun.Value.Worlds;
        var missing = Assert.Throws<ArgumentException>(() => GlobalSensitivityResult.Merge(Small, worlds.Where(w => w.Index != 4)));
        Assert.Contains("world 4 is missing", missing.Message, StringComparison.Ordinal);
        var other = Assert.Throws<ArgumentException>(() => GlobalSensitivityResult.Merge(Small with { Hypotheses = [.. Hypothesis.All] }, worlds));
        Assert.Contains("was it run with other settings?", other.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_OutOfRange_ThrowNamingTheProperty()
    {
        var worlds = Assert.Throws<ArgumentOutOfRangeException>(() => Small with { Worlds = 0 });
        Assert.Equal("Worlds", worlds.ParamName);
        Assert.Contains("[1, 1000000], got 0", worlds.Message, StringComparison.Ordinal);
        Assert.Equal("Assumptions", Assert.Throws<ArgumentException>(() => Small with { Assumptions = [] }).ParamName);
        Assert.Equal("Hypotheses", Assert.Throws<ArgumentException>(() => Small with { Hypotheses = [Hypothesis.ExposureOnly, Hypothesis.ExposureOnly] }).ParamName);
        Assert.Equal("PlausibilityPatientsPerArm", Assert.Throws<ArgumentOutOfRangeException>(() => Small with { PlausibilityPatientsPerArm = 99 }).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => GlobalSensitivityResult.RunShard(Small, 4, 3));
    }

    [Fact]
    public void WorldCreate_BadValues_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GlobalWorld.Create(-1, [1], [1], false, [double.NaN], [double.NaN]));
        Assert.Throws<ArgumentException>(() => GlobalWorld.Create(0, [-1], [1], false, [double.NaN], [double.NaN]));
        Assert.Throws<ArgumentException>(() => GlobalWorld.Create(0, [1], [1], true, [0.2], [double.NaN]));
        Assert.Throws<ArgumentException>(() => GlobalWorld.Create(0, [1], [1], true, [1.5], [0.5]));
        Assert.Equal(0.2, GlobalWorld.Create(0, [1], [double.NaN], true, [0.2], [0.5]).MedianR[0]);
    }
}

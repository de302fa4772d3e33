using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Strengths;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Strengths;

/// <summary>
/// What the strength scan shares across its grid points, its ceilings and its detection rates (the grid's linked pools simulated
/// patient by patient with a propagator tape, the ceilings' and detection rates' patients cached): every value is the one each
/// part computes alone, bit for bit.
/// </summary>
public class StrengthSharingTests
{
    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>Each grid point's replicate r are those of its own pool simulated alone and its own replicate trials (the same streams).</summary>
    [Fact]
    public void Run_EachGridPoint_IsItsOwnPoolAndReplicatesBitForBit()
    {
        var settings = StrengthScanSettings.Default with
        {
            Parameters = [StrengthParameter.MediationShare, StrengthParameter.ExpectancyThreshold], Replicates = 100, PoolSize = 400, Seed = 7,
        };
        var result = StrengthScanResult.Run(settings);
        var sized = settings.Design.WithTotalSubjects(settings.PoolSize);
        var timeIndex = ReplicateTrials.TimeIndices(settings.Design, settings.Observed, settings.PoolSize, "settings");
        Assert.Equal(11 + 9, result.Points.Length);
        foreach (var point in result.Points)
        {
            var simulator = new TrialSimulator(sized, point.Hypothesis, settings.Seed);
            var pool = ReplicateTrials.SimulatePool(simulator, settings.PoolSize, parallel: false, timeIndex, _ => { });
            var alone = ReplicateTrials.Outcomes(simulator, pool, settings.Observed, settings.Replicates, settings.Seed, parallel: false, timeIndex, _ => { });
            for (int o = 0; o < alone.Length; o++)
                Assert.True(Bits(alone[o].R.Values).SequenceEqual(Bits(point.Outcomes[o].R.Values)), $"{point.Parameter} {point.Value}, observation {o}");
        }
    }

    /// <summary>
    /// The ceilings with their patients simulated anew, from a cache a first run filled, and the detection rates with and without that
    /// cache (the same design, size and seed: the scan's detection rates take the ceilings' patients) give the same bits.
    /// </summary>
    [Fact]
    public void CeilingsAndDetectionRates_FromAFilledCache_GiveTheBitsOfFreshRuns()
    {
        const int patients = 400;
        const ulong seed = 9;
        var design = TrialDesign.Nimh;
        var cache = HypothesisCeilings.NewCache(patients);
        var fresh = HypothesisCeilings.Run(design, patients, seed, parallel: true, thresholdCadss: 20, HypothesisCeilings.NewCache(patients));
        var filling = HypothesisCeilings.Run(design, patients, seed, parallel: false, thresholdCadss: 20, cache);
        var cached = HypothesisCeilings.Run(design, patients, seed, parallel: true, thresholdCadss: 20, cache);
        static double[] Values(IEnumerable<HypothesisCeiling> rows) => [.. rows.SelectMany(r => new[] { r.ExposureOnlyR, r.DerivedR, r.SimulatedR })];
        Assert.Equal(4 * design.Assessments.Length, fresh.Length);
        Assert.Equal(Bits(Values(fresh)), Bits(Values(filling)));
        Assert.Equal(Bits(Values(fresh)), Bits(Values(cached)));
        Assert.Equal(fresh.Select(r => r.Strength), cached.Select(r => r.Strength));

        var time = TimeSpan.FromMinutes(230);
        var alone = DetectionRates.Run(design, Hypothesis.All, time, [20, 58], replicates: 100, poolSize: patients, seed: seed);
        var shared = DetectionRates.Run(design, Hypothesis.All, time, [20, 58], replicates: 100, poolSize: patients, seed: seed, cache: cache);
        static double[] Rates(IEnumerable<DetectionRate> rates) => [.. rates.SelectMany(r => new[] { r.ShareSignificant, r.ShareSignificantNegative, r.MedianR })];
        Assert.Equal(8, alone.Length);
        Assert.Equal(Bits(Rates(alone)), Bits(Rates(shared)));
    }

    /// <summary>The kept cache is handed out only for the same design object, seed and size, and to one caller at a time.</summary>
    [Fact]
    public void TakeKept_OnlyTheSamePopulation_OnceUntilKeptAgain()
    {
        var design = TrialDesign.Nimh.With(name: "kept-cache probe");
        var cache = HypothesisCeilings.NewCache(300);
        HypothesisCeilings.Keep(design, 5, 300, cache);
        Assert.Null(HypothesisCeilings.TakeKept(design, 6, 300));
        Assert.Null(HypothesisCeilings.TakeKept(design, 5, 301));
        Assert.Null(HypothesisCeilings.TakeKept(TrialDesign.Nimh.With(name: "kept-cache probe"), 5, 300));
        var taken = HypothesisCeilings.TakeKept(design, 5, 300);
        // Another test's ceilings may have replaced the slot in between (tests run in parallel): then nothing is handed out.
        Assert.True(taken is null || ReferenceEquals(taken, cache));
        Assert.Null(HypothesisCeilings.TakeKept(design, 5, 300));
        HypothesisCeilings.Keep(design, 5, HypothesisCeilings.KeepUpTo + 1, HypothesisCeilings.NewCache(10));
        Assert.Null(HypothesisCeilings.TakeKept(design, 5, HypothesisCeilings.KeepUpTo + 1));
    }
}

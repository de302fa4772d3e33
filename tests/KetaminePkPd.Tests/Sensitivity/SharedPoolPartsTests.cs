using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary>
/// <see cref="SharedPoolParts"/>: the sensitivity pools take the base pharmacology's per-patient parts (prepared PK,
/// dissociation, unlinked course) only where their inputs are the same, and a pool made so is bit for bit the pool its
/// setting simulates alone.
/// </summary>
public class SharedPoolPartsTests
{
    private const int Patients = 48;
    private const ulong Seed = 11;
    private static readonly int[] TimeIndex = [0, 1];

    /// <summary>The sensitivity analysis's default design (the NIMH saline-controlled trial).</summary>
    private static TrialDesign DefaultDesign => SensitivitySettings.Default.Design;

    /// <summary>Every level of every assumption that changes the pharmacology, with the design's own levels first.</summary>
    private static List<SensitivityLevel> PharmacologicalLevels(TrialDesign design) =>
        [.. SensitivityAnalysis.All.Where(a => SensitivityAnalysis.AppliesTo(a, design))
            .SelectMany(a => SensitivityAnalysis.Levels(a, design)).Where(l => l.ChangesPharmacology)];

    private static TrialSimulator LevelSimulator(TrialDesign sized, Hypothesis hypothesis, SensitivityLevel level)
    {
        var (design, spread) = SensitivityAnalysis.Apply(sized, [level]);
        return new TrialSimulator(design, hypothesis, Seed, SensitivityAnalysis.DoseFactor(Seed, spread));
    }

    private static RatingPool Alone(TrialSimulator simulator)
    {
        var pool = new RatingPool(Patients, simulator.AssessmentCount, TimeIndex);
        for (int i = 0; i < Patients; i++) pool.Store(i, simulator.Simulate(i));
        return pool;
    }

    private static RatingPool Shared(SharedPoolParts parts, SharedPoolParts.Sharing sharing)
    {
        var pool = new RatingPool(Patients, sharing.Level.AssessmentCount, TimeIndex);
        for (int i = 0; i < Patients; i++) parts.Simulate(sharing, i, pool);
        return pool;
    }

    private static long[] Bits(double[] values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>The pools hold the same bits; the true peak CADSS only where the hypothesis reads it (a rated pool leaves it NaN otherwise).</summary>
    private static void AssertSameBits(RatingPool expected, RatingPool actual, string what, bool readsPeak)
    {
        Assert.Equal(expected.Arm, actual.Arm);
        if (!readsPeak) Assert.All(actual.CadssPeak, p => Assert.True(double.IsNaN(p), $"{what}: a peak nothing reads was computed."));
        foreach (var (e, a, name) in new[]
        {
            (expected.Cadss, actual.Cadss, "CADSS"), (readsPeak ? expected.CadssPeak : [], readsPeak ? actual.CadssPeak : [], "peak"), (expected.Exposure, actual.Exposure, "exposure"),
            (expected.Baseline, actual.Baseline, "baseline"), (expected.Placebo, actual.Placebo, "placebo"),
            (expected.SlowPlacebo, actual.SlowPlacebo, "slow"), (expected.Effects, actual.Effects, "effects"),
        })
            Assert.True(Bits(e).SequenceEqual(Bits(a)), $"{what}: {name} differs from the setting's own simulation.");
    }

    /// <summary>
    /// For each pharmacological level of the NIMH design (33 and the base), the pool made with the shared parts has the bits of the
    /// pool the level's simulator makes alone; and the parts taken are those the level's parameter leaves unchanged: none for
    /// pk-variability and dose-spread (the PK or the regimen changes), PK and dissociation for the antidepressant SDs, PK and course
    /// for the dissociation SDs (the hypothesis links nothing), PK only for the CADSS time (the output times change), all for the base.
    /// </summary>
    /// <remarks>Without the prepared PKs kept (pools above <see cref="SharedPoolParts.KeepPkUpTo"/>) the same: the PK is made again.</remarks>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Simulate_EveryLevelClass_GivesTheBitsOfItsOwnPoolAndSharesWhatItDoesNotChange(bool keepPk)
    {
        var design = DefaultDesign.WithTotalSubjects(Patients);
        var hypothesis = Hypothesis.ExposureOnly;
        var baseSimulator = new TrialSimulator(design, hypothesis, Seed);
        var parts = new SharedPoolParts(baseSimulator, Patients, keepPk);
        var baseSharing = parts.For(baseSimulator);
        AssertSameBits(Alone(baseSimulator), Shared(parts, baseSharing), "base", readsPeak: false);
        Assert.Equal((Patients, Patients, Patients, Patients), baseSharing.Counts);

        var levels = PharmacologicalLevels(DefaultDesign);
        Assert.Equal(33, levels.Count);
        foreach (var level in levels)
        {
            var simulator = LevelSimulator(design, hypothesis, level);
            var sharing = parts.For(simulator);
            AssertSameBits(Alone(simulator), Shared(parts, sharing), level.ToString(), readsPeak: false);
            var expected = level.Assumption switch
            {
                SensitivityAssumption.PkVariability or SensitivityAssumption.DoseSpread => (Patients, 0, 0, 0),
                SensitivityAssumption.AntidepressantEc50Sd or SensitivityAssumption.AntidepressantScaleSd
                    or SensitivityAssumption.AntidepressantDurationSd => (Patients, Patients, Patients, 0),
                SensitivityAssumption.DissociationC50Sd or SensitivityAssumption.DissociationEmaxSd => (Patients, Patients, 0, Patients),
                SensitivityAssumption.CadssTime => (Patients, Patients, 0, 0),
                _ => throw new InvalidOperationException($"Unexpected level {level}."),
            };
            Assert.Equal((level.ToString(), expected), (level.ToString(), sharing.Counts));
        }
    }

    /// <summary>A shard without the base pool: the parts a level needs are made by the base simulator on first use, with the same bits;
    /// under a hypothesis that links the course to the dissociation (mediation) a dissociation SD no longer shares the course.</summary>
    [Fact]
    public void Simulate_BaseNotSimulatedFirst_MakesThePartsOnFirstUse()
    {
        var design = DefaultDesign.WithTotalSubjects(Patients);
        foreach (var hypothesis in new[] { Hypothesis.ExposureOnly, Hypothesis.Mediation() })
        {
            var parts = new SharedPoolParts(new TrialSimulator(design, hypothesis, Seed), Patients);
            foreach (var assumption in new[] { SensitivityAssumption.DissociationC50Sd, SensitivityAssumption.AntidepressantEc50Sd })
            {
                var level = SensitivityAnalysis.Levels(assumption, DefaultDesign).First(l => !l.IsDefault);
                var simulator = LevelSimulator(design, hypothesis, level);
                var sharing = parts.For(simulator);
                AssertSameBits(Alone(simulator), Shared(parts, sharing), $"{hypothesis.Name}, {level}", readsPeak: simulator.ReadsCadssPeak);
                bool linked = hypothesis != Hypothesis.ExposureOnly;
                var expected = assumption == SensitivityAssumption.DissociationC50Sd
                    ? (Patients, Patients, 0, linked ? 0 : Patients)
                    : (Patients, Patients, Patients, 0);
                Assert.Equal(expected, sharing.Counts);
            }
        }
    }

    /// <summary>
    /// The random effects each model reads, found by probing the models' state, are the parameters its factory
    /// (<see cref="EffectParameterSet.Dissociation"/>, <see cref="EffectParameterSet.Antidepressant"/>) takes by name: eight for
    /// dissociation, eight for the racemic antidepressant effect, and ESKPOT_A besides for esketamine.
    /// </summary>
    [Fact]
    public void EffectsRead_DefaultSet_AreTheParametersEachModelIsMadeOf()
    {
        var set = EffectParameterSet.Default;
        string[] Names(int[] indices) => [.. indices.Select(i => set.Parameters[i].Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["C50_D", "EMAX_D", "HILL_D", "KE0_D", "KTA_D", "KTS_D", "TA50_D", "TS50_D"],
            Names(SharedPoolParts.EffectsRead(set, Drug.RacemicKetamine, dissociation: true)));
        Assert.Equal(["BETA", "EC50_A", "KDEC", "KE0_A", "KTOL_A", "KTR", "SCALE_A", "TOL50_A"],
            Names(SharedPoolParts.EffectsRead(set, Drug.RacemicKetamine, dissociation: false)));
        Assert.Equal(["BETA", "EC50_A", "ESKPOT_A", "KDEC", "KE0_A", "KTOL_A", "KTR", "SCALE_A", "TOL50_A"],
            Names(SharedPoolParts.EffectsRead(set, Drug.Esketamine, dissociation: false)));
    }

    /// <summary>Shards split the pools differently (which shard makes the base parts changes); the merged result is the whole run's, bit for bit.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void RunShard_AnyShardCount_MergesToTheWholeRun(int shards)
    {
        var settings = SensitivitySettings.Default with
        {
            Assumptions = [SensitivityAssumption.AntidepressantEc50Sd, SensitivityAssumption.DissociationC50Sd, SensitivityAssumption.CadssTime, SensitivityAssumption.PkVariability],
            Observed = [ObservedCorrelation.Luckenbaugh230Min],
            Replicates = 100,
            PoolSize = HypothesisTestSettings.MinimumPoolSize([ObservedCorrelation.Luckenbaugh230Min]),
            Seed = 4,
        };
        var whole = SensitivityAnalysis.Run(settings);
        var merged = SensitivityAnalysis.Merge(settings, Enumerable.Range(1, shards).Select(s => SensitivityAnalysis.RunShard(settings, s, shards)));
        double[][] Values(SensitivityResult r) => [.. r.OneAtATime.Prepend(r.Default).SelectMany(c => c.Outcomes).Select(o => o.R.Values.ToArray())];
        Assert.Equal(5 + 5 + 5 + 6, whole.OneAtATime.Length);   // every level of each assumption, its default among them
        Assert.Equal(Values(whole).Select(v => Bits(v)), Values(merged).Select(v => Bits(v)));
    }
}

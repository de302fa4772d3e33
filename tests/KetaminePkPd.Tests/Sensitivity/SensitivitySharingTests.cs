using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Tests.Sensitivity;

/// <summary>
/// What the settings of a sensitivity shard share beyond <see cref="SharedPoolParts"/>: the pools simulated patient by patient
/// with a worker's tapes (<see cref="SensitivityWork"/>), and each observation's enrolments and rating draws
/// (<see cref="SharedReplicateDraws"/>). Each gives the bits of the setting computed alone.
/// </summary>
public class SensitivitySharingTests
{
    /// <summary>Every pharmacological assumption of the NIMH design, 48-patient pools, one observation, 100 replicates.</summary>
    private static readonly SensitivitySettings Pharmacology = SensitivitySettings.Default with
    {
        Assumptions = [.. SensitivityAnalysis.All.Where(a => SensitivityAnalysis.AppliesTo(a, SensitivitySettings.Default.Design))],
        Observed = [ObservedCorrelation.Luckenbaugh230Min],
        Replicates = 100,
        PoolSize = HypothesisTestSettings.MinimumPoolSize([ObservedCorrelation.Luckenbaugh230Min]),
        Seed = 8,
    };

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    /// <summary>
    /// Each setting's replicate r, computed alone: its pool simulated whole by its own simulator (no shared part, no tape) and its
    /// replicate trials by <see cref="ReplicateTrials.Run"/> (each rating drawing its own noise).
    /// </summary>
    private static Dictionary<string, long[][]> Alone(SensitivitySettings settings)
    {
        var plan = SensitivityAnalysis.Plan(settings);
        var sized = settings.Design.WithTotalSubjects(settings.PoolSize);
        var timeIndex = ReplicateTrials.TimeIndices(settings.Design, settings.Observed, settings.PoolSize, "settings");
        var cells = new Dictionary<string, long[][]>(StringComparer.Ordinal);
        foreach (var group in plan.Groups)
        {
            var pharmacology = group[0].Where(l => l.ChangesPharmacology).ToList();
            var (poolDesign, spread) = SensitivityAnalysis.Apply(sized, pharmacology);
            var doseFactor = SensitivityAnalysis.DoseFactor(settings.Seed, spread);
            var simulator = new TrialSimulator(poolDesign, settings.Hypothesis, settings.Seed, doseFactor);
            var pool = new RatingPool(settings.PoolSize, simulator.AssessmentCount, timeIndex);
            for (int i = 0; i < settings.PoolSize; i++) pool.Store(i, simulator.Simulate(i));
            foreach (var levels in group)
            {
                var (cellDesign, _) = SensitivityAnalysis.Apply(sized, levels);
                var cellSimulator = new TrialSimulator(cellDesign, settings.Hypothesis, settings.Seed, doseFactor);
                var subjects = levels.Any(l => !l.ChangesPharmacology) ? pool.WithClinicalDraws(cellSimulator) : pool;
                cells[SensitivityAnalysis.Key(levels)] = [.. settings.Observed.Select((o, j) =>
                {
                    var r = new double[settings.Replicates];
                    ReplicateTrials.Run(new ReplicateBatch(cellSimulator, subjects, settings.Seed, o.N, timeIndex[j], j, settings.Observed.Length),
                        0, settings.Replicates, false, r, null, null, null);
                    return Bits(r);
                })];
            }
        }
        return cells;
    }

    private static Dictionary<string, long[][]> Cells(SensitivityShard shard) =>
        shard.Cells.ToDictionary(c => c.Key, c => c.Value.Select(v => Bits(v)).ToArray(), StringComparer.Ordinal);

    private static void AssertSameCells(Dictionary<string, long[][]> expected, Dictionary<string, long[][]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, values) in expected)
            Assert.True(values.Zip(actual[key]).All(p => p.First.SequenceEqual(p.Second)), $"Setting '{key}' differs from the setting computed alone.");
    }

    /// <summary>
    /// Every pharmacological and clinical setting of the NIMH design, its pools simulated patient by patient in one batch (serial
    /// and parallel, whole steps and steps of 7 units): each setting's replicate r are those of the setting computed alone, bit
    /// for bit; and the tapes were replayed by each patient's 8 dissociations under a C50_D or EMAX_D spread and 12 courses under
    /// an EC50_A, SCALE_A or KDEC spread (what the base marched just before through the same linear part).
    /// </summary>
    [Theory]
    [InlineData(false, int.MaxValue)]
    [InlineData(true, int.MaxValue)]
    [InlineData(true, 7)]
    public void Pools_PatientByPatientWithTapes_GiveEachSettingsOwnBits(bool parallel, int stepUnits)
    {
        var settings = Pharmacology with { Parallel = parallel };
        var work = new SensitivityWork(settings, 1, 1);
        while (!work.IsComplete) work.Advance(stepUnits);
        AssertSameCells(Alone(settings), Cells(work.Shard(TimeSpan.Zero)));
        Assert.Equal(20L * settings.PoolSize, work.Replays);
    }

    /// <summary>Shards: each makes the base parts its settings need and records the tapes itself; the cells are those computed alone.</summary>
    [Fact]
    public void Pools_InShards_GiveEachSettingsOwnBits()
    {
        var settings = Pharmacology with { Assumptions = [SensitivityAssumption.DissociationEmaxSd, SensitivityAssumption.AntidepressantDurationSd, SensitivityAssumption.PlaceboMean] };
        var cells = new Dictionary<string, long[][]>(StringComparer.Ordinal);
        foreach (int shard in new[] { 1, 2, 3 })
            foreach (var (key, values) in Cells(SensitivityAnalysis.RunShard(settings, shard, 3))) cells.Add(key, values);
        AssertSameCells(Alone(settings), cells);
    }

    /// <summary>The shared draws give a replicate batch's r bit for bit as <see cref="ReplicateTrials.Run"/>, for two observations,
    /// under a clinical model with other noise SDs (the draws are scaled, not redrawn), serial and parallel and in any ranges.</summary>
    [Fact]
    public void SharedDraws_AnySetting_GiveTheReplicatesOfReplicateTrials()
    {
        var settings = SensitivitySettings.Default with { PoolSize = 240, Replicates = 100, Seed = 9 };
        var design = settings.Design.WithTotalSubjects(settings.PoolSize);
        var observed = settings.Observed;
        var timeIndex = ReplicateTrials.TimeIndices(settings.Design, observed, settings.PoolSize, "settings");
        var simulator = new TrialSimulator(design, settings.Hypothesis, settings.Seed);
        var pool = new RatingPool(settings.PoolSize, simulator.AssessmentCount, timeIndex);
        for (int i = 0; i < settings.PoolSize; i++) pool.Store(i, simulator.Simulate(i));
        var noisier = new TrialSimulator(design.With(clinical: design.Clinical with { RatingNoiseSd = 5.5, CadssNoiseSd = 0.7 }), settings.Hypothesis, settings.Seed);
        var draws = observed.Select((o, j) => new SharedReplicateDraws(settings.Seed, settings.PoolSize, o.N, timeIndex[j], j, observed.Length, settings.Replicates)).ToArray();
        foreach (var rater in new[] { simulator, noisier })
            for (int j = 0; j < observed.Length; j++)
            {
                var batch = new ReplicateBatch(rater, pool, settings.Seed, observed[j].N, timeIndex[j], j, observed.Length);
                var expected = new double[settings.Replicates];
                ReplicateTrials.Run(batch, 0, settings.Replicates, false, expected, null, null, null);
                var actual = new double[settings.Replicates];
                draws[j].Run(batch, 0, 17, parallel: false, actual);
                draws[j].Run(batch, 17, settings.Replicates, parallel: true, actual);
                Assert.Equal(Bits(expected), Bits(actual));
                Assert.True(draws[j].Fits(batch));
                Assert.False(draws[j].Fits(batch with { Observation = 1 - j }));
                Assert.False(draws[j].Fits(batch with { Seed = 10, Simulator = new TrialSimulator(design, settings.Hypothesis, 10) }));
            }
    }
}

using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Tests.Validation;

/// <summary>
/// The validation table's one loop over the patients of all its trials (<see cref="ValidationTrials"/>) and its parts run side by
/// side (<see cref="ValidationMeasurements.Measure"/>): every value has the bits of the trial run alone (<see cref="VirtualTrial.Run"/>)
/// and of the serial table.
/// </summary>
public class ValidationTrialsTests
{
    /// <summary>Every number a rated patient carries, as bits (so -0 and 0, or two NaNs, are told apart).</summary>
    private static long[] Bits(TrialSubjectResult s)
    {
        var x = s.Simulated;
        double[] values =
        [
            s.CadssRated, s.CadssPeakRated, s.Baseline, .. s.Scores, .. s.Changes, .. s.PercentChanges,
            x.DoseMg, x.ClearanceLPerH, x.CentralVolumeL, x.DissociationC50NgPerMl, x.AntidepressantEc50NgPerMl, x.AntidepressantScale,
            x.ConcentrationAtCadssNgPerMl, x.CmaxNgPerMl, x.Auc0To24NgHPerMl, x.CadssAtRatingTime, x.CadssPeak, .. x.DrugEffectMadrs,
            x.BaselineMadrs, x.PlaceboMadrs, x.SlowPlaceboMadrs, x.Subject.WeightKg,
        ];
        return [x.Index, x.Arm, s.NoticedDissociation ? 1 : 0, .. s.Responders.Select(r => r ? 1L : 0), .. s.Remitters.Select(r => r ? 1L : 0),
            .. values.Select(BitConverter.DoubleToInt64Bits)];
    }

    private static void AssertSameBits(IReadOnlyList<TrialSubjectResult> expected, IReadOnlyList<TrialSubjectResult> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.Equal(Bits(expected[i]), Bits(actual[i]));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Run_TrialsOfDifferentDesignsInOneLoop_HaveTheBitsOfEachTrialRunAlone(bool parallel)
    {
        const ulong seed = 5;
        // Two IV designs with different clinical models, a three-arm repeated-dose design, and a linked hypothesis (its own simulator
        // with links) beside exposure-only: the loop's positions cross from one trial into the next inside a chunk.
        var shared = Hypothesis.SharedSensitivity(0.7);
        ValidationTrials.Spec[] specs =
        [
            new(ValidationDesigns.RacemicIv(23), Hypothesis.ExposureOnly),
            new(ValidationDesigns.MidazolamControlledIv(20), shared),
            new(ValidationDesigns.DalyPeriod1(21), Hypothesis.Expectancy()),
            new(TrialDesign.DoseRanging.WithTotalSubjects(37), Hypothesis.ExposureOnly),
        ];
        var results = ValidationTrials.Run(specs, seed, parallel);
        Assert.Equal(specs.Length, results.Length);
        for (int t = 0; t < specs.Length; t++)
        {
            Assert.Same(specs[t].Design, results[t].Design);
            var alone = VirtualTrial.Run(specs[t].Design, specs[t].Hypothesis, seed, parallel: false);
            AssertSameBits(alone.Subjects, results[t].Subjects);
        }
    }

    private static long[] CourseBits(SimulatedSubject x) =>
    [
        x.Index, x.Arm,
        .. new[]
        {
            x.DoseMg, x.ClearanceLPerH, x.CentralVolumeL, x.DissociationC50NgPerMl, x.AntidepressantEc50NgPerMl, x.AntidepressantScale,
            x.ConcentrationAtCadssNgPerMl, x.CmaxNgPerMl, x.Auc0To24NgHPerMl, x.CadssAtRatingTime, x.CadssPeak, x.BaselineMadrs, x.PlaceboMadrs,
            x.SlowPlaceboMadrs, x.Subject.WeightKg,
        }.Concat(x.DrugEffectMadrs).Select(BitConverter.DoubleToInt64Bits),
    ];

    [Fact]
    public void CoursesFor_PoolsOfTheHypothesisRuns_ShareExactlyThePatientsWithTheSameRegimen_WithTheBitsOfAFreshCourse()
    {
        const ulong seed = 11;
        var trials = ValidationTrials.Run(
        [
            new(ValidationDesigns.RacemicIv(30), Hypothesis.ExposureOnly),
            new(TrialDesign.DoseRanging.WithTotalSubjects(50), Hypothesis.ExposureOnly),
        ], seed, parallel: true);
        // NIMH pool of 400 (one arm, 0.5 mg/kg over 40 min): the racemic trial's ketamine arm is patients 30-59 (saline 0-29).
        // Dose-ranging pool of 400 (arms of 80) against the trial of 50 (arms of 10): only the placebo patients 0-9 share their arm.
        (ValidationTrials.Result Trial, TrialDesign Pool, int[] Shared)[] cases =
        [
            (trials[0], TrialDesign.Nimh.WithTotalSubjects(400), [.. Enumerable.Range(30, 30)]),
            (trials[1], TrialDesign.DoseRanging.WithTotalSubjects(400), [.. Enumerable.Range(0, 10)]),
        ];
        foreach (var (trial, pool, shared) in cases)
        {
            var lookup = trial.CoursesFor(pool);
            Assert.NotNull(lookup);
            var fresh = new TrialSimulator(pool, Hypothesis.ExposureOnly, seed);
            var hits = new List<int>();
            for (int i = 0; i < pool.TotalSubjects; i++)
            {
                if (lookup(i) is not { } course) continue;
                hits.Add(i);
                Assert.Equal(pool.ArmOf(i), course.Arm);
                Assert.Equal(CourseBits(fresh.Simulate(i)), CourseBits(course));
            }
            Assert.Equal(shared, hits);
        }
    }

    [Fact]
    public void CoursesFor_AnotherClinicalModelOrALinkedHypothesis_SharesNothing()
    {
        var trials = ValidationTrials.Run(
        [
            new(ValidationDesigns.MidazolamControlledIv(20), Hypothesis.ExposureOnly),
            new(ValidationDesigns.RacemicIv(20), Hypothesis.SharedSensitivity(0.7)),
        ], 3, parallel: false);
        var pool = TrialDesign.Nimh.WithTotalSubjects(400);
        Assert.Null(trials[0].CoursesFor(pool));   // midazolam's clinical model and a day-14 assessment
        Assert.Null(trials[1].CoursesFor(pool));   // the link changes the antidepressant course
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void HypothesisRun_WithTheTrialsCourses_GivesTheBitsOfTheRunAlone(bool parallel)
    {
        const ulong seed = 4;
        var big = ValidationTrials.Run([new(TrialDesign.DoseRanging.WithTotalSubjects(600), Hypothesis.ExposureOnly)], seed, parallel)[0];
        var settings = HypothesisTestSettings.Default.WithDesign(TrialDesign.DoseRanging,
            [new ObservedCorrelation(TimeSpan.FromMinutes(230), -0.35, TrialDesign.DoseRanging.TotalSubjects, "test")], 500) with
        {
            Hypotheses = [Hypothesis.ExposureOnly],
            Replicates = 100,
            Seed = seed,
            Parallel = parallel,
        };
        int used = 0;
        Func<int, SimulatedSubject?>? Counting(TrialDesign pool)
        {
            var lookup = big.CoursesFor(pool)!;
            return i =>
            {
                var course = lookup(i);
                if (course is not null) Interlocked.Increment(ref used);
                return course;
            };
        }
        var shared = HypothesisTest.RunWithCourses(settings, null, Counting).Comparisons[0];
        var alone = HypothesisTest.Run(settings).Comparisons[0];
        // Pool arms of 100 against the trial's 120: 100 + 80 + 60 + 40 + 20 patients have the same arm, and every one is enrolled.
        Assert.Equal(300, used);
        Assert.Equal(Bits(alone.ReplicateR), Bits(shared.ReplicateR));
        Assert.Equal(Bits(alone.ReplicatePartialR), Bits(shared.ReplicatePartialR));
    }

    private static long[] Bits(IEnumerable<double> values) => [.. values.Select(BitConverter.DoubleToInt64Bits)];

    [Fact]
    public void Measure_PartsSideBySide_GiveTheBitsOfTheSerialTable()
    {
        var small = new ValidationSettings { SubjectsPerArm = 20, HypothesisPool = 400, HypothesisReplicates = 100, Seed = 7 };
        var parallel = ValidationMeasurements.Measure(small);
        var serial = ValidationMeasurements.Measure(small with { Parallel = false });
        Assert.Equal(serial.Keys.Order(StringComparer.Ordinal), parallel.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(ValidationTarget.All.Select(t => t.Key).Order(StringComparer.Ordinal), serial.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in serial)
            Assert.True(BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(parallel[key]), $"{key}: serial {value:R}, parallel {parallel[key]:R}");
    }
}

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

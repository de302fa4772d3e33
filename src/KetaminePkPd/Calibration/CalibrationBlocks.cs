using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Calibration;

/// <summary>
/// The declared calibration: which PROVISIONAL effect parameters are fitted to which calibration targets, in blocks that
/// separate. The antidepressant block (KTR, KDEC, BETA: the racemic course's shape on the typical patient and the size and
/// spread of its day-1 effect in the saline-controlled virtual trial) and the dissociation timing (KTA_D, typical patient)
/// share no parameter; the CADSS distribution (EMAX_D) depends on the dissociation timing's parameter and esketamine's effect
/// at day 1 and day 28 (ESKPOT_A) on the antidepressant block's, so the blocks are fitted in this order, each with the earlier blocks'
/// fitted values (a block-coordinate fit: exact when each block's own parameters are fitted last). Under the exposure-only
/// hypothesis the antidepressant targets do not depend on the dissociation parameters and the reverse, which is what makes
/// the split exact. TA50_D and TS50_D are not fitted: the three timing targets leave the objective flat in them
/// (docs/calibration.md), so they stay at their documented values. Nor is the antidepressant tolerance (KTOL_A, TOL50_A): it acts
/// on every drug's course, the racemic targets of the first block included, so it can only be fitted in one block with KTR, KDEC,
/// BETA and ESKPOT_A (docs/calibration.md).
/// </summary>
internal static class CalibrationBlocks
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The antidepressant block's targets measured in the saline-controlled virtual trial (the others are typical-patient ratios).</summary>
    private static readonly string[] SalineKeys = ["iv-sal-response-1d", "iv-sd-ratio-1d"];

    /// <summary>The blocks, in fitting order.</summary>
    public static ImmutableArray<CalibrationBlock> All { get; } =
    [
        new("antidepressant", "shape of the racemic antidepressant course (typical patient) and size and spread of its day-1 effect (saline-controlled virtual trial)",
            [new("KTR", 0.05, 50), new("KDEC", Math.Log(2) / (30 * 24), Math.Log(2) / 6), new("BETA", -20, -0.2, ParameterScale.Additive, [.. SalineKeys])],
            ["iv-drug-4h-over-1d", "iv-drug-3d-over-1d", "iv-day7-over-day1", "iv-sal-response-1d", "iv-sd-ratio-1d"], true,
            (fx, settings) => settings.Targets.Any(t => SalineKeys.Contains(t.Key))
                ? AntidepressantCourse(fx).Concat(SalineDayOne(fx, settings)).ToDictionary(StringComparer.Ordinal)
                : AntidepressantCourse(fx)),
        new("dissociation-timing", "timing and attenuation of esketamine dissociation (typical patient, 56 mg intranasal)",
            [new("KTA_D", 0.1, 20)],
            ["esk-diss-tpeak", "esk-diss-90min", "esk-diss-last-over-first"], false, (fx, _) => DissociationTiming(fx)),
        new("cadss-distribution", "mean and SD of CADSS at 40 min after racemic 0.5 mg/kg (virtual trial)",
            [new("EMAX_D", 5, 90)],
            ["cadss-mean", "cadss-sd"], true, CadssDistribution),
        new("esketamine", "esketamine's placebo-adjusted effect at day 1 (Daly 2018) and after four weeks twice weekly (TRANSFORM-2; virtual trials)",
            [new("ESKPOT_A", 0.1, 10)],
            ["daly-56-1d", "daly-84-1d", "t2-adjusted-28d"], true,
            (fx, settings) => settings.Targets.Any(t => t.Key == "t2-adjusted-28d")
                ? EsketaminePotency(fx, settings).Concat(EsketamineCourse(fx, settings)).ToDictionary(StringComparer.Ordinal)
                : EsketaminePotency(fx, settings)),
    ];

    /// <summary>Every key some block measures.</summary>
    public static ImmutableHashSet<string> MeasurableKeys { get; } = All.SelectMany(b => b.TargetKeys).ToImmutableHashSet(StringComparer.Ordinal);

    /// <summary>The typical 70 kg patient after racemic 0.5 mg/kg over 40 min (Domino PK): the drug effect at 4 h, 3 and 7 days over day 1,
    /// computed exactly as <see cref="ValidationSuite"/> does.</summary>
    internal static IReadOnlyDictionary<string, double> AntidepressantCourse(EffectParameterSet fx)
    {
        var model = new PkPdModel(PkModels.Domino.CreateModel(Subject.TypicalAdult), [fx.Dissociation(Drug.RacemicKetamine), fx.Antidepressant(Drug.RacemicKetamine)]);
        var r = PkPdSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            SimulationOptions.Default.AtTimes([TimeSpan.FromMinutes(40), TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)]));
        double day1 = r.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(1));
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["iv-drug-4h-over-1d"] = r.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromHours(4)) / day1,
            ["iv-drug-3d-over-1d"] = r.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(3)) / day1,
            ["iv-day7-over-day1"] = r.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(7)) / day1,
        };
    }

    /// <summary>The logistic width (percentage points of the % change) of the smoothed response indicator: see <see cref="SmoothedShare"/>.</summary>
    internal const double ResponseSmoothingWidth = 2.0;

    /// <summary>
    /// The ketamine arm of the validation table's saline-controlled racemic trial at 24 h, its patients drawn with the settings' seed:
    /// the smoothed share of responders (<see cref="SmoothedShare"/>) and the SD of the change over the saline arm's.
    /// </summary>
    internal static IReadOnlyDictionary<string, double> SalineDayOne(EffectParameterSet fx, CalibrationSettings settings)
    {
        var r = VirtualTrial.Run(WithEffects(ValidationDesigns.RacemicIv(settings.SubjectsPerArm), fx), Hypothesis.ExposureOnly, settings.Seed, settings.Parallel);
        var ketamine = r.Subjects.Where(s => s.Simulated.Arm == 1).ToArray();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["iv-sal-response-1d"] = SmoothedShare(ketamine.Select(s => s.PercentChanges[1])),
            ["iv-sd-ratio-1d"] = Sd(ketamine.Select(s => s.Changes[1])) / Sd(r.Subjects.Where(s => s.Simulated.Arm == 0).Select(s => s.Changes[1])),
        };
    }

    /// <summary>
    /// The share of responders (% change at most -50), in %, smoothed so that it moves continuously with the parameters under common
    /// random numbers: each patient counts 1 / (1 + exp((x + 50) / w)) instead of the indicator of x &lt;= -50, x the % change and w =
    /// <see cref="ResponseSmoothingWidth"/> points. The count of a finite sample is a step function of the parameters, on which the
    /// simplex stalls; the smoothed share differs from the count by O(w^2) times the curvature of the distribution of x at -50.
    /// </summary>
    internal static double SmoothedShare(IEnumerable<double> percentChanges)
    {
        double sum = 0;
        int n = 0;
        foreach (double x in percentChanges)
        {
            sum += 1 / (1 + Math.Exp((x + 50) / ResponseSmoothingWidth));
            n++;
        }
        return 100 * sum / n;
    }

    private static double Sd(IEnumerable<double> values)
    {
        var x = values.ToArray();
        double mean = x.Average();
        return Math.Sqrt(x.Sum(c => (c - mean) * (c - mean)) / (x.Length - 1));
    }

    /// <summary>
    /// Esketamine 56 mg intranasal, typical patient (Perez-Ruixo 2021 PK): the time of peak dissociation, the 90-min over the 40-min
    /// value, and the eighth session's peak over the first's (twice weekly). As <see cref="ValidationSuite"/>, except that the
    /// peak time is refined by a parabola through the 1-min grid's highest point and its neighbours, so that it moves smoothly
    /// with the parameters instead of in 1-min steps (the two agree within a minute).
    /// </summary>
    internal static IReadOnlyDictionary<string, double> DissociationTiming(EffectParameterSet fx)
    {
        var model = new PkPdModel(PkModels.PerezRuixo2021.CreateModel(Subject.TypicalAdult), [fx.Dissociation(Drug.Esketamine)]);
        var session = Administration.Intranasal(Dose.FromMilligrams(56));
        var first = PkPdSimulator.Simulate(model, DosingRegimen.Single(session), new SimulationOptions { Until = TimeSpan.FromHours(4), OutputStep = Minute });
        var d = first.Effects[0].Values;
        int top = 0;
        for (int i = 1; i < d.Length; i++) if (d[i] > d[top]) top = i;
        double offset = 0;
        if (top > 0 && top < d.Length - 1)
        {
            double curvature = d[top - 1] - 2 * d[top] + d[top + 1];
            if (curvature < 0) offset = 0.5 * (d[top - 1] - d[top + 1]) / curvature;
        }
        var course = PkPdSimulator.Simulate(model, DosingRegimen.Repeated(session, 8, TimeSpan.FromDays(3.5)),
            new SimulationOptions { Until = TimeSpan.FromDays(25), OutputStep = TimeSpan.FromMinutes(2) });
        var c = course.Effects[0].Values;
        double PeakIn(double fromH, double toH)
        {
            double best = 0;
            for (int i = 0; i < course.TimesH.Length; i++)
                if (course.TimesH[i] >= fromH && course.TimesH[i] <= toH) best = Math.Max(best, c[i]);
            return best;
        }
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["esk-diss-tpeak"] = (first.TimesH[top] * 60) + offset,
            ["esk-diss-90min"] = d[first.IndexOf(TimeSpan.FromMinutes(90))] / d[first.IndexOf(TimeSpan.FromMinutes(40))],
            ["esk-diss-last-over-first"] = PeakIn(24.5 * 24, 24.5 * 24 + 4) / PeakIn(0, 4),
        };
    }

    /// <summary>CADSS at 40 min in the ketamine arm of the validation table's saline-controlled racemic trial, its patients drawn with the settings' seed.</summary>
    internal static IReadOnlyDictionary<string, double> CadssDistribution(EffectParameterSet fx, CalibrationSettings settings)
    {
        var r = VirtualTrial.Run(WithEffects(ValidationDesigns.RacemicIv(settings.SubjectsPerArm), fx), Hypothesis.ExposureOnly, settings.Seed, settings.Parallel);
        var cadss = r.Subjects.Where(s => s.Simulated.Arm == 1).Select(s => s.CadssRated).ToArray();
        double mean = cadss.Average();
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["cadss-mean"] = mean,
            ["cadss-sd"] = Math.Sqrt(cadss.Sum(x => (x - mean) * (x - mean)) / (cadss.Length - 1)),
        };
    }

    /// <summary>The placebo-adjusted MADRS change at 24 h of the 56 and 84 mg arms of the validation table's Daly 2018 period-1 trial.</summary>
    internal static IReadOnlyDictionary<string, double> EsketaminePotency(EffectParameterSet fx, CalibrationSettings settings)
    {
        var r = VirtualTrial.Run(WithEffects(ValidationDesigns.DalyPeriod1(settings.SubjectsPerArm), fx), Hypothesis.ExposureOnly, settings.Seed, settings.Parallel);
        double Mean(int arm) => r.Subjects.Where(s => s.Simulated.Arm == arm).Average(s => s.Changes[1]);
        return new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["daly-56-1d"] = Mean(1) - Mean(0),
            ["daly-84-1d"] = Mean(2) - Mean(0),
        };
    }

    /// <summary>The placebo-adjusted MADRS change at day 28 of the validation table's TRANSFORM-2 trial (esketamine 56 mg twice weekly).</summary>
    internal static IReadOnlyDictionary<string, double> EsketamineCourse(EffectParameterSet fx, CalibrationSettings settings)
    {
        var r = VirtualTrial.Run(WithEffects(ValidationDesigns.Transform2(settings.SubjectsPerArm), fx), Hypothesis.ExposureOnly, settings.Seed, settings.Parallel);
        int last = r.Design.Assessments.Length - 1;
        double Mean(int arm) => r.Subjects.Where(s => s.Simulated.Arm == arm).Average(s => s.Changes[last]);
        return new Dictionary<string, double>(StringComparer.Ordinal) { ["t2-adjusted-28d"] = Mean(1) - Mean(0) };
    }

    private static TrialDesign WithEffects(TrialDesign design, EffectParameterSet fx) => design.With(population: design.Population with { Effects = fx });
}

using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Calibration;

/// <summary>
/// The declared calibration: which PROVISIONAL effect parameters are fitted to which calibration targets, in blocks that
/// separate. The antidepressant course (KTR, KDEC) and the dissociation timing (KTA_D, TA50_D, TS50_D) are typical-patient
/// simulations that share no parameter; the CADSS distribution (EMAX_D) depends on the dissociation timing's parameters and
/// esketamine's day-1 effect (ESKPOT_A) on the antidepressant course's, so the blocks are fitted in this order, each with
/// the earlier blocks' fitted values (a block-coordinate fit: exact when each block's own parameters are fitted last).
/// Under the exposure-only hypothesis the antidepressant targets do not depend on the dissociation parameters and the
/// reverse, which is what makes the split exact.
/// </summary>
internal static class CalibrationBlocks
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>The blocks, in fitting order.</summary>
    public static ImmutableArray<CalibrationBlock> All { get; } =
    [
        new("antidepressant-course", "shape of the racemic antidepressant course (typical patient, 0.5 mg/kg over 40 min)",
            [new("KTR", 0.05, 50), new("KDEC", Math.Log(2) / (30 * 24), Math.Log(2) / 6)],
            ["iv-drug-4h-over-1d", "iv-drug-3d-over-1d", "iv-day7-over-day1"], false, (fx, _) => AntidepressantCourse(fx)),
        new("dissociation-timing", "timing and attenuation of esketamine dissociation (typical patient, 56 mg intranasal)",
            [new("KTA_D", 0.1, 20), new("TA50_D", 1, 1000), new("TS50_D", 0.5, 1000)],
            ["esk-diss-tpeak", "esk-diss-90min", "esk-diss-last-over-first"], false, (fx, _) => DissociationTiming(fx)),
        new("cadss-distribution", "mean and SD of CADSS at 40 min after racemic 0.5 mg/kg (virtual trial)",
            [new("EMAX_D", 5, 90)],
            ["cadss-mean", "cadss-sd"], true, CadssDistribution),
        new("esketamine-potency", "esketamine's placebo-adjusted day-1 effect, Daly 2018 (virtual trial)",
            [new("ESKPOT_A", 0.1, 10)],
            ["daly-56-1d", "daly-84-1d"], true, EsketaminePotency),
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

    private static TrialDesign WithEffects(TrialDesign design, EffectParameterSet fx) => design.With(population: design.Population with { Effects = fx });
}

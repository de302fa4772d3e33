using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Trials;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Validation;

/// <summary>Simulates everything the validation targets need and returns one value per target key.</summary>
internal static class ValidationMeasurements
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>Every target's value. The virtual trials' patients run in one <see cref="ValidationTrials"/> loop; the hypothesis-test
    /// runs then take the pool patients those trials already simulated (the same courses: <see cref="ValidationTrials.Result.CoursesFor"/>)
    /// instead of simulating them again. On all cores (<see cref="ValidationSettings.Parallel"/>) the typical-patient simulations run
    /// beside the trials and the two hypothesis runs beside each other; each part computes what it did alone, into its own table, so
    /// the values are those of the serial run (tested).</summary>
    public static Dictionary<string, double> Measure(ValidationSettings settings)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!settings.Parallel)
        {
            Typical(values, settings);
            var run = Trials(values, settings);
            Merge(values, FixedDose(settings, run[0]));
            Merge(values, Ranging(settings, run[4]));
            return values;
        }
        // The typical patients on one thread beside the trials' loop; then the hypothesis runs (their own parallel loops) side by side.
        // Their threads share the cores; an exception is rethrown as it was thrown.
        var typical = Task.Run(() => Typical(new Dictionary<string, double>(StringComparer.Ordinal), settings));
        var trials = Trials(values, settings);
        var fixedDose = Task.Run(() => FixedDose(settings, trials[0]));
        Merge(values, Ranging(settings, trials[4]));
        Merge(values, fixedDose.GetAwaiter().GetResult());
        Merge(values, typical.GetAwaiter().GetResult());
        return values;
    }

    private static void Merge(Dictionary<string, double> into, Dictionary<string, double> part)
    {
        foreach (var (key, value) in part) into[key] = value;
    }

    /// <summary>The typical-patient targets (no population).</summary>
    private static Dictionary<string, double> Typical(Dictionary<string, double> values, ValidationSettings settings)
    {
        PerezRuixoTable4(values);
        RacemicTypical(values, settings.Effects);
        Norketamine(values);
        RacemicIntranasal(values);
        EsketamineDissociation(values, settings.Effects);
        return values;
    }

    /// <summary>The virtual trials' targets: every trial's patients in one <see cref="ValidationTrials"/> loop, then each trial's values.</summary>
    /// <returns>The trials: racemic IV vs saline, vs midazolam, Daly, TRANSFORM-2, the large dose-ranging trial.</returns>
    private static ValidationTrials.Result[] Trials(Dictionary<string, double> values, ValidationSettings settings)
    {
        int n = settings.SubjectsPerArm;
        var h = settings.Hypothesis;
        var trials = ValidationTrials.Run([
            new(settings.Apply(ValidationDesigns.RacemicIv(n)), h),
            new(settings.Apply(ValidationDesigns.MidazolamControlledIv(n)), h),
            new(settings.Apply(ValidationDesigns.DalyPeriod1(n)), h),
            new(settings.Apply(ValidationDesigns.Transform2(n)), h),
            // Which exposure the partial r holds fixed matters: one large dose-ranging trial, the same patients, three choices (exposure-only).
            new(settings.Apply(TrialDesign.DoseRanging.WithTotalSubjects(5 * n)), Hypothesis.ExposureOnly),
        ], settings.Seed, settings.Parallel);
        RacemicPopulation(values, trials[0], trials[1]);
        Daly(values, trials[2]);
        Transform2(values, trials[3]);
        RangingPartials(values, trials[4]);
        return trials;
    }

    private static void PerezRuixoTable4(Dictionary<string, double> v)
    {
        foreach (int mg in new[] { 28, 56, 84 })
        {
            var r = PkSimulator.Simulate(PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult),
                DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(mg))),
                new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(5) });
            v[$"pr-cmax-{mg}"] = r.Parent.CmaxNgPerMl;
            v[$"pr-auc-{mg}"] = r.Parent.Auc0To24NgHPerMl;
            v[$"pr-nk-cmax-{mg}"] = r.Metabolite!.CmaxNgPerMl;
            v[$"pr-nk-auc-{mg}"] = r.Metabolite!.Auc0To24NgHPerMl;
        }
    }

    /// <summary>The typical 70 kg patient on the default effect parameters: the racemic calibration of docs/model.md section 4.2.</summary>
    private static void RacemicTypical(Dictionary<string, double> v, EffectParameterSet effects)
    {
        double DrugEffect(double mgPerKg, TimeSpan at, out PkPdSimulationResult result)
        {
            var model = new PkPdModel(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult),
                [effects.Dissociation(Drug.RacemicKetamine), effects.Antidepressant(Drug.RacemicKetamine)]);
            result = PkPdSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(mgPerKg), TimeSpan.FromMinutes(40))),
                SimulationOptions.Default.AtTimes([TimeSpan.FromMinutes(40), TimeSpan.FromHours(4), TimeSpan.FromDays(1), TimeSpan.FromDays(3), TimeSpan.FromDays(7)]));
            return result.EffectAt(EffectParameterSet.AntidepressantName, at);
        }
        double at4h = DrugEffect(0.5, TimeSpan.FromHours(4), out var r05);
        double day1 = r05.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(1));
        v["iv-drug-4h-over-1d"] = at4h / day1;
        v["iv-drug-3d-over-1d"] = r05.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(3)) / day1;
        v["iv-day7-over-day1"] = r05.EffectAt(EffectParameterSet.AntidepressantName, TimeSpan.FromDays(7)) / day1;
        v["iv-cp-40min"] = r05.Pk.ParentNgPerMl[r05.IndexOf(TimeSpan.FromMinutes(40))];
        var pk = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        v["iv-cl"] = pk.SystemicClearanceLPerH;
        v["iv-vss"] = pk.Compartments.Where(c => c.Role is CompartmentRole.Central or CompartmentRole.Peripheral).Sum(c => c.VolumeL);
        var clements = PkSimulator.Simulate(PkParameterSet.Clements.CreateModel(Subject.TypicalAdult),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40))),
            SimulationOptions.Default.AtTimes([TimeSpan.FromMinutes(40), TimeSpan.FromHours(4)]));
        v["iv-clements-cp-40min"] = clements.ParentNgPerMl[clements.IndexOf(TimeSpan.FromMinutes(40))];
        var ck = PkParameterSet.Clements.CreateModel(Subject.TypicalAdult);
        v["iv-clements-cl"] = ck.SystemicClearanceLPerH;
        v["iv-clements-vss"] = ck.Compartments.Where(c => c.Role is CompartmentRole.Central or CompartmentRole.Peripheral).Sum(c => c.VolumeL);
        double[] doses = [0.1, 0.2, 0.5, 1.0];
        var results = doses.Select(d => { double e = DrugEffect(d, TimeSpan.FromDays(1), out var r); return (Day1: e, Cadss: r.EffectAt(EffectParameterSet.DissociationName, TimeSpan.FromMinutes(40))); }).ToArray();
        int ordered = 0, dissociates = 0;
        for (int i = 1; i < results.Length; i++)
        {
            if (results[i].Day1 < results[i - 1].Day1) ordered++;
            if (results[i].Cadss > results[i - 1].Cadss) dissociates++;
        }
        v["fava-rank"] = ordered + (results[0].Day1 < 0 ? 1 : 0);
        v["cadss-dose-rank"] = dissociates;
    }

    /// <summary>Norketamine after 10 mg racemic IV (Pharmacotherapy 2022 Table 6 design: a bolus, venous samples).</summary>
    private static void Norketamine(Dictionary<string, double> v)
    {
        var r = PkSimulator.Simulate(PkParameterSet.Domino.CreateModel(Subject.TypicalAdult), DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(10))),
            new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = Minute });
        v["nk-iv10-cmax"] = r.Metabolite!.CmaxNgPerMl;
        v["nk-iv10-ratio"] = r.Metabolite!.Auc0To24NgHPerMl / r.Parent.Auc0To24NgHPerMl;
    }

    /// <summary>Racemic intranasal 30 and 50 mg (Pharmacotherapy 2022 Table 6): ketamine peak and its time, bioavailability as the AUC per mg
    /// against the study's 10 mg IV bolus, the norketamine peak and the norketamine/ketamine AUC ratio (AUC0-24 of both).</summary>
    private static void RacemicIntranasal(Dictionary<string, double> v)
    {
        var model = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var options = new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = Minute };
        double ivAucPerMg = PkSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(10))), options).Parent.AucInfNgHPerMl / 10;
        foreach (int mg in new[] { 30, 50 })
        {
            var r = PkSimulator.Simulate(model, DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(mg))), options);
            v[$"in-cmax-{mg}"] = r.Parent.CmaxNgPerMl;
            v[$"in-tmax-{mg}"] = r.Parent.TmaxH * 60;
            v[$"in-f-{mg}"] = r.Parent.AucInfNgHPerMl / mg / ivAucPerMg;
            v[$"in-nk-cmax-{mg}"] = r.Metabolite!.CmaxNgPerMl;
            v[$"in-nk-ratio-{mg}"] = r.Metabolite!.Auc0To24NgHPerMl / r.Parent.Auc0To24NgHPerMl;
        }
    }

    /// <summary>Typical-patient dissociation after the first 56 mg session, and the first and eighth sessions of a twice-weekly course.</summary>
    private static void EsketamineDissociation(Dictionary<string, double> v, EffectParameterSet effects)
    {
        var model = new PkPdModel(PkParameterSet.PerezRuixo2021.CreateModel(Subject.TypicalAdult),
            [effects.Dissociation(Drug.Esketamine), effects.Antidepressant(Drug.Esketamine)]);
        var session = Administration.Intranasal(Dose.FromMilligrams(56));
        var first = PkPdSimulator.Simulate(model, DosingRegimen.Single(session), new SimulationOptions { Until = TimeSpan.FromHours(4), OutputStep = Minute });
        var d = first.Dissociation;
        v["esk-diss-tpeak"] = d.MaximumTimeH * 60;
        v["esk-diss-90min"] = d.Values[first.IndexOf(TimeSpan.FromMinutes(90))] / d.Values[first.IndexOf(TimeSpan.FromMinutes(40))];

        var course = PkPdSimulator.Simulate(model, DosingRegimen.Repeated(session, 8, TimeSpan.FromDays(3.5)),
            new SimulationOptions { Until = TimeSpan.FromDays(25), OutputStep = TimeSpan.FromMinutes(2) });
        var c = course.Dissociation;
        double PeakIn(double fromH, double toH)
        {
            double best = 0;
            for (int i = 0; i < course.TimesH.Length; i++)
                if (course.TimesH[i] >= fromH && course.TimesH[i] <= toH) best = Math.Max(best, c.Values[i]);
            return best;
        }
        v["esk-diss-last-over-first"] = PeakIn(24.5 * 24, 24.5 * 24 + 4) / PeakIn(0, 4);
    }

    private static double Mean(IEnumerable<TrialSubjectResult> s, Func<TrialSubjectResult, double> f) => s.Average(f);

    private static IEnumerable<TrialSubjectResult> Arm(ValidationTrials.Result r, int arm) => r.Subjects.Where(s => s.Simulated.Arm == arm);

    private static double Adjusted(ValidationTrials.Result r, int arm, int k) => Mean(Arm(r, arm), s => s.Changes[k]) - Mean(Arm(r, 0), s => s.Changes[k]);

    private static double Share(ValidationTrials.Result r, int arm, Func<TrialSubjectResult, bool> f) => 100.0 * Arm(r, arm).Count(f) / Arm(r, arm).Count();

    private static double Sd(IEnumerable<double> values)
    {
        var x = values.ToArray();
        double mean = x.Average();
        return Math.Sqrt(x.Sum(c => (c - mean) * (c - mean)) / (x.Length - 1));
    }

    private static void RacemicPopulation(Dictionary<string, double> v, ValidationTrials.Result r, ValidationTrials.Result m)
    {
        var cadss = Arm(r, 1).Select(s => s.CadssRated).ToArray();
        double mean = cadss.Average(), sd = Sd(cadss);
        v["cadss-mean"] = mean;
        v["cadss-sd"] = sd;
        v["cadss-sd-over-mean"] = sd / mean;
        v["cadss-skew"] = cadss.Sum(c => Math.Pow((c - mean) / sd, 3)) / cadss.Length;
        v["cadss-peak-above-20"] = Share(r, 1, s => s.CadssPeakRated > 20);
        v["iv-sal-response-1d"] = Share(r, 1, s => s.Responders[1]);
        v["iv-sal-placebo-response-1d"] = Share(r, 0, s => s.Responders[1]);
        double sdKetamine = Sd(Arm(r, 1).Select(s => s.Changes[1])), sdSaline = Sd(Arm(r, 0).Select(s => s.Changes[1]));
        v["iv-sal-d-1d"] = -Adjusted(r, 1, 1) / Math.Sqrt((sdKetamine * sdKetamine + sdSaline * sdSaline) / 2);
        v["iv-sd-ratio-1d"] = sdKetamine / sdSaline;
        v["iv-sal-response-7d"] = Share(r, 1, s => s.Responders[3]);
        v["iv-sal-adjusted-230min"] = Adjusted(r, 1, 0);
        v["iv-sal-adjusted-1d"] = Adjusted(r, 1, 1);

        v["iv-mid-adjusted-1d"] = Adjusted(m, 1, 1);
        v["iv-mid-sd-ketamine-1d"] = Sd(Arm(m, 1).Select(s => s.Changes[1]));
        v["iv-mid-sd-control-1d"] = Sd(Arm(m, 0).Select(s => s.Changes[1]));
        v["iv-mid-response-1d"] = Share(m, 1, s => s.Responders[1]);
        v["iv-mid-control-response-1d"] = Share(m, 0, s => s.Responders[1]);
        // Salloum 2020: of the day-3 responders, the share not relapsed (MADRS below 22) by day 14.
        var responders = Arm(m, 1).Where(s => s.Responders[2]).ToList();
        v["iv-relapse-14d"] = responders.Count == 0 ? 0 : 100.0 * responders.Count(s => s.Scores[4] < 22) / responders.Count;
    }

    private static void Daly(Dictionary<string, double> v, ValidationTrials.Result r)
    {
        v["daly-56-1d"] = Adjusted(r, 1, 1);
        v["daly-84-1d"] = Adjusted(r, 2, 1);
        v["daly-56-8d"] = Adjusted(r, 1, 2);
        v["daly-84-8d"] = Adjusted(r, 2, 2);
        v["daly-placebo-2h"] = Mean(Arm(r, 0), s => s.Changes[0]);
        v["daly-placebo-1d"] = Mean(Arm(r, 0), s => s.Changes[1]);
        v["daly-placebo-8d"] = Mean(Arm(r, 0), s => s.Changes[2]);
        v["esk-peak-cadss-above-4"] = 100.0 * r.Subjects.Count(s => s.Simulated.Arm > 0 && s.CadssPeakRated > 4) / r.Subjects.Count(s => s.Simulated.Arm > 0);
        v["esk-placebo-cadss-above-4"] = Share(r, 0, s => s.CadssPeakRated > 4);
        v["daly-56-response-1d"] = Share(r, 1, s => s.Responders[1]);
        v["daly-84-response-1d"] = Share(r, 2, s => s.Responders[1]);
        v["daly-placebo-response-1d"] = Share(r, 0, s => s.Responders[1]);
    }

    private static void Transform2(Dictionary<string, double> v, ValidationTrials.Result r)
    {
        int last = r.Design.Assessments.Length - 1;
        v["t2-adjusted-28d"] = Adjusted(r, 1, last);
        v["t2-placebo-28d"] = Mean(Arm(r, 0), s => s.Changes[last]);
        v["t2-response-28d"] = Share(r, 1, s => s.Responders[last]);
        v["t2-placebo-response-28d"] = Share(r, 0, s => s.Responders[last]);
        v["t2-remission-28d"] = Share(r, 1, s => s.Scores[last] <= 12);
        v["t2-placebo-remission-28d"] = Share(r, 0, s => s.Scores[last] <= 12);
        v["t2-sd-esketamine-28d"] = Sd(Arm(r, 1).Select(s => s.Changes[last]));
        v["t2-sd-placebo-28d"] = Sd(Arm(r, 0).Select(s => s.Changes[last]));
        v["t2-sd-ratio-28d"] = v["t2-sd-esketamine-28d"] / v["t2-sd-placebo-28d"];
    }

    /// <summary>An exposure-only hypothesis run of <paramref name="design"/>; its pool takes the courses <paramref name="trial"/> already simulated.</summary>
    private static HypothesisComparison RunTest(ValidationSettings settings, TrialDesign design, ObservedCorrelation observed, ValidationTrials.Result trial) =>
        HypothesisTest.RunWithCourses(HypothesisTestSettings.Default.WithDesign(settings.Apply(design), [observed], settings.HypothesisPool) with
        {
            Hypotheses = [Hypothesis.ExposureOnly],
            Replicates = settings.HypothesisReplicates,
            Seed = settings.Seed,
            Parallel = settings.Parallel,
        }, null, trial.CoursesFor).Comparisons[0];

    /// <summary>The NIMH design's run; the racemic IV trial's ketamine arm (the same regimen) has simulated some of its pool.</summary>
    private static Dictionary<string, double> FixedDose(ValidationSettings settings, ValidationTrials.Result racemicIv)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        var fixedDose = RunTest(settings, TrialDesign.Nimh, ObservedCorrelation.Luckenbaugh230Min, racemicIv);
        v["hyp-fixed-median-r"] = fixedDose.MedianR;
        v["hyp-fixed-p"] = fixedDose.R.ProbabilityAtMost(ObservedCorrelation.Luckenbaugh230Min.R);
        v["hyp-fixed-partial"] = fixedDose.MedianPartialR;
        return v;
    }

    /// <summary>The dose-ranging arms pooled; the large dose-ranging trial has simulated the pool patients whose arm is the same in both.</summary>
    private static Dictionary<string, double> Ranging(ValidationSettings settings, ValidationTrials.Result big)
    {
        var v = new Dictionary<string, double>(StringComparer.Ordinal);
        var ranging = RunTest(settings, TrialDesign.DoseRanging, new ObservedCorrelation(TimeSpan.FromMinutes(230), -0.35, TrialDesign.DoseRanging.TotalSubjects, "dose-ranging arms pooled"), big);
        v["hyp-ranging-median-r"] = ranging.MedianR;
        return v;
    }

    /// <summary>The large dose-ranging trial: r of CADSS and % change at 230 min, and the partial r given three exposures.</summary>
    private static void RangingPartials(Dictionary<string, double> v, ValidationTrials.Result big)
    {
        double[] cadss = [.. big.Subjects.Select(x => x.CadssRated)], change = [.. big.Subjects.Select(x => x.PercentChanges[0])];
        v["hyp-ranging-big-r"] = Statistics.Correlation.PearsonR(cadss, change);
        v["hyp-ranging-partial-cp40"] = Statistics.Correlation.PartialR(cadss, change, [.. big.Subjects.Select(x => x.Simulated.ConcentrationAtCadssNgPerMl)]);
        v["hyp-ranging-partial-auc"] = Statistics.Correlation.PartialR(cadss, change, [.. big.Subjects.Select(x => x.Simulated.Auc0To24NgHPerMl)]);
        v["hyp-ranging-partial-dose"] = Statistics.Correlation.PartialR(cadss, change, [.. big.Subjects.Select(x => x.Simulated.DoseMg)]);
    }
}

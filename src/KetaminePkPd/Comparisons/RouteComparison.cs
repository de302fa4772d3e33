using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// Routes and regimens side by side: each arm is simulated for a typical patient over 7 days (PK, dissociation and the
/// antidepressant drug effect), again at both ends of any uncertain bioavailability, and optionally over a virtual
/// population for 5-95% bands.
/// </summary>
/// <remarks>
/// Outputs every 2 min over the first day, then every 6 h to day 7. Cmax, Tmax, peak dissociation and "time above" come
/// from the exact solution (independent of the output grid); "back under 4" is interpolated linearly between outputs
/// (2-min resolution during the first day).
/// <para>The public entry points are <see cref="ComparisonResult.Run"/>, <see cref="PopulationBands.Start"/>,
/// <see cref="ComparisonArm.Check"/> and <see cref="ComparisonArm.CheckNames"/>.</para>
/// </remarks>
internal static class RouteComparison
{
    /// <summary>The output times of a comparison, h.</summary>
    public static ImmutableArray<double> TimesH { get; } =
        [.. Enumerable.Range(0, 721).Select(k => k / 30.0), .. Enumerable.Range(1, 24).Select(k => 24 + 6.0 * k)];

    /// <summary>Simulation options with outputs at <see cref="TimesH"/>.</summary>
    internal static SimulationOptions Outputs { get; } = new SimulationOptions().AtTimes(TimesH.Select(Units.FromHours));

    /// <summary>Runs the comparison.</summary>
    /// <param name="arms">One or more arms.</param>
    /// <param name="options">Settings; null for <see cref="ComparisonOptions.Default"/>.</param>
    /// <param name="progress">Receives the fraction done (optional).</param>
    /// <exception cref="ArgumentException">No arms, or an arm the typical patient cannot receive (e.g. a nasal dose that is not a whole number of devices).</exception>
    public static ComparisonResult Run(IEnumerable<ComparisonArm> arms, ComparisonOptions? options = null, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(arms);
        options ??= ComparisonOptions.Default;
        var list = arms.ToList();
        if (list.Count == 0) throw new ArgumentException("A comparison needs at least one arm.", nameof(arms));
        var times = Outputs;
        var results = ImmutableArray.CreateBuilder<ArmComparison>(list.Count);
        for (int a = 0; a < list.Count; a++)
        {
            var arm = list[a];
            var course = Simulate(arm, arm.Model, options.Subject, null, times, options.Effects);
            var typical = Metrics(course, options.Threshold);
            var route = arm.Model.CreateModel(options.Subject).GetRoute(arm.Administration.Route);
            UncertainInput? uncertain = null;
            ArmMetrics? low = null, high = null;
            if (route is { BioavailabilityRange: { } range, BioavailabilityParameter: { } name })
            {
                uncertain = new UncertainInput(name, arm.Model[name].Value, range.Low, range.High, arm.Model[name].Source);
                low = Metrics(Simulate(arm, arm.Model.WithParameter(name, range.Low), options.Subject, null, times, options.Effects), options.Threshold);
                high = Metrics(Simulate(arm, arm.Model.WithParameter(name, range.High), options.Subject, null, times, options.Effects), options.Threshold);
            }
            var provisional = arm.Model.ParametersFor(arm.Administration.Route).Concat(options.Effects.Parameters).Where(p => p.IsProvisional).ToImmutableArray();
            var bands = options.PopulationSize > 0 ? Population(arm, options, f => progress?.Report((a + f) / list.Count)) : null;
            results.Add(new ArmComparison(arm, typical, uncertain, low, high, provisional, course, bands));
            progress?.Report((a + 1.0) / list.Count);
        }
        return new ComparisonResult(options, results.MoveToImmutable());
    }

    /// <summary>
    /// Checks, cheaply and before anything is simulated, that <paramref name="subject"/> can receive <paramref name="arm"/>:
    /// its model supports the route and a nasal dose is a whole number of devices (esketamine: 28 mg).
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="subject">The typical patient (sets mg/kg doses).</param>
    /// <exception cref="ArgumentException">The arm cannot be given to the patient; the message says why.</exception>
    public static void CheckArm(ComparisonArm arm, Subject subject)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(subject);
        var route = arm.Model.CreateModel(subject).GetRoute(arm.Administration.Route);
        double mg = arm.Administration.Dose.ToMilligrams(subject.WeightKg);
        if (route.Devices is { } devices && mg > 0) devices.DeviceCount(mg);
    }

    /// <summary>Checks that no two arms share a name (ignoring case), so every table row and CSV row says which arm it is.</summary>
    /// <param name="arms">The arms.</param>
    /// <exception cref="ArgumentException">Two or more arms have the same name; the message names it.</exception>
    public static void CheckNames(IEnumerable<ComparisonArm> arms)
    {
        ArgumentNullException.ThrowIfNull(arms);
        var duplicate = arms.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{duplicate.Count()} arms are named '{duplicate.Key}'; add name=... to tell them apart.", nameof(arms));
    }

    internal static PkPdSimulationResult Simulate(ComparisonArm arm, PkParameterSet model, Subject subject, VirtualSubject? patient, SimulationOptions times, EffectParameterSet fx)
    {
        var pk = patient is null ? model.CreateModel(subject) : patient.CreatePkModel(model);
        var effects = patient is null
            ? new EffectModel[] { fx.Dissociation(arm.Drug), fx.Antidepressant(arm.Drug) }
            : [patient.CreateDissociation(fx, arm.Drug), patient.CreateAntidepressant(fx, arm.Drug)];
        return PkPdSimulator.Simulate(new PkPdModel(pk, effects), arm.Regimen, times);
    }

    /// <summary>The metrics of one simulation on the comparison grid.</summary>
    internal static ArmMetrics Metrics(PkPdSimulationResult r, Concentration threshold)
    {
        var t = r.TimesH;
        var cadss = r.Dissociation;
        var ad = r.Antidepressant.Values;
        double above = r.Pk.ParentTimeAboveH(threshold);
        double? below4 = null;
        if (cadss.MaximumValue <= 4) below4 = 0;
        else
            for (int k = 1; k < t.Length; k++)
                if (t[k] > cadss.MaximumTimeH && cadss.Values[k - 1] >= 4 && cadss.Values[k] < 4)
                {
                    double f = (cadss.Values[k - 1] - 4) / (cadss.Values[k - 1] - cadss.Values[k]);
                    below4 = t[k - 1] + f * (t[k] - t[k - 1]);
                    break;
                }
        return new ArmMetrics(r.Pk.Parent.CmaxNgPerMl, r.Pk.Parent.TmaxH, r.Pk.Parent.Auc0To24NgHPerMl, above, cadss.MaximumValue, cadss.MaximumTimeH, below4,
            At(t, ad, 4), At(t, ad, 24), At(t, ad, 168));
    }

    private static double At(ImmutableArray<double> t, ImmutableArray<double> values, double hours)
    {
        for (int k = 0; k < t.Length; k++)
            if (Math.Abs(t[k] - hours) < 1e-9) return values[k];
        throw new InvalidOperationException($"No output at {hours} h.");
    }

    /// <summary>
    /// Prepares the population bands of one arm (<see cref="ComparisonOptions.PopulationSize"/> virtual patients of the arm
    /// model's default population, docs/model.md section 4.4) as a run of bounded steps (a unit of work is one patient), for a
    /// caller that must stay responsive between steps. Stepped to the end, it gives the arm's
    /// <see cref="ArmComparison.Population"/> of <see cref="Run"/>, bit for bit, whatever the step sizes: patient i is always
    /// drawn from (<see cref="ComparisonOptions.Seed"/>, i) (tested).
    /// </summary>
    /// <param name="arm">The arm.</param>
    /// <param name="options">The comparison's settings: <see cref="ComparisonOptions.PopulationSize"/> patients (at least 1), the seed,
    /// the threshold and whether each step uses all cores.</param>
    /// <exception cref="ArgumentException"><see cref="ComparisonOptions.PopulationSize"/> is 0.</exception>
    public static SimulationRun<PopulationBands> StartPopulation(ComparisonArm arm, ComparisonOptions options) =>
        new PopulationWork(arm, options).AsRun();

    /// <summary>The arm's population bands: a <see cref="PopulationWork"/> stepped to the end (progress after each 1% of the patients).</summary>
    private static PopulationBands Population(ComparisonArm arm, ComparisonOptions options, Action<double> progress)
    {
        var run = StartPopulation(arm, options);
        int step = options.Parallel ? (int)Math.Clamp(run.TotalWork / 100, 1, 256) : 1;
        while (!run.Step(step)) progress(run.Progress);
        return run.Result;
    }
}

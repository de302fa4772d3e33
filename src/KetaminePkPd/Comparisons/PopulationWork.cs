using KetaminePkPd.Populations;
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Comparisons;

/// <summary>
/// The population bands of one comparison arm (<see cref="ComparisonOptions.PopulationSize"/> virtual patients of the
/// arm model's default population, docs/model.md section 4.4), simulated in steps of bounded size for callers that must stay
/// responsive between steps (a page in a browser has one thread). <see cref="RouteComparison.Run"/> computes its bands
/// by stepping one of these to the end (<see cref="RouteComparison.StartPopulation"/>), so the result is the same, bit for bit, whatever the step sizes: patient i is
/// always drawn from (<see cref="ComparisonOptions.Seed"/>, i) (tested).
/// </summary>
/// <remarks>The last step also computes the percentiles.</remarks>
internal sealed class PopulationWork : SubjectWork<PopulationBands>
{
    private readonly ComparisonArm _arm;
    private readonly ComparisonOptions _options;
    private readonly PopulationModel _population;
    private readonly ArmMetrics[] _metrics;
    private readonly double[][] _concentration, _cadss, _antidepressant;

    /// <summary>Prepares the run; no patient is simulated until the first step.</summary>
    /// <param name="arm">The arm.</param>
    /// <param name="options">The comparison's settings: <see cref="ComparisonOptions.PopulationSize"/> patients (at least 1), the seed, the threshold and whether to use all cores.</param>
    /// <exception cref="ArgumentException"><see cref="ComparisonOptions.PopulationSize"/> is 0.</exception>
    internal PopulationWork(ComparisonArm arm, ComparisonOptions options)
        : base(Size(arm, options), options.Parallel)
    {
        _arm = arm;
        _options = options;
        _population = PopulationModel.Default(arm.Model) with { Effects = options.Effects };
        int n = options.PopulationSize;
        _metrics = new ArmMetrics[n];
        _concentration = new double[n][];
        _cadss = new double[n][];
        _antidepressant = new double[n][];
    }

    private static int Size(ComparisonArm arm, ComparisonOptions options)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(options);
        return options.PopulationSize >= 1 ? options.PopulationSize
            : throw new ArgumentException($"options.PopulationSize must be at least 1 for population bands, got {options.PopulationSize}.", nameof(options));
    }

    internal override string What => "population";

    private protected override void Simulate(int i)
    {
        var patient = _population.SampleSubject(_options.Seed, i);
        var r = RouteComparison.Simulate(_arm, _arm.Model, patient.Subject, patient, RouteComparison.Outputs, _options.Effects);
        _metrics[i] = RouteComparison.Metrics(r, _options.Threshold);
        _concentration[i] = [.. r.Pk.ParentNgPerMl];
        _cadss[i] = [.. r.Dissociation.Values];
        _antidepressant[i] = [.. r.Antidepressant.Values];
    }

    private protected override PopulationBands Finish()
    {
        double[] t = [.. RouteComparison.TimesH];
        return new PopulationBands(TotalSubjects, Quantile(_metrics, 0.05), Quantile(_metrics, 0.5), Quantile(_metrics, 0.95),
            TimeCourseBand.Of(t, _concentration), TimeCourseBand.Of(t, _cadss), TimeCourseBand.Of(t, _antidepressant));
    }

    private static ArmMetrics Quantile(ArmMetrics[] m, double p)
    {
        double Q(Func<ArmMetrics, double> f) => Statistics.SamplingDistribution.FromReplicates(m.Select(f).ToArray()).Quantile(p);
        // "Never back under 4" counts as later than the simulation; a percentile that lands there is reported as null.
        double never = RouteComparison.TimesH[^1] + 1;
        double below = Q(x => x.CadssBelow4AfterH ?? never);
        return new ArmMetrics(Q(x => x.CmaxNgPerMl), Q(x => x.TmaxH), Q(x => x.Auc0To24NgHPerMl), Q(x => x.TimeAboveH), Q(x => x.PeakCadss),
            Q(x => x.PeakCadssTimeH), below < never - 0.5 ? below : null, Q(x => x.Antidepressant4H), Q(x => x.AntidepressantDay1), Q(x => x.AntidepressantDay7));
    }
}

// EmbeddingPopulations: a population simulation inside your own code. Build a PopulationModel with your own
// between-subject variability (including a correlation), sample patients, simulate each one in parallel, compute your own
// summary, and check that the same seed gives the same numbers. Then plug in an effect model of your own (HeartRateModel.cs).
// Run it:  dotnet run --project samples/EmbeddingPopulations
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;
using KetaminePkPd.Statistics;

namespace KetaminePkPd.Samples.EmbeddingPopulations;

public static class Program
{
    public static void Main() => Run(Console.Out);

    /// <summary>Runs the sample, writing to <paramref name="output"/> (a test calls this and checks the numbers).</summary>
    public static void Run(TextWriter output)
    {
        // 1. Who the patients are. Random effects (eta) act on each parameter's own scale: log SD 0.2936 is a 30% CV.
        // Here clearance and central volume vary (docs/model.md section 4.4), and so do the two sensitivities, which we correlate:
        // a patient sensitive to dissociation is also sensitive to the antidepressant effect (a "shared mechanism").
        var variability = Variability.Of(("CL", 0.2936), ("V1", 0.2936), ("C50_D", 0.5), ("EC50_A", 0.5), ("SCALE_A", 0.3), ("EMAX_D", 0.85))
            .WithCorrelation("C50_D", "EC50_A", 0.6);
        var population = new PopulationModel { Pk = PkParameterSet.Domino, Variability = variability };
        output.WriteLine($"Population: {population.Pk.DisplayName}; {population.Covariates}");
        output.WriteLine($"Variability: {variability}");

        // 2. Simulate and summarise, twice with the same seed, once in parallel and once serially, then with another seed.
        const int patients = 400;
        var first = Summarise(population, seed: 2024, patients, parallel: true);
        var again = Summarise(population, seed: 2024, patients, parallel: false);
        var other = Summarise(population, seed: 2025, patients, parallel: true);
        // Models are immutable: "with" makes a copy, here without the shared sensitivity.
        var independent = population with { Variability = variability.WithCorrelation("C50_D", "EC50_A", 0) };
        var uncorrelated = Summarise(independent, seed: 2024, patients, parallel: true);
        output.WriteLine();
        output.WriteLine($"{patients} patients, racemic ketamine 0.5 mg/kg over 40 min, noise-free model values:");
        output.WriteLine($"  seed 2024: {first}");
        output.WriteLine($"  seed 2024: {again}   (serial)");
        output.WriteLine($"  seed 2025: {other}");
        output.WriteLine($"  rho 0    : {uncorrelated}");
        output.WriteLine(first == again
            ? "Same seed, same numbers, bit for bit, serial or parallel: patient i's draws depend only on (seed, i)."
            : "Same seed gave different numbers: this should never happen.");
        // Same seed, rho 0: the draws for C50_D are the same (only EC50_A's depend on rho), so the dissociation numbers match.
        double withRho = first.CadssVsDay1R, withoutRho = Math.Abs(uncorrelated.CadssVsDay1R) < 0.005 ? 0 : uncorrelated.CadssVsDay1R;
        output.WriteLine((withRho - withoutRho > 0.1
            ? "At a single fixed mg/kg dose it is the shared sensitivity that links the effects: "
            : "The shared sensitivity changes little here: ")
            + FormattableString.Invariant($"r(peak CADSS, day-1 improvement) {withRho:0.00} with rho 0.6, {withoutRho:0.00} with rho 0."));

        // 3. Your own effect model next to a built-in one, for the typical patient.
        var pk = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var heartRate = new HeartRateModel(baselineBpm: 70, emaxBpm: 30, ec50NgPerMl: 150, ke0PerH: Math.Log(2) / (5 / 60.0));
        var model = new PkPdModel(pk, [EffectParameterSet.Default.Dissociation(Drug.RacemicKetamine), heartRate]);
        var result = model.Simulate(Nimh());
        var hr = result[heartRate];   // the effect model itself is the key: no name to mistype
        int twoHours = Enumerable.Range(0, result.TimesH.Length).MinBy(k => Math.Abs(result.TimesH[k] - 2));
        output.WriteLine();
        output.WriteLine($"User-defined effect: {heartRate.Name} ({heartRate.GetType().Name}, illustrative numbers), typical 70 kg patient:");
        output.WriteLine(FormattableString.Invariant(
            $"  baseline {hr.Values[0]:0.0} {hr.Unit}, peak {hr.MaximumValue:0.0} at {hr.MaximumTimeH * 60:0} min (t1/2,ke0 {heartRate.Ke0HalfLifeMinutes:0.0} min), {hr.Values[twoHours]:0.0} at 2 h;"));
        output.WriteLine(FormattableString.Invariant(
            $"  dissociation in the same run peaks at {result.Dissociation.MaximumValue:0.0} CADSS points."));
    }

    /// <summary>What we want to know about a population: our own summary, as an immutable record (value equality).</summary>
    private sealed record Summary(double ShareAbove20, double MedianPeakCadss, double ExposureVsDay1R, double CadssVsDay1R, double SensitivityR)
    {
        public override string ToString() => FormattableString.Invariant(
            $"peak CADSS > 20 in {ShareAbove20 * 100:0.0}%, median peak {MedianPeakCadss:0.00}; r(AUC, day-1 improvement) {ExposureVsDay1R:0.000}; r(peak CADSS, day-1 improvement) {CadssVsDay1R:0.000}; r(eta C50_D, eta EC50_A) {SensitivityR:0.000}");
    }

    private static Summary Summarise(PopulationModel population, ulong seed, int count, bool parallel)
    {
        var regimen = Nimh();
        var options = SimulationOptions.Default.AtTimes([TimeSpan.FromDays(1)]);   // the peak is located exactly anyway
        int c50 = population.Effects.IndexOf("C50_D"), ec50 = population.Effects.IndexOf("EC50_A");
        double[] peak = new double[count], auc = new double[count], day1 = new double[count], etaD = new double[count], etaA = new double[count];

        // One patient: sample, build their models, simulate, keep what we need. Writing to slot i keeps the order fixed.
        void One(int i)
        {
            var patient = population.SampleSubject(seed, i);
            var drug = population.Pk.Drug;
            var model = new PkPdModel(patient.CreatePkModel(population.Pk),
                [patient.CreateDissociation(population.Effects, drug), patient.CreateAntidepressant(population.Effects, drug)]);
            var r = model.Simulate(regimen, options);
            peak[i] = r.Dissociation.MaximumValue;
            auc[i] = r.Pk.Parent.Auc0To24NgHPerMl;
            day1[i] = -r.Antidepressant.Values[^1];   // improvement: positive = better
            (etaD[i], etaA[i]) = (patient.EffectRandomEffects[c50], patient.EffectRandomEffects[ec50]);
        }
        if (parallel) Parallel.For(0, count, One);
        else for (int i = 0; i < count; i++) One(i);

        return new Summary(peak.Count(p => p > 20) / (double)count, SamplingDistribution.FromReplicates(peak).Median,
            Correlation.Pearson(auc, day1).R, Correlation.Pearson(peak, day1).R, Correlation.Pearson(etaD, etaA).R);
    }

    private static DosingRegimen Nimh() =>
        DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
}

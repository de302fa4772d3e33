// PopulationPercentiles: a virtual population's percentile bands of concentration and both effects, in one call.
// Run it:  dotnet run --project samples/PopulationPercentiles
// CI copies this file into a fresh `dotnet new console` app that references the packed KetaminePkPd package.
using System.Globalization;
using KetaminePkPd;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Populations;

namespace KetaminePkPd.Samples.PopulationPercentiles;

public static class Program
{
    public static void Main() => Run(Console.Out);

    /// <summary>Runs the sample, writing to <paramref name="output"/> (a test calls this and checks the numbers).</summary>
    public static void Run(TextWriter output)
    {
        // Who: the default population of docs/model.md section 4.4 for Domino 1982 (30% CV on clearance and central volume,
        // weights N(80, 15) kg, PROVISIONAL spread of both effects). What: 0.5 mg/kg racemic ketamine over 40 min.
        var population = PopulationModel.Default(PkParameterSet.Domino);
        var regimen = DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        var times = new[] { 20, 40, 60, 120, 240, 1440 }.Select(m => TimeSpan.FromMinutes(m)).ToArray();
        var options = SimulationOptions.Default.AtTimes(times);

        // One call: 1000 patients drawn with seed 2024, simulated in parallel, summarised as the 5th, 25th, 50th, 75th and
        // 95th percentiles at each time (the default; pass percentiles: [...] for others).
        var bands = population.Simulate(regimen, subjects: 1000, seed: 2024, options);

        output.WriteLine($"{bands.Subjects} virtual patients, seed {bands.Seed}: {population.Pk.DisplayName}, 0.5 mg/kg over 40 min");
        Table(output, "Ketamine plasma concentration, ng/mL", bands.Concentration, bands.Times, "0");
        Table(output, "Dissociation, CADSS points", bands.Dissociation, bands.Times, "0.0");
        Table(output, "Antidepressant drug effect, MADRS points (negative = better)", bands.Antidepressant, bands.Times, "0.0");

        // Any percentile you ask for, e.g. the 10th and 90th of the concentration.
        var wide = population.Simulate(regimen, subjects: 1000, seed: 2024, options, percentiles: [0.1, 0.9]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"At 40 min, 80% of patients are between {wide.Concentration.Percentile(0.1)[1]:0} and {wide.Concentration.Percentile(0.9)[1]:0} ng/mL."));

        // The same seed gives the same numbers, bit for bit, serial or parallel: patient i depends only on (seed, i).
        var serial = population.Simulate(regimen, subjects: 1000, seed: 2024, options, parallel: false);
        output.WriteLine(serial == bands
            ? "Same seed, same bands, serial or parallel (the result records compare every value)."
            : "Same seed gave different bands: this should never happen.");
    }

    private static void Table(TextWriter output, string title, TimeCourseBand band, IReadOnlyList<TimeSpan> times, string format)
    {
        output.WriteLine();
        output.WriteLine(title);
        output.WriteLine($"{"time",-8}{"p5",9}{"p25",9}{"median",9}{"p75",9}{"p95",9}");
        for (int k = 0; k < times.Count; k++)
        {
            string Cell(double p) => band.Percentile(p)[k].ToString(format, CultureInfo.InvariantCulture).PadLeft(9);
            string time = times[k].TotalHours < 1 ? $"{times[k].TotalMinutes:0} min" : $"{times[k].TotalHours:0} h";
            output.WriteLine($"{time,-8}{Cell(0.05)}{Cell(0.25)}{Cell(0.5)}{Cell(0.75)}{Cell(0.95)}");
        }
    }
}

// QuickStart: one ketamine infusion and one esketamine nasal spray, through the library API.
// Run it:  dotnet run --project samples/QuickStart
// The block between README-BEGIN and README-END is the README's library example; a test keeps the two identical.
namespace KetaminePkPd.Samples.QuickStart;

public static class Program
{
    public static void Main() => Run(Console.Out);

    /// <summary>Runs the sample, writing to <paramref name="output"/> (a test calls this and checks the numbers).</summary>
    public static void Run(TextWriter output)
    {
        // README-BEGIN
        // using KetaminePkPd; using KetaminePkPd.Pharmacokinetics;
        // A 70 kg adult, racemic ketamine 0.5 mg/kg over 40 min (the antidepressant infusion), Domino 1982 parameters.
        var adult = Subject.TypicalAdult with { WeightKg = 70 };
        var model = PkModels.Domino.CreateModel(adult);
        var infusion = DosingRegimen.Single(
            Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        var result = PkSimulator.Simulate(model, infusion, new SimulationOptions { Until = TimeSpan.FromHours(24) });

        output.WriteLine($"ketamine    {result.Parent}");
        output.WriteLine($"norketamine {result.Metabolite}");

        // Esketamine nasal spray, 56 mg = two 28 mg devices 5 min apart (Perez-Ruixo 2021).
        var spray = PkSimulator.Simulate(PkModels.PerezRuixo2021.CreateModel(adult),
            DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(56))));
        output.WriteLine($"esketamine  {spray.Parent}");
        // README-END

        // The concentration curve itself: every hour for the first 6 h.
        output.WriteLine();
        output.WriteLine("time (h)   ketamine (ng/mL)   norketamine (ng/mL)");
        for (int k = 0; k < result.TimesH.Length; k++)
        {
            double t = result.TimesH[k];
            if (t > 6 + 1e-9 || Math.Abs(t - Math.Round(t)) > 1e-9) continue;
            output.WriteLine(FormattableString.Invariant($"{t,8:0}   {result.ParentNgPerMl[k],16:0.0}   {result.MetaboliteNgPerMl[k],19:0.0}"));
        }
    }
}

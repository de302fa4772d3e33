// QuickStart: one ketamine infusion and one esketamine nasal spray, through the library API.
// Run it:  dotnet run --project samples/QuickStart
// The block between README-BEGIN and README-END is the README's library example, a whole Program.cs for
// `dotnet new console` plus `dotnet add package KetaminePkPd`; a test keeps the two identical and CI builds the README
// block against the packed library.
// README-BEGIN
using KetaminePkPd;
using KetaminePkPd.Pharmacokinetics;

// A 70 kg adult, racemic ketamine 0.5 mg/kg over 40 min (the antidepressant infusion), Domino 1982 parameters.
var adult = Subject.TypicalAdult with { WeightKg = 70 };
var model = PkModels.Domino.CreateModel(adult);
var infusion = DosingRegimen.Single(
    Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
var result = PkSimulator.Simulate(model, infusion, new SimulationOptions { Until = TimeSpan.FromHours(24) });

Console.WriteLine($"ketamine    {result.Parent}");
Console.WriteLine($"norketamine {result.Metabolite}");

// Esketamine nasal spray, 56 mg = two 28 mg devices 5 min apart (Perez-Ruixo 2021).
var spray = PkSimulator.Simulate(PkModels.PerezRuixo2021.CreateModel(adult),
    DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(56))));
Console.WriteLine($"esketamine  {spray.Parent}");
// README-END

// The concentration curve itself: every hour for the first 6 h.
Console.WriteLine();
Console.WriteLine("time (h)   ketamine (ng/mL)   norketamine (ng/mL)");
for (int k = 0; k < result.TimesH.Length; k++)
{
    double t = result.TimesH[k];
    if (t > 6 + 1e-9 || Math.Abs(t - Math.Round(t)) > 1e-9) continue;
    Console.WriteLine(FormattableString.Invariant($"{t,8:0}   {result.ParentNgPerMl[k],16:0.0}   {result.MetaboliteNgPerMl[k],19:0.0}"));
}

// QuickStart: one ketamine infusion and one esketamine nasal spray, through the library API.
// Run it:  dotnet run --project samples/QuickStart
// The block between README-BEGIN and README-END is the README's library example, a whole Program.cs for
// `dotnet new console` plus `dotnet add package KetaminePkPd` (and `KetaminePkPd.Application` for the report); a test keeps the two identical and CI builds the README
// block against the packed library.
// README-BEGIN
using KetaminePkPd;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Pharmacokinetics;
using KetaminePkPd.Application;
using KetaminePkPd.Application.Reporting;

// A 70 kg adult, racemic ketamine 0.5 mg/kg over 40 min (the antidepressant infusion), Domino 1982 parameters.
var adult = Subject.TypicalAdult with { WeightKg = 70 };
var model = PkParameterSet.Domino.CreateModel(adult);
var infusion = DosingRegimen.Single(
    Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
var result = PkSimulator.Simulate(model, infusion, new SimulationOptions { Until = TimeSpan.FromHours(24) });

Console.WriteLine($"ketamine    {result.Parent}");
Console.WriteLine($"norketamine {result.Metabolite}");

// Esketamine nasal spray, 56 mg = two 28 mg devices 5 min apart (Perez-Ruixo 2021).
var spray = PkSimulator.Simulate(PkParameterSet.PerezRuixo2021.CreateModel(adult),
    DosingRegimen.Single(Administration.Intranasal(Dose.FromMilligrams(56))));
Console.WriteLine($"esketamine  {spray.Parent}");

// Both effects with the typical (PROVISIONAL) parameters: dissociation (CADSS points) and the antidepressant drug
// effect (MADRS points, negative = improvement), the model `ketamine-pkpd simulate` runs.
var pkpd = PkPdModel.Default(model, Drug.RacemicKetamine).Simulate(infusion, SimulationOptions.Default);
Console.WriteLine(FormattableString.Invariant($"peak CADSS  {pkpd.Dissociation.MaximumValue:0.0} points"));

// The same report, JSON and CSV as the command line, with its defaults (70 kg, 0.5 mg/kg over 40 min, Domino 1982).
var setup = SimulationSetup.Resolve();
var run = setup.Simulate();
Console.WriteLine(SimulationReport.Build(setup, run).ToMarkdown());
string csv = SimulationReport.TimeCourse(run).ToCsv();   // time_h, parent_ng_per_ml, ... (docs/outputs.md)
Console.WriteLine(csv.Split('\n')[0]);
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

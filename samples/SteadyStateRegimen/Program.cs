// SteadyStateRegimen: a repeated regimen with an interval, additional doses and steady state (mrgsolve's
// ev(amt, ii, addl, ss)), solved exactly, and checked against the long way round: the same doses repeated from zero.
// Run it:  dotnet run --project samples/SteadyStateRegimen
// CI copies this file into a fresh `dotnet new console` app that references the packed KetaminePkPd package.
using System.Globalization;
using KetaminePkPd;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Samples.SteadyStateRegimen;

public static class Program
{
    public static void Main() => Run(Console.Out);

    /// <summary>Runs the sample, writing to <paramref name="output"/> (a test calls this and checks the numbers).</summary>
    public static void Run(TextWriter output)
    {
        // Oral racemic ketamine 50 mg every 8 h (an off-label oral regimen), Domino 1982 with its oral route (F 20%) and
        // norketamine, a 70 kg adult. At steady state, then two more doses: ev(amt = 50, ii = 8, addl = 2, ss = 1).
        var model = PkParameterSet.Domino.CreateModel(Subject.TypicalAdult);
        var dose = Administration.Oral(Dose.FromMilligrams(50));
        var interval = TimeSpan.FromHours(8);
        var steady = DosingRegimen.Every(interval, dose, additionalDoses: 2, steadyState: true);
        var options = new SimulationOptions { Until = TimeSpan.FromHours(24), OutputStep = TimeSpan.FromMinutes(5) };
        var atSteadyState = PkSimulator.Simulate(model, steady, options);
        // Every interval of a steady state is the same, so the peak's time is read within its interval.
        var afterDose = TimeSpan.FromTicks(atSteadyState.Parent.Tmax.Ticks % interval.Ticks);

        // The long way round: 30 doses from zero (10 days); the last three intervals should look like the steady state.
        var fromZero = DosingRegimen.Every(interval, dose, additionalDoses: 29);
        var tenDays = PkSimulator.Simulate(model, fromZero, new SimulationOptions { Until = TimeSpan.FromHours(240), OutputStep = TimeSpan.FromMinutes(5) });
        var single = PkSimulator.Simulate(model, DosingRegimen.Single(dose), options);

        output.WriteLine($"{model.Name}, oral 50 mg every 8 h, 70 kg adult");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  steady state:  ketamine trough {atSteadyState.ParentNgPerMl[0]:0.00} ng/mL, peak {atSteadyState.Parent.CmaxNgPerMl:0.00} ng/mL {afterDose.TotalMinutes:0} min after a dose"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"                 norketamine trough {atSteadyState.MetaboliteNgPerMl[0]:0.0} ng/mL"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  single dose:   ketamine peak {single.Parent.CmaxNgPerMl:0.00} ng/mL; norketamine at 8 h {single.MetaboliteNgPerMl[96]:0.0} ng/mL"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  accumulation:  ketamine peak x{atSteadyState.Parent.CmaxNgPerMl / single.Parent.CmaxNgPerMl:0.00}, norketamine x{atSteadyState.MetaboliteNgPerMl[96] / single.MetaboliteNgPerMl[96]:0.00} at 8 h"));

        // Compare the steady-state run with day 10 of the repeated run, point by point over 24 h (t = 216 h .. 240 h).
        int offset = tenDays.IndexOf(TimeSpan.FromHours(216));
        double worst = 0;
        for (int k = 0; k < atSteadyState.TimesH.Length; k++)
        {
            double a = atSteadyState.ParentNgPerMl[k], b = tenDays.ParentNgPerMl[offset + k];
            worst = Math.Max(worst, Math.Abs(a - b) / Math.Max(a, 1e-9));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  after 27 doses from zero the ketamine curve is within {worst:0.0e+0} (relative) of the steady state solved in one step."));

        // Durations in and out: the interval goes in as a TimeSpan, Tmax comes back as one.
        output.WriteLine($"  interval {steady.SteadyStateInterval:hh\\:mm}, last peak at {atSteadyState.Parent.Tmax:hh\\:mm} (Tmax as a TimeSpan)");
    }
}

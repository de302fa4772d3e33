// InfusionCurves: one antidepressant infusion of racemic ketamine (0.5 mg/kg over 40 min, the NIMH design) and the four
// curves it produces: plasma concentration, effect-site concentration, dissociation (CADSS) and antidepressant effect.
// It prints them as a table, explains the lag between plasma and effect site and the acute tolerance of dissociation (two
// kinds of hysteresis), and saves two figures.
// Run it:  dotnet run --project samples/InfusionCurves        (figures go to the current folder)
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Plotting;

namespace KetaminePkPd.Samples.InfusionCurves;

public static class Program
{
    public static void Main() => Run(Console.Out, Directory.GetCurrentDirectory());

    /// <summary>Runs the sample, writing text to <paramref name="output"/> and figures to <paramref name="outputFolder"/>.</summary>
    public static void Run(TextWriter output, string outputFolder)
    {
        // One typical 70 kg adult; racemic ketamine disposition from Domino 1982.
        var adult = Subject.TypicalAdult;
        var pk = PkParameterSet.Domino.CreateModel(adult);

        // Two effects driven by the same drug, each with its own effect site (docs/model.md sections 4.1 and 4.2):
        // dissociation is a direct sigmoid Emax of the effect-site concentration; the antidepressant effect is a slow
        // "plasticity" signal that keeps building after the drug has gone.
        var model = PkPdModel.Default(pk, Drug.RacemicKetamine);

        var infusion = DosingRegimen.Single(
            Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40)));
        // Output every 30 s for 7 days: fine enough for the curves, long enough for the antidepressant effect to fade.
        var options = new SimulationOptions { Until = TimeSpan.FromDays(7), OutputStep = TimeSpan.FromSeconds(30) };
        var result = model.Simulate(infusion, options);

        var plasma = result.Pk.ParentNgPerMl;
        var cadss = result.Dissociation;
        var mood = result.Antidepressant;

        output.WriteLine($"Racemic ketamine {infusion.Administrations[0].Dose} over 40 min, {adult}, {PkParameterSet.Domino.DisplayName}");
        output.WriteLine();
        output.WriteLine("time        plasma   effect site   dissociation   antidepressant");
        output.WriteLine("           (ng/mL)       (ng/mL)        (CADSS)   (MADRS points)");
        double[] rowsMin = [0, 10, 20, 30, 40, 50, 60, 80, 100, 120, 240, 480, 1440, 4320, 10080];
        foreach (double minutes in rowsMin)   // (+ 0.0 below prints the drug-free -0 as 0)
        {
            int k = IndexAt(result.TimesH, minutes / 60);
            output.WriteLine(FormattableString.Invariant(
                $"{Durations.Prose(TimeSpan.FromMinutes(minutes)),-8} {plasma[k],10:0.0} {cadss.EffectSiteNgPerMl[k],13:0.0} {cadss.Values[k],14:0.0} {mood.Values[k] + 0.0,16:0.00}"));
        }

        // Hysteresis, twice. The effect site fills from plasma with a half-time of t1/2,ke0, so it lags plasma and peaks after it.
        // Dissociation also develops acute tolerance (docs/model.md section 4.1): tolerance compartments that follow the effect
        // site raise its C50 while the drug is present, so CADSS turns down during the infusion, before the effect site does.
        var dissociationModel = model.Effects[model.IndexOf(EffectParameterSet.DissociationName)];
        double plasmaPeakMin = result.Pk.Parent.TmaxH * 60;
        // The effect site's own peak, found without a grid: the peak of an effect with no tolerance, which is monotone in it.
        var noTolerance = EffectParameterSet.Default.WithParameter("KTA_D", 0).WithParameter("KTS_D", 0);
        double sitePeakH = new PkPdModel(pk, [noTolerance.Dissociation(Drug.RacemicKetamine)]).Simulate(infusion, options)
            .Dissociation.MaximumTimeH;
        int sitePeak = IndexAt(result.TimesH, sitePeakH);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant(
            $"Plasma peaks at {plasmaPeakMin:0} min ({result.Pk.Parent.CmaxNgPerMl:0.0} ng/mL), when the infusion stops."));
        output.WriteLine(FormattableString.Invariant(
            $"The effect site lags plasma (t1/2,ke0 {dissociationModel.Ke0HalfLifeMinutes:0.0} min) and peaks later, at {sitePeakH * 60:0.0} min ({cadss.EffectSiteNgPerMl[sitePeak]:0} ng/mL)."));
        output.WriteLine(FormattableString.Invariant(
            $"Dissociation peaks earlier, at {cadss.MaximumTimeH * 60:0.0} min (peak CADSS {cadss.MaximumValue:0.0}): acute tolerance turns it down while the effect site still fills."));

        // The same effect-site concentration twice, on the way up and on the way down: less dissociation the second time
        // (clockwise hysteresis against the effect site), because tolerance has built up in between.
        int rising = IndexAt(result.TimesH, 20.0 / 60);
        int falling = Enumerable.Range(sitePeak, plasma.Length - sitePeak).First(k => cadss.EffectSiteNgPerMl[k] <= cadss.EffectSiteNgPerMl[rising]);
        output.WriteLine(FormattableString.Invariant(
            $"At an effect-site concentration of {cadss.EffectSiteNgPerMl[rising]:0} ng/mL, CADSS is {cadss.Values[rising]:0.0} at 20 min (plasma {plasma[rising]:0} ng/mL) and {cadss.Values[falling]:0.0} at {result.TimesH[falling] * 60:0} min (effect site {cadss.EffectSiteNgPerMl[falling]:0}, plasma {plasma[falling]:0} ng/mL):"));
        output.WriteLine("the effect follows the effect site, less and less as tolerance builds.");

        int resolved = Enumerable.Range(0, plasma.Length).First(k => result.TimesH[k] > cadss.MaximumTimeH && cadss.Values[k] < 4);
        output.WriteLine(FormattableString.Invariant(
            $"Dissociation is back under 4 CADSS points by {result.TimesH[resolved] * 60:0} min; the antidepressant effect is largest at {mood.MinimumTimeH:0.0} h ({mood.MinimumValue:0.0} MADRS points), long after the drug has gone."));

        // Figures: both effects over the first two days, and the hysteresis loop of dissociation.
        Directory.CreateDirectory(outputFolder);
        string curves = Path.Combine(outputFolder, "infusion-curves.png");
        string loop = Path.Combine(outputFolder, "infusion-hysteresis.png");
        Figure.Save(Charts.Effects(result, maxHours: 48, title: "0.5 mg/kg over 40 min: both effects"), curves);
        Figure.Save(Charts.Hysteresis(result, maxHours: 3), loop);
        output.WriteLine();
        output.WriteLine($"Saved {Path.GetFileName(curves)} and {Path.GetFileName(loop)} in {Path.GetFullPath(outputFolder)}");
    }

    /// <summary>Index of the output time closest to <paramref name="hours"/>.</summary>
    private static int IndexAt(IReadOnlyList<double> timesH, double hours) =>
        Enumerable.Range(0, timesH.Count).MinBy(k => Math.Abs(timesH[k] - hours));
}

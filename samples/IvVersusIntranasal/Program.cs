// IvVersusIntranasal: the same typical patient given ketamine four ways - racemic ketamine IV 0.5 mg/kg over 40 min,
// esketamine nasal spray 56 mg and 84 mg (Spravato), and racemic ketamine nasal 50 mg - with peak concentration, time
// of peak, peak dissociation and the day-1 antidepressant effect. Racemic nasal bioavailability is poorly known
// (11-45%), so that arm is also run at both ends of the range.
// Run it:  dotnet run --project samples/IvVersusIntranasal
using KetaminePkPd.Pharmacodynamics;

namespace KetaminePkPd.Samples.IvVersusIntranasal;

public static class Program
{
    public static void Main() => Run(Console.Out);

    /// <summary>Runs the sample, writing to <paramref name="output"/> (a test calls this and checks the numbers).</summary>
    public static void Run(TextWriter output)
    {
        var adult = Subject.TypicalAdult;   // 70 kg: 0.5 mg/kg is 35 mg

        // Each arm: a PK parameter set (which also says which drug it is) and one administration.
        // Domino 1982 for racemic ketamine; Perez-Ruixo 2021 for esketamine, whose nasal model splits every 28 mg device
        // into a part absorbed through the nose and a swallowed part that passes the liver first.
        var iv = Administration.IntravenousInfusion(Dose.FromMilligramsPerKilogram(0.5), TimeSpan.FromMinutes(40));
        var arms = new List<(string Name, PkParameterSet Set, Administration Dose)>
        {
            ("racemic IV 0.5 mg/kg/40 min", PkParameterSet.Domino, iv),
            ("esketamine nasal 56 mg", PkParameterSet.PerezRuixo2021, Administration.Intranasal(Dose.FromMilligrams(56))),
            ("esketamine nasal 84 mg", PkParameterSet.PerezRuixo2021, Administration.Intranasal(Dose.FromMilligrams(84))),
        };

        // Racemic nasal ketamine: the model knows its bioavailability is uncertain and where that number lives.
        var nasal = PkParameterSet.Domino.CreateModel(adult).GetRoute(Route.Intranasal);
        var (low, high) = nasal.BioavailabilityRange!.Value;
        string f = nasal.BioavailabilityParameter!;   // "F_IN"
        double typicalF = PkParameterSet.Domino[f].Value;
        var spray50 = Administration.Intranasal(Dose.FromMilligrams(50));
        foreach (double bioavailability in new[] { typicalF, low, high })
            arms.Add(($"racemic nasal 50 mg, F {Pct(bioavailability)}", PkParameterSet.Domino.WithParameter(f, bioavailability), spray50));

        output.WriteLine($"Typical patient: {adult}. Effects without placebo or rating noise.");
        output.WriteLine();
        output.WriteLine("arm                             Cmax (ng/mL)  Tmax (min)  peak CADSS  day-1 effect (MADRS)");
        var rows = new List<(string Name, double Cmax, double PeakCadss, double Day1)>();
        foreach (var (name, set, dose) in arms)
        {
            // Both effects for this drug. R-ketamine adds nothing to dissociation, so esketamine's C50 and EC50 are half the
            // racemic ones (EffectParameterSet.PotencyFactor): milligram for milligram, esketamine counts double.
            var model = PkPdModel.Default(set.CreateModel(adult), set.Drug);
            // One output, at 24 h, is enough: Cmax, Tmax and the peak of a direct effect are located exactly between outputs.
            var result = model.Simulate(DosingRegimen.Single(dose), SimulationOptions.Default.AtTimes([TimeSpan.FromDays(1)]));
            var exposure = result.Pk.Parent;
            double peakCadss = result.Dissociation.MaximumValue;
            double day1 = result.Antidepressant.Values[^1];
            rows.Add((name, exposure.CmaxNgPerMl, peakCadss, day1));
            output.WriteLine(FormattableString.Invariant(
                $"{name,-31} {exposure.CmaxNgPerMl,12:0.0} {exposure.TmaxH * 60,11:0} {peakCadss,11:0.0} {day1,21:0.00}"));
        }

        // What the table says, in words, from the numbers above.
        var ivRow = rows[0];
        var (typ, lo, hi) = (rows[3], rows[4], rows[5]);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant(
            $"Esketamine 56 and 84 mg reach {Pct(rows[1].Cmax / ivRow.Cmax)} and {Pct(rows[2].Cmax / ivRow.Cmax)} of the IV Cmax, but at {EffectParameterSet.PotencyFactor(Drug.Esketamine):0}x the potency their peak CADSS is {rows[1].PeakCadss:0.0} and {rows[2].PeakCadss:0.0} (IV {ivRow.PeakCadss:0.0})."));
        // The day-1 effect is a slow signal that adds up the time the effect site spends near or above EC50; it does not
        // follow the peak. Its EC50 for esketamine is half the racemic one, a PROVISIONAL assumption (EffectParameterSet).
        double ec50Esketamine = EffectParameterSet.Default.Antidepressant(Drug.Esketamine).Ec50NgPerMl;
        output.WriteLine(FormattableString.Invariant(
            $"Their day-1 effect ({rows[1].Day1:0.0} and {rows[2].Day1:0.0}) is {(rows[1].Day1 < ivRow.Day1 ? "larger" : "smaller")} than IV's ({ivRow.Day1:0.0}): the slow antidepressant signal follows the time spent above EC50 ({ec50Esketamine:0} ng/mL for esketamine, provisional), not the peak."));
        output.WriteLine(FormattableString.Invariant(
            $"Racemic nasal 50 mg: bioavailability is documented anywhere from {Pct(low)} to {Pct(high)}; the library's default is {Pct(typicalF)}."));
        output.WriteLine($"  Source: {PkParameterSet.Domino[f].Source}.");
        output.WriteLine(FormattableString.Invariant(
            $"Across that range Cmax goes from {lo.Cmax:0.0} to {hi.Cmax:0.0} ng/mL (x{hi.Cmax / lo.Cmax:0.0}), peak CADSS from {lo.PeakCadss:0.0} to {hi.PeakCadss:0.0}, the day-1 effect from {lo.Day1:0.00} to {hi.Day1:0.00} MADRS points."));
        double esketamineRatio = rows[2].Cmax / rows[1].Cmax;
        bool loHalf = lo.Day1 <= ivRow.Day1 / 2, hiHalf = hi.Day1 <= ivRow.Day1 / 2;
        string half = (loHalf, hiHalf) switch
        {
            (true, true) => "both ends reach half of the IV day-1 effect",
            (false, true) => "the high end reaches half of the IV day-1 effect and the low end does not",
            (true, false) => "the low end reaches half of the IV day-1 effect and the high end does not",
            _ => "neither end reaches half of the IV day-1 effect",
        };
        output.WriteLine(FormattableString.Invariant(
            $"That spread is {(hi.Cmax / lo.Cmax > esketamineRatio ? "larger" : "smaller")} than the step from 56 to 84 mg esketamine (x{esketamineRatio:0.00}), and {half}:"));
        output.WriteLine("report racemic nasal ketamine as a range, never as one number.");
    }

    private static string Pct(double fraction) => FormattableString.Invariant($"{fraction * 100:0}%");
}

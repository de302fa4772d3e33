using System.Globalization;

namespace KetaminePkPd.Trials;

/// <summary>
/// The between-patient variance of the % change from baseline at one assessment, split into its parts: the drug effect, the
/// placebo response (with any active control and expectancy boost) and the rest (rating noise and the scale's floor), with
/// their covariances. Immutable.
/// </summary>
/// <remarks>
/// <para>Per patient i, with baseline B_i (MADRS): drug_i = 100 D_i(t) / B_i, placebo_i = -100 P_i(t) / B_i (P the total
/// placebo improvement of the clinical model at t), and rest_i = Y_i - drug_i - placebo_i, where Y_i is the rated % change.
/// So Y = drug + placebo + rest exactly, and Var(Y) = Var(drug) + Var(placebo) + Var(rest) + 2 (the three covariances). The
/// parts are correlated through the shared baseline in the denominator and through the floor of the scale.</para>
/// <para>A variable that is independent of the placebo and rest parts (dissociation, under any hypothesis that links only the
/// drug effect) correlates with Y at most sqrt(Var(drug) / Var(Y)) in absolute value (Cauchy-Schwarz, when the parts are
/// uncorrelated): <see cref="DrugCeiling"/>, the ceiling that issue 16 measured at 0.33 (230 min) and 0.10 (day 7) for the
/// earlier clinical model.</para>
/// </remarks>
internal sealed class ChangeDecomposition
{
    internal ChangeDecomposition(TimeSpan time, int patients, double totalVariance, double drugVariance, double placeboVariance, double restVariance,
        double drugPlaceboCovariance, double drugRestCovariance, double placeboRestCovariance)
    {
        Time = time;
        Patients = patients;
        TotalVariance = totalVariance;
        DrugVariance = drugVariance;
        PlaceboVariance = placeboVariance;
        RestVariance = restVariance;
        DrugPlaceboCovariance = drugPlaceboCovariance;
        DrugRestCovariance = drugRestCovariance;
        PlaceboRestCovariance = placeboRestCovariance;
    }

    /// <summary>The assessment.</summary>
    public TimeSpan Time { get; }

    /// <summary>Patients included (at least 3).</summary>
    public int Patients { get; }

    /// <summary>Var(Y), (% of baseline)^2.</summary>
    public double TotalVariance { get; }

    /// <summary>Var(drug).</summary>
    public double DrugVariance { get; }

    /// <summary>Var(placebo).</summary>
    public double PlaceboVariance { get; }

    /// <summary>Var(rest): rating noise and the floor of the scale.</summary>
    public double RestVariance { get; }

    /// <summary>Cov(drug, placebo).</summary>
    public double DrugPlaceboCovariance { get; }

    /// <summary>Cov(drug, rest).</summary>
    public double DrugRestCovariance { get; }

    /// <summary>Cov(placebo, rest).</summary>
    public double PlaceboRestCovariance { get; }

    /// <summary>Share of Var(Y) carried by the drug effect alone, Var(drug) / Var(Y).</summary>
    public double DrugShare => DrugVariance / TotalVariance;

    /// <summary>Share of Var(Y) carried by the placebo response alone.</summary>
    public double PlaceboShare => PlaceboVariance / TotalVariance;

    /// <summary>Share of Var(Y) carried by the rest (rating noise, floor) alone.</summary>
    public double RestShare => RestVariance / TotalVariance;

    /// <summary>sqrt(Var(drug) / Var(Y)): the largest |r| with the % change of a variable that shares nothing with the placebo and rest parts.</summary>
    public double DrugCeiling => Math.Sqrt(DrugVariance / TotalVariance);

    /// <summary>
    /// Decomposes the % change at <paramref name="time"/> over the patients of <paramref name="trial"/> that <paramref name="include"/>
    /// selects (default: those given a drug, i.e. the active arms).
    /// </summary>
    /// <param name="trial">A finished trial.</param>
    /// <param name="time">One of the design's assessments.</param>
    /// <param name="include">Which patients to include; null for every patient of an arm with a non-zero dose.</param>
    /// <exception cref="ArgumentNullException">A null trial.</exception>
    /// <exception cref="ArgumentException">A time that is not an assessment, or fewer than 3 patients selected.</exception>
    public static ChangeDecomposition Of(TrialResult trial, TimeSpan time, Func<TrialSubjectResult, bool>? include = null)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var design = trial.Design;
        int k = design.Assessments.IndexOf(time);
        if (k < 0)
            throw new ArgumentException($"time {Durations.Format(time)} is not an assessment of design '{design.Name}' ({string.Join(", ", design.Assessments.Select(Durations.Format))}).", nameof(time));
        include ??= s => design.Arms[s.Simulated.Arm].Administration.Dose.Value > 0;
        var clinical = design.Clinical;
        double hours = Units.Hours(time);
        double course = clinical.PlaceboCourse(hours), slowOnset = clinical.SlowPlaceboOnset(hours);
        var y = new List<double>();
        var drug = new List<double>();
        var placebo = new List<double>();
        foreach (var s in trial.Subjects)
        {
            if (!include(s)) continue;
            var p = s.Simulated;
            double b = p.BaselineMadrs;
            double boost = s.NoticedDissociation ? trial.Hypothesis.ExpectancyBoostMadrs : 0;
            double active = design.Arms[p.Arm].Administration.Dose.Value == 0 ? clinical.ActiveControlMadrs : 0;
            double placeboMadrs = (p.PlaceboMadrs + boost + active) * course + p.SlowPlaceboMadrs * slowOnset;
            y.Add(s.PercentChanges[k]);
            drug.Add(100 * p.DrugEffectMadrs[k] / b);
            placebo.Add(-100 * placeboMadrs / b);
        }
        int n = y.Count;
        if (n < 3) throw new ArgumentException($"The decomposition needs at least 3 patients; {n} were selected.", nameof(include));
        var rest = new double[n];
        for (int i = 0; i < n; i++) rest[i] = y[i] - drug[i] - placebo[i];
        return new ChangeDecomposition(time, n, Covariance(y, y), Covariance(drug, drug), Covariance(placebo, placebo), Covariance(rest, rest),
            Covariance(drug, placebo), Covariance(drug, rest), Covariance(placebo, rest));
    }

    private static double Covariance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        int n = a.Count;
        double ma = 0, mb = 0;
        for (int i = 0; i < n; i++) { ma += a[i]; mb += b[i]; }
        ma /= n;
        mb /= n;
        double s = 0;
        for (int i = 0; i < n; i++) s += (a[i] - ma) * (b[i] - mb);
        return s / (n - 1);
    }

    /// <summary>Describes the shares.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Durations.Format(Time)}: SD {Math.Sqrt(TotalVariance):G3}% of baseline; drug {DrugShare:P0}, placebo {PlaceboShare:P0}, rest {RestShare:P0}; ceiling {DrugCeiling:G2} (n = {Patients})");
}

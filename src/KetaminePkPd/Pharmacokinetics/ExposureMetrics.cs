using System.Globalization;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Exposure of one analyte (parent or metabolite) over a simulation. Immutable.
/// </summary>
/// <remarks>
/// <para>Cmax and Tmax are located between output points to 1e-7 h with the model's exact solution, so they do not depend
/// on the output step. AUCs are exact integrals of the model's concentration (not trapezoids of the output grid).</para>
/// <para>AUC from zero to infinity covers every administration of the regimen, including any after the simulated
/// window: for a linear model it equals c^T (-K)^-1 x (total input per compartment). The terminal half-life is
/// ln 2 divided by the slowest rate constant (eigenvalue of K) that the doses excite and that reaches this analyte's
/// central compartment: minus the largest real part among the eigenvalues of K restricted to the compartments that are both
/// downstream of a dose and upstream of the analyte (MathNet's eigenvalue decomposition, so equal or nearly equal slow
/// rates, e.g. absorption as slow as elimination, give the right value).</para>
/// </remarks>
public sealed record ExposureMetrics
{
    /// <summary>Creates the record; every value is checked as its property is set, so a <c>with</c> expression is checked too.</summary>
    /// <param name="cmaxNgPerMl">Peak concentration over [0, Until], ng/mL.</param>
    /// <param name="tmaxH">Time of the peak, h from time zero.</param>
    /// <param name="aucToEndNgHPerMl">AUC from 0 to Until, ng.h/mL.</param>
    /// <param name="auc0To24NgHPerMl">AUC from 0 to 24 h whatever Until is, ng.h/mL.</param>
    /// <param name="aucInfNgHPerMl">AUC from 0 to infinity of the whole regimen, ng.h/mL.</param>
    /// <param name="terminalHalfLifeH">Terminal half-life, h (NaN when no drug reaches the analyte, or when no rate constant
    /// reaching it is positive).</param>
    /// <exception cref="ArgumentException">A value outside its range (<see cref="ArgumentOutOfRangeException"/>), a null (<see cref="ArgumentNullException"/>) or a malformed array.</exception>
    public ExposureMetrics(double cmaxNgPerMl, double tmaxH, double aucToEndNgHPerMl, double auc0To24NgHPerMl, double aucInfNgHPerMl, double terminalHalfLifeH)
    {
        CmaxNgPerMl = cmaxNgPerMl;
        TmaxH = tmaxH;
        AucToEndNgHPerMl = aucToEndNgHPerMl;
        Auc0To24NgHPerMl = auc0To24NgHPerMl;
        AucInfNgHPerMl = aucInfNgHPerMl;
        TerminalHalfLifeH = terminalHalfLifeH;
    }

    /// <summary>Peak concentration over [0, Until], ng/mL.</summary>
    public double CmaxNgPerMl { get; init => field = Guard.NonNegative(value, nameof(CmaxNgPerMl)); }

    /// <summary>Time of the peak, h from time zero.</summary>
    public double TmaxH { get; init => field = Guard.NonNegative(value, nameof(TmaxH)); }

    /// <summary>AUC from 0 to Until, ng.h/mL.</summary>
    public double AucToEndNgHPerMl { get; init => field = Guard.NonNegative(value, nameof(AucToEndNgHPerMl)); }

    /// <summary>AUC from 0 to 24 h whatever Until is, ng.h/mL.</summary>
    public double Auc0To24NgHPerMl { get; init => field = Guard.NonNegative(value, nameof(Auc0To24NgHPerMl)); }

    /// <summary>AUC from 0 to infinity of the whole regimen, ng.h/mL.</summary>
    public double AucInfNgHPerMl { get; init => field = Guard.NonNegative(value, nameof(AucInfNgHPerMl)); }

    /// <summary>The metrics of a simulation, with the terminal half-life computed on its first read by <paramref name="terminalHalfLifeH"/>
    /// (checked then, as the property's setter checks it): most readers want Cmax and AUC, and the half-life takes an eigen-decomposition.</summary>
    internal ExposureMetrics(double cmaxNgPerMl, double tmaxH, double aucToEndNgHPerMl, double auc0To24NgHPerMl, double aucInfNgHPerMl, Func<double> terminalHalfLifeH)
    {
        CmaxNgPerMl = cmaxNgPerMl;
        TmaxH = tmaxH;
        AucToEndNgHPerMl = aucToEndNgHPerMl;
        Auc0To24NgHPerMl = auc0To24NgHPerMl;
        AucInfNgHPerMl = aucInfNgHPerMl;
        _terminalHalfLife = new DeferredValue(() => CheckedHalfLife(terminalHalfLifeH()));
    }

    // Compared and hashed by value (DeferredValue), so the record's equality is the same whether the half-life was given or deferred.
    private readonly DeferredValue _terminalHalfLife;

    /// <summary>Terminal half-life, h (NaN when no drug reaches the analyte, or when no rate constant
    /// reaching it is positive).</summary>
    public double TerminalHalfLifeH { get => _terminalHalfLife.Value; init => _terminalHalfLife = new DeferredValue(CheckedHalfLife(value)); }

    private static double CheckedHalfLife(double value) => double.IsNaN(value) ? value : Guard.Positive(value, nameof(TerminalHalfLifeH));

    /// <summary>Time of the peak as a duration from time zero (<see cref="TmaxH"/> rounded to the nearest tick, 100 ns).</summary>
    public TimeSpan Tmax => Units.FromHours(TmaxH);

    /// <summary>Terminal half-life as a duration (<see cref="TerminalHalfLifeH"/> to the nearest tick), or null when it is NaN.</summary>
    public TimeSpan? TerminalHalfLife => double.IsNaN(TerminalHalfLifeH) ? null : Units.FromHours(TerminalHalfLifeH);

    /// <summary>Formats the metrics on one line.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Cmax {CmaxNgPerMl:G4} ng/mL at {TmaxH:G4} h, AUC0-24 {Auc0To24NgHPerMl:G5} ng.h/mL, AUC0-inf {AucInfNgHPerMl:G5} ng.h/mL, t1/2 {TerminalHalfLifeH:G3} h");
}

namespace KetaminePkPd.Pharmacodynamics;

/// <summary>
/// A pharmacodynamic effect driven by drug concentration: the extension point for your own effect models.
/// </summary>
/// <remarks>
/// <para>Every effect has its own effect-site compartment, dCe/dt = ke0 (Cp - Ce), with Cp the plasma concentration of
/// <see cref="Driver"/> in ng/mL (Sheiner et al. 1979). The effect is then either a direct function of Ce (an Emax
/// model: no filter states) or the output of a linear filter driven by a function of Ce:
/// dp/dt = A p + B u(Ce), effect = g(Ce, p). The second form covers signal-transduction and transit chains, the
/// plasticity signal of the antidepressant model, and indirect-response models that act on the production rate
/// (dR/dt = kin (1 +/- f(Ce)) - kout R). Models that need a nonlinearity in the filter states themselves are outside
/// this form.</para>
/// <para>Implementations must be immutable and thread-safe, and <see cref="Drive"/> and <see cref="Effect"/> must be pure
/// and allocation-free: they run inside the simulation loop.</para>
/// </remarks>
public abstract class EffectModel
{
    /// <summary>Creates the effect's common part.</summary>
    /// <param name="name">Short name (e.g. <c>dissociation</c>), unique within a PK-PD model.</param>
    /// <param name="unit">Unit of the effect (e.g. <c>CADSS points</c>).</param>
    /// <param name="ke0PerH">Effect-site equilibration rate constant, 1/h, in (0, 1e4].</param>
    /// <param name="driver">Which plasma concentration drives the effect site.</param>
    /// <exception cref="ArgumentException">Empty name or unit, or ke0 out of range.</exception>
    protected EffectModel(string name, string unit, double ke0PerH, EffectDriver driver = EffectDriver.Parent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(unit);
        if (!Enum.IsDefined(driver)) throw new ArgumentOutOfRangeException(nameof(driver), driver, "Undefined driver.");
        Name = name;
        Unit = unit;
        Ke0PerH = Guard.InRangeExclusiveMin(ke0PerH, 0, 1e4, nameof(ke0PerH));
        Driver = driver;
    }

    /// <summary>Short name.</summary>
    public string Name { get; }

    /// <summary>Unit of the effect.</summary>
    public string Unit { get; }

    /// <summary>Effect-site equilibration rate constant, 1/h (t1/2,ke0 = ln 2 / ke0).</summary>
    public double Ke0PerH { get; }

    /// <summary>The plasma concentration driving the effect site.</summary>
    public EffectDriver Driver { get; }

    /// <summary>Number of filter states q (0 for a direct effect).</summary>
    public virtual int FilterStates => 0;

    /// <summary>The filter matrix A (q x q row-major, off-diagonal &gt;= 0) and input vector B (q, entries &gt;= 0): dp/dt = A p + B u.</summary>
    /// <param name="a">Receives A.</param>
    /// <param name="b">Receives B.</param>
    public virtual void Filter(Span<double> a, Span<double> b) { }

    /// <summary>The filter state before any drug (zeros by default; an indirect response starts at its baseline).</summary>
    public virtual void InitialFilterState(Span<double> p) => p.Clear();

    /// <summary>The filter input u as a function of the effect-site concentration (ng/mL). Unused without filter states.</summary>
    public virtual double Drive(double ceNgPerMl) => 0;

    /// <summary>du/dCe; by default a central difference of <see cref="Drive"/>. Override with the exact derivative when you can.</summary>
    public virtual double DriveDerivative(double ceNgPerMl)
    {
        double h = 1e-6 * Math.Max(1, Math.Abs(ceNgPerMl));
        return (Drive(ceNgPerMl + h) - Drive(Math.Max(0, ceNgPerMl - h))) / (ceNgPerMl + h - Math.Max(0, ceNgPerMl - h));
    }

    /// <summary>The effect, in <see cref="Unit"/>, from the effect-site concentration (ng/mL) and the filter state.</summary>
    public abstract double Effect(double ceNgPerMl, ReadOnlySpan<double> filter);

    /// <summary>
    /// Number of linear tolerance compartments a built-in effect keeps beside its effect site (0 for effects defined
    /// outside the library): states y that follow the effect-site concentration linearly, dy/dt = M y + m Ce, so that
    /// the whole PK-effect-site-tolerance system stays linear and exact, and the effect is a direct function of
    /// (Ce, y) (see <see cref="SigmoidEmaxModel"/>).
    /// </summary>
    internal virtual int ToleranceStates => 0;

    /// <summary>Writes M (<see cref="ToleranceStates"/> squared, row-major) and m (the input from Ce) of the tolerance compartments.</summary>
    internal virtual void ToleranceDynamics(Span<double> m, Span<double> fromEffectSite) { }

    /// <summary>The effect from the effect-site concentration, the tolerance states and the filter states.</summary>
    internal virtual double EffectWithTolerance(double ceNgPerMl, ReadOnlySpan<double> tolerance, ReadOnlySpan<double> filter) => Effect(ceNgPerMl, filter);

    /// <summary>d(effect)/dt from the effect-site concentration, the tolerance states and their rates (direct effects only).</summary>
    internal virtual double EffectRate(double ceNgPerMl, ReadOnlySpan<double> tolerance, double ceRate, ReadOnlySpan<double> toleranceRates) => 0;

    /// <summary>Effect-site equilibration half-life, minutes.</summary>
    public double Ke0HalfLifeMinutes => Math.Log(2) / Ke0PerH * Units.MinutesPerHour;
}

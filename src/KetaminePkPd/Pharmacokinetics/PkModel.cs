using System.Collections.Immutable;
using System.Text;
using KetaminePkPd.Numerics;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// A linear compartment model of one individual: compartments with volumes, first-order transfers between them and out
/// of the body, and the routes by which it takes doses. dA/dt = K A + inputs(t), with amounts A in mg and time in h.
/// Immutable and always valid.
/// </summary>
/// <remarks>
/// <para>Build one from a built-in, cited parameter set (<see cref="PkParameterSet"/>), or from your own compartments and
/// transfers with this constructor, or with <see cref="Mammillary"/>.</para>
/// <para>Validity: compartment names are unique; there is exactly one <see cref="CompartmentRole.Central"/> compartment
/// and at most one <see cref="CompartmentRole.MetaboliteCentral"/>; every transfer names existing compartments; and every
/// compartment drains, directly or through others, to elimination (which makes K invertible, so exposures to infinity
/// are finite).</para>
/// </remarks>
public sealed class PkModel
{
    private readonly ImmutableArray<Route> _routeKeys;

    /// <summary>Creates a model.</summary>
    /// <param name="name">A short name (e.g. <c>domino</c>).</param>
    /// <param name="drug">The drug the model describes.</param>
    /// <param name="subject">The individual it is parameterised for (used to turn mg/kg doses into mg).</param>
    /// <param name="compartments">The compartments.</param>
    /// <param name="transfers">First-order transfers and eliminations; several transfers along the same path add up.</param>
    /// <param name="routes">The routes the model accepts, at most one definition per route.</param>
    /// <param name="source">Literature source of the model.</param>
    /// <exception cref="ArgumentException">The model breaks one of the validity rules in the remarks; the message says which.</exception>
    internal PkModel(string name, Drug drug, Subject subject, IEnumerable<Compartment> compartments, IEnumerable<Transfer> transfers,
        IEnumerable<RouteDefinition> routes, string source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(compartments);
        ArgumentNullException.ThrowIfNull(transfers);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(source);
        if (!Enum.IsDefined(drug)) throw new ArgumentOutOfRangeException(nameof(drug), drug, "Undefined drug.");
        Name = name;
        Drug = drug;
        Subject = subject;
        Source = source;
        // Immutable arrays are kept as given (a trial's racemic models pass theirs: no copy per patient); anything else is copied.
        Compartments = compartments is ImmutableArray<Compartment> { IsDefault: false } givenCompartments ? givenCompartments : [.. compartments];
        Transfers = transfers is ImmutableArray<Transfer> { IsDefault: false } givenTransfers ? givenTransfers : [.. transfers];
        Routes = routes is ImmutableArray<RouteDefinition> { IsDefault: false } givenRoutes ? givenRoutes : [.. routes];

        int n = Compartments.Length;
        if (n == 0) throw new ArgumentException($"Model '{name}' needs at least one compartment.", nameof(compartments));
        // Names are looked up by a scan (a model has a dozen compartments or so and is built per virtual patient: no dictionary).
        for (int i = 0; i < n; i++)
        {
            if (Compartments[i] is null) throw new ArgumentException($"Model '{name}': compartment {i} is null.", nameof(compartments));
            for (int j = 0; j < i; j++)
                if (string.Equals(Compartments[j].Name, Compartments[i].Name, StringComparison.Ordinal))
                    throw new ArgumentException($"Model '{name}': compartment name '{Compartments[i].Name}' is used twice.", nameof(compartments));
        }
        CentralIndex = SingleRole(CompartmentRole.Central, required: true);
        MetaboliteIndex = SingleRole(CompartmentRole.MetaboliteCentral, required: false);

        Dimension = n;
        var k = new double[n * n];
        var elimination = new double[n];
        foreach (var t in Transfers)
        {
            if (t.From is null) throw new ArgumentException($"Model '{name}': a transfer is default (no source).", nameof(transfers));
            int from = IndexOf(t.From, "transfer source");
            k[from * n + from] -= t.RatePerH;
            if (t.To is null) elimination[from] += t.RatePerH;
            else k[IndexOf(t.To, "transfer destination") * n + from] += t.RatePerH;
        }
        RateMatrix = k;
        EliminationRates = elimination;
        CheckDrains();

        var keys = new Route[Routes.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            var r = Routes[i];
            if (r is null) throw new ArgumentException($"Model '{name}': a route definition is null.", nameof(routes));
            if (Array.IndexOf(keys, r.Route, 0, i) >= 0) throw new ArgumentException($"Model '{name}': route {r.Route} is defined twice.", nameof(routes));
            keys[i] = r.Route;
            foreach (var p in r.Pathways)
                if (Find(p.Target) < 0) IndexOf(p.Target, $"target of route {r.Route}");
        }
        // Sorted by insertion (a model has a few routes; Array.Sort of an enum made a comparison delegate per model).
        for (int i = 1; i < keys.Length; i++)
            for (int j = i; j > 0 && keys[j - 1] > keys[j]; j--) (keys[j - 1], keys[j]) = (keys[j], keys[j - 1]);
        _routeKeys = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(keys);

        // LU of K, and the row vectors w = K^-T c that turn a step's change of state into exact integrals:
        // integral of A over a step = K^-1 (A1 - A0 - h b), so integral of c.A = w . (A1 - A0 - h b).
        Lu = (double[])k.Clone();
        Pivots = new int[n];
        if (!DenseLu.Factor(Lu, n, Pivots))
            throw new ArgumentException($"Model '{name}': the rate matrix is singular; every compartment must drain to elimination.", nameof(transfers));
        ParentAucWeights = IntegralWeights(CentralIndex);
        MetaboliteAucWeights = MetaboliteIndex >= 0 ? IntegralWeights(MetaboliteIndex) : null;
        var e = (double[])elimination.Clone();
        DenseLu.SolveTransposed(Lu, n, Pivots, e);
        EliminationWeights = e;
    }

    /// <summary>Short name of the model or parameter set.</summary>
    public string Name { get; }

    /// <summary>The drug.</summary>
    public Drug Drug { get; }

    /// <summary>The individual the model is parameterised for.</summary>
    public Subject Subject { get; }

    /// <summary>Literature source.</summary>
    public string Source { get; }

    /// <summary>Compartments, in state-vector order.</summary>
    public ImmutableArray<Compartment> Compartments { get; }

    /// <summary>Transfers and eliminations.</summary>
    internal ImmutableArray<Transfer> Transfers { get; }

    /// <summary>Route definitions.</summary>
    public ImmutableArray<RouteDefinition> Routes { get; }

    /// <summary>The routes the model accepts, in enum order.</summary>
    public ImmutableArray<Route> SupportedRoutes => _routeKeys;

    /// <summary>The parent drug's central compartment.</summary>
    public Compartment CentralCompartment => Compartments[CentralIndex];

    /// <summary>The metabolite's central compartment, or null when the model has no metabolite.</summary>
    public Compartment? MetaboliteCompartment => MetaboliteIndex >= 0 ? Compartments[MetaboliteIndex] : null;

    /// <summary>
    /// Systemic clearance of the parent drug, L/h: an intravenous dose divided by the parent AUC from zero to infinity it
    /// produces. For models that clear the drug through a hepatic compartment this is Qh x E (Perez-Ruixo 2021).
    /// </summary>
    public double SystemicClearanceLPerH
    {
        get
        {
            // AUC (mg.h/L) of a unit bolus into central = (-K^-1)[c, c] / Vc.
            Span<double> x = stackalloc double[Dimension];
            x.Clear();
            x[CentralIndex] = 1;
            DenseLu.Solve(Lu, Dimension, Pivots, x);
            return CentralCompartment.VolumeL / -x[CentralIndex];
        }
    }

    /// <summary>True if the model accepts doses by <paramref name="route"/>.</summary>
    public bool Supports(Route route) => _routeKeys.Contains(route);

    /// <summary>The definition of <paramref name="route"/>.</summary>
    /// <exception cref="ArgumentException">The model does not support the route; the message lists those it does.</exception>
    public RouteDefinition GetRoute(Route route)
    {
        // A scan without a closure: every simulation looks its routes up.
        foreach (var r in Routes)
            if (r.Route == route) return r;
        throw new ArgumentException($"Model '{Name}' does not support route {route}; it supports {string.Join(", ", _routeKeys)}.", nameof(route));
    }

    /// <summary>A copy with <paramref name="route"/> added, or replacing the definition of the same route.</summary>
    /// <exception cref="ArgumentException">The route targets a compartment the model lacks.</exception>
    internal PkModel WithRoute(RouteDefinition route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new PkModel(Name, Drug, Subject, Compartments, Transfers, Routes.Where(r => r.Route != route.Route).Append(route), Source);
    }

    /// <summary>Index of the named compartment in the state vector.</summary>
    /// <exception cref="ArgumentException">No compartment has that name.</exception>
    public int IndexOf(string compartmentName) => IndexOf(compartmentName, "compartment");

    /// <summary>
    /// A mammillary model: a central compartment exchanging with any number of peripheral compartments, eliminated from
    /// central, taking intravenous doses (add other routes with <see cref="WithRoute"/>).
    /// </summary>
    /// <param name="name">Name.</param>
    /// <param name="drug">Drug.</param>
    /// <param name="subject">Individual (for mg/kg doses).</param>
    /// <param name="centralVolumeL">V1, L, in (0, 100 000].</param>
    /// <param name="clearanceLPerH">CL, L/h, in (0, 1e5].</param>
    /// <param name="peripherals">(Q in L/h, V in L) per peripheral compartment; 0 to 5 of them.</param>
    /// <param name="source">Literature source.</param>
    /// <exception cref="ArgumentException">A value out of range.</exception>
    public static PkModel Mammillary(string name, Drug drug, Subject subject, double centralVolumeL, double clearanceLPerH,
        IReadOnlyList<(double QLPerH, double VolumeL)> peripherals, string source)
    {
        ArgumentNullException.ThrowIfNull(peripherals);
        if (peripherals.Count > 5) throw new ArgumentException($"peripherals must hold at most 5 compartments, got {peripherals.Count}.", nameof(peripherals));
        Guard.InRangeExclusiveMin(centralVolumeL, 0, 100_000, nameof(centralVolumeL));
        Guard.InRangeExclusiveMin(clearanceLPerH, 0, 1e5, nameof(clearanceLPerH));
        var compartments = new List<Compartment>(1 + peripherals.Count) { new("central", CompartmentRole.Central, centralVolumeL) };
        var transfers = new List<Transfer>(1 + 2 * peripherals.Count) { Transfer.Elimination("central", clearanceLPerH / centralVolumeL) };
        for (int i = 0; i < peripherals.Count; i++)
        {
            var (q, v) = peripherals[i];
            string p = PeripheralNames[i];
            // The parameter's name is formatted only for the message (a model may be built per virtual patient).
            if (!(double.IsFinite(q) && q >= 0 && q <= 1e5)) Guard.InRange(q, 0, 1e5, $"Q of {p}");
            compartments.Add(new Compartment(p, CompartmentRole.Peripheral, v));
            transfers.Add(Transfer.Between("central", p, q / centralVolumeL));
            transfers.Add(Transfer.Between(p, "central", q / v));
        }
        return new PkModel(name, drug, subject, compartments, transfers, MammillaryRoutes, source);
    }

    private static readonly string[] PeripheralNames = ["peripheral1", "peripheral2", "peripheral3", "peripheral4", "peripheral5"];

    /// <summary>A mammillary model's routes: intravenous into central. Immutable, so one instance serves every model.</summary>
    private static readonly RouteDefinition[] MammillaryRoutes =
        [new RouteDefinition(Route.Intravenous, [new AbsorptionPathway("central", 1)], "intravenous: complete bioavailability")];

    /// <summary>Describes compartments, transfers and routes, one per line.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder().Append(Name).Append(" (").Append(Drug).Append(", ").Append(Subject).AppendLine(")");
        foreach (var c in Compartments) sb.Append("  ").AppendLine(c.ToString());
        foreach (var t in Transfers) sb.Append("  ").AppendLine(t.ToString());
        sb.Append("  routes: ").Append(string.Join(", ", _routeKeys));
        return sb.ToString();
    }

    // ---- compiled form, used by the simulator ----

    /// <summary>Number of compartments (state dimension).</summary>
    internal int Dimension { get; }

    /// <summary>K, n x n row-major: dA_i/dt = sum_j K[i, j] A_j.</summary>
    internal double[] RateMatrix { get; }

    /// <summary>Total elimination rate constant out of each compartment, 1/h.</summary>
    internal double[] EliminationRates { get; }

    internal int CentralIndex { get; }

    /// <summary>Index of the metabolite central compartment, or -1.</summary>
    internal int MetaboliteIndex { get; }

    internal double[] Lu { get; }

    internal int[] Pivots { get; }

    /// <summary>w with w . (A1 - A0 - h b) = integral over the step of the parent concentration (mg.h/L).</summary>
    internal double[] ParentAucWeights { get; }

    /// <summary>Same for the metabolite, or null.</summary>
    internal double[]? MetaboliteAucWeights { get; }

    /// <summary>w with w . (A1 - A0 - h b) = amount eliminated over the step (mg).</summary>
    internal double[] EliminationWeights { get; }

    /// <summary>Turns a regimen into inputs per compartment (bioavailable amounts, lags and zero-order releases applied).</summary>
    /// <exception cref="ArgumentException">A route the model does not support, or an intranasal dose that is not a whole number of devices.</exception>
    internal List<DoseInput> Expand(DosingRegimen regimen)
    {
        ArgumentNullException.ThrowIfNull(regimen);
        var inputs = new List<DoseInput>(regimen.Administrations.Length * 2);
        foreach (var a in regimen.Administrations)
        {
            var route = GetRoute(a.Route);
            double doseMg = a.Dose.ToMilligrams(Subject.WeightKg);
            double startH = Units.Hours(a.Start);
            if (a.Route == Route.Intravenous && a.IsInfusion)
            {
                // The infusion itself is the zero-order input; IV pathways are direct into their target.
                double durH = Units.Hours(a.InfusionDuration);
                foreach (var p in route.Pathways)
                    Add(inputs, p, startH + Units.Hours(p.Lag), durH, doseMg * p.Fraction);
                continue;
            }
            if (route.Devices is { } devices && doseMg > 0)
            {
                int count = devices.DeviceCount(doseMg);
                double intervalH = Units.Hours(devices.Interval);
                for (int d = 0; d < count; d++)
                    AddSplit(inputs, route, startH + d * intervalH, devices.DeviceMg, d == 0 ? 1 : devices.LaterDeviceNasalFactor);
            }
            else
            {
                AddSplit(inputs, route, startH, doseMg, 1);
            }
        }
        if (regimen.SteadyStateInterval is { } interval) AddSteadyState(inputs, regimen.Administrations[0], Units.Hours(interval));
        return inputs;
    }

    /// <summary>
    /// Adds, at the first administration's start, the amounts in every compartment at steady state of that administration
    /// repeated every <paramref name="tauH"/> (just before a dose), solved exactly (<see cref="Numerics.PeriodicState"/>, the
    /// data-set engine's solution). They enter as boluses, so they count in the cumulative input.
    /// </summary>
    /// <exception cref="ArgumentException">A part of the dose is delivered later than one interval after its start.</exception>
    private void AddSteadyState(List<DoseInput> inputs, Administration first, double tauH)
    {
        var one = Expand(DosingRegimen.Single(first.At(TimeSpan.Zero)));
        var boluses = new List<(int, double, double)>();
        var segments = new List<(int, double, double, double)>();
        foreach (var input in one)
        {
            if (input.EndH > tauH * (1 + 1e-12))
                throw new ArgumentException($"regimen: at steady state every part of the dose must be delivered within the interval of {Guard.F(tauH)} h; " +
                    $"{first} delivers into '{Compartments[input.Compartment].Name}' until {Guard.F(input.EndH)} h after its start (absorption lag, device sprays, release or infusion).", "regimen");
            if (input.DurationH > 0) segments.Add((input.Compartment, input.StartH, Math.Min(input.EndH, tauH), input.AmountMg / input.DurationH));
            else boluses.Add((input.Compartment, input.StartH, input.AmountMg));
        }
        var state = Numerics.PeriodicState.Solve(RateMatrix, Dimension, tauH, boluses, segments);
        double startH = Units.Hours(first.Start);
        for (int c = 0; c < state.Length; c++)
            if (state[c] > 0) inputs.Add(new DoseInput(c, startH, 0, state[c]));
    }

    private void AddSplit(List<DoseInput> inputs, RouteDefinition route, double startH, double amountMg, double nasalFactor)
    {
        double nasal = 0;
        foreach (var p in route.Pathways)
            if (p.Kind == PathwayKind.Nasal) nasal += Math.Min(1, p.Fraction * nasalFactor);
        foreach (var p in route.Pathways)
        {
            double f = p.Kind switch
            {
                PathwayKind.Nasal => Math.Min(1, p.Fraction * nasalFactor),
                PathwayKind.SwallowedRemainder => p.Fraction * Math.Max(0, 1 - nasal),
                _ => p.Fraction,
            };
            Add(inputs, p, startH + Units.Hours(p.Lag), Units.Hours(p.ZeroOrderDuration), amountMg * f);
        }
    }

    private void Add(List<DoseInput> inputs, AbsorptionPathway p, double startH, double durationH, double amountMg)
    {
        if (amountMg > 0) inputs.Add(new DoseInput(Find(p.Target), startH, durationH, amountMg));
    }

    private double[] IntegralWeights(int compartment)
    {
        var w = new double[Dimension];
        w[compartment] = 1 / Compartments[compartment].VolumeL;
        DenseLu.SolveTransposed(Lu, Dimension, Pivots, w);
        return w;
    }

    /// <summary>Index of the named compartment, or -1.</summary>
    private int Find(string compartmentName)
    {
        for (int i = 0; i < Compartments.Length; i++)
            if (string.Equals(Compartments[i].Name, compartmentName, StringComparison.Ordinal)) return i;
        return -1;
    }

    private int IndexOf(string compartmentName, string what) =>
        Find(compartmentName) is int i and >= 0 ? i
        : throw new ArgumentException($"Model '{Name}': {what} '{compartmentName}' is not a compartment; compartments are {string.Join(", ", Compartments.Select(c => c.Name))}.");

    private int SingleRole(CompartmentRole role, bool required)
    {
        int found = -1;
        for (int i = 0; i < Compartments.Length; i++)
        {
            if (Compartments[i].Role != role) continue;
            if (found >= 0) throw new ArgumentException($"Model '{Name}' has more than one {role} compartment ('{Compartments[found].Name}', '{Compartments[i].Name}').", "compartments");
            found = i;
        }
        if (required && found < 0) throw new ArgumentException($"Model '{Name}' needs a {role} compartment.", "compartments");
        return found;
    }

    /// <summary>Checks that every compartment reaches elimination through transfers (outflow-connected).</summary>
    private void CheckDrains()
    {
        int n = Dimension;
        var drains = new bool[n];
        for (int i = 0; i < n; i++) drains[i] = EliminationRates[i] > 0;
        bool changed = true;
        while (changed)
        {
            changed = false;
            for (int from = 0; from < n; from++)
            {
                if (drains[from]) continue;
                for (int to = 0; to < n; to++)
                    if (to != from && drains[to] && RateMatrix[to * n + from] > 0) { drains[from] = true; changed = true; break; }
            }
        }
        for (int i = 0; i < n; i++)
            if (!drains[i])
                throw new ArgumentException($"Model '{Name}': compartment '{Compartments[i].Name}' has no path to elimination; every compartment must drain.", "transfers");
    }
}

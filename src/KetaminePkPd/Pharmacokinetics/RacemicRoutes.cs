using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Non-intravenous routes for racemic ketamine. Intramuscular, oral, sublingual and subcutaneous doses use one first-order
/// absorption depot with a bioavailability F and a rate constant ka. Intranasal doses split into a nasal part, absorbed at a
/// constant rate into central, and a swallowed part that passes the gut and the liver first (<see cref="Intranasal"/>).
/// Bioavailability is uncertain for several routes; each route carries the documented range.
/// </summary>
internal static class RacemicRoutes
{
    internal sealed record Spec(Route Route, string Depot, ModelParameter F, ModelParameter Ka, (double Low, double High) Range)
    {
        /// <summary>The route's source text (the same for every subject: made once, not per model).</summary>
        public string Description { get; } = $"F: {F.Source}; ka: {Ka.Source}";
    }

    // Sources and the caveat on ka: docs/literature.md section 1. No racemic non-intravenous ka was found for adults;
    // the provisional ones are matched to the observed Tmax under Domino disposition, which peaks early whatever ka is,
    // so they are not transferable to other disposition sets without re-matching.
    private const string KaCaveat = "PROVISIONAL: no adult racemic value found; matched to the observed Tmax under Domino disposition (docs/literature.md section 1)";

    /// <summary>The single-depot routes, in route order: intramuscular, oral, sublingual, subcutaneous.</summary>
    public static readonly ImmutableArray<Spec> Specs =
    [
        new(Route.Intramuscular, "depot-im",
            new("F_IM", 0.93, "-", "intramuscular bioavailability", "Clements JA, Nimmo WS, Grant IS. J Pharm Sci 1982;71:539-542: 93% (as cited; 0.41 in children, Hornik 2018)", ParameterScale.Logit, 0, 1, route: Route.Intramuscular),
            new("KA_IM", 0.7, "1/h", "intramuscular absorption rate constant", KaCaveat + ": Tmax about 20 min", ParameterScale.Log, 1e-3, 1e3, isProvisional: true, route: Route.Intramuscular),
            (0.41, 0.93)),
        new(Route.Oral, "depot-po",
            new("F_PO", 0.20, "-", "oral bioavailability", "Yanagihara 2003 (tablet): 20%; adults 15-24% (Clements 1982 17% as cited; Chong 2009 24%; Hasan 2021 15-19%)", ParameterScale.Logit, 0, 1, route: Route.Oral),
            new("KA_PO", 0.70, "1/h", "oral absorption rate constant", Brunette, ParameterScale.Log, 1e-3, 1e3, route: Route.Oral),
            (0.15, 0.24)),
        new(Route.Sublingual, "depot-sl",
            new("F_SL", 0.29, "-", "sublingual bioavailability", "Rolan P et al. Br J Clin Pharmacol 2014;77:1011 (wafer, 90% CI 27-31%); Chong C et al. Clin Drug Investig 2009;29:317: 24%", ParameterScale.Logit, 0, 1, route: Route.Sublingual),
            new("KA_SL", 0.39, "1/h", "sublingual absorption rate constant", KaCaveat + ": Tmax 45 min (Rolan 2014: median 0.75 h)", ParameterScale.Log, 1e-3, 1e3, isProvisional: true, route: Route.Sublingual),
            (0.24, 0.32)),
        new(Route.Subcutaneous, "depot-sc",
            new("F_SC", 0.93, "-", "subcutaneous bioavailability", "PROVISIONAL: reported as high but no human value found; the intramuscular value is borrowed", ParameterScale.Logit, 0, 1, isProvisional: true, route: Route.Subcutaneous),
            new("KA_SC", 0.7, "1/h", "subcutaneous absorption rate constant", "PROVISIONAL: no human value found; the intramuscular value is borrowed", ParameterScale.Log, 1e-3, 1e3, isProvisional: true, route: Route.Subcutaneous),
            (0.5, 1.0)),
    ];

    private const string Brunette = "Brunette KEJ et al. Paediatr Anaesth 2011;21:653: absorption half-time 59 min in children (ka = 0.70 1/h)";
    private const string Table6 = "Pharmacotherapy 2022;42:298-310 (doi 10.1002/phar.2669), Table 6 (healthy adults; 10 mg IV vs 10/30/50 mg intranasal)";
    private const string FittedToTable6 = "PROVISIONAL: fitted under Domino disposition (typical 70 kg adult) to " + Table6;

    /// <summary>The documented range of racemic intranasal bioavailability: 11% (Pharmacotherapy 2022, 50 mg) to 45% (Yanagihara 2003, n = 3).</summary>
    public static readonly (double Low, double High) IntranasalRange = (0.11, 0.45);

    /// <summary>
    /// The intranasal route's parameters, in this order: F_IN (total bioavailability), DN_IN (duration of the nasal absorption),
    /// FGUT_IN and FH_IN (the swallowed part's gut and hepatic availability) and KA_SW_IN (its absorption rate constant).
    /// </summary>
    /// <remarks>
    /// A dose D splits into a nasal part FRn D, absorbed into central at a constant rate over DN_IN, and a swallowed part
    /// (1 - FRn) D, of which FGUT_IN is absorbed from a gut depot at KA_SW_IN; a fraction FH_IN of that reaches central and the
    /// rest is metabolised in the first pass, a fraction FM of it to norketamine. The nasal fraction follows from the total
    /// bioavailability: F_IN = FRn + (1 - FRn) FGUT_IN FH_IN, so FRn = (F_IN - FGUT_IN FH_IN) / (1 - FGUT_IN FH_IN).
    /// </remarks>
    public static readonly ImmutableArray<ModelParameter> Intranasal =
    [
        new("F_IN", 0.13, "-", "racemic intranasal bioavailability, nasal and swallowed parts together (documented range 11-45%)",
            "Pharmacotherapy 2022;42:298 (healthy adults): 17/13/11% at 10/30/50 mg, 13% taken; Yanagihara Y et al. Biopharm Drug Dispos 2003;24:37-43: 45% (n = 3)", ParameterScale.Logit, 0, 1, route: Route.Intranasal),
        new("DN_IN", 0.25, "h", "duration of the zero-order absorption of the nasal part into central",
            FittedToTable6 + ": Tmax 14 and 16 min at 30 and 50 mg (the peak comes at the end of the nasal absorption; weighted optimum 14.9 min); a first-order nasal depot cannot give both that Tmax and the peak of 61-78 ng/mL with F 13% (docs/model.md section 3.3)",
            ParameterScale.Log, 0, 24, isProvisional: true, route: Route.Intranasal),
        new("FGUT_IN", 0.64, "-", "fraction of the swallowed part absorbed from the gut (the rest is lost and forms no norketamine)",
            "PROVISIONAL: borrowed from esketamine, Perez-Ruixo 2021 Table 3 (Fgut 0.64, the swallowed part of the nasal spray and the oral solution); with it the norketamine peaks of Pharmacotherapy 2022 (68 and 105 ng/mL) are reproduced, unfitted",
            ParameterScale.Logit, 0, 1, isProvisional: true, route: Route.Intranasal),
        new("FH_IN", 0.018, "-", "fraction of the absorbed swallowed part escaping the hepatic first pass",
            FittedToTable6 + ": Cmax 60.8 and 77.6 ng/mL at 30 and 50 mg given F_IN and DN_IN (log-scale least squares weighted by the geometric SDs: 55.0 and 91.7 fitted; " +
                "within one standard error anything from 0 to about 0.05). It leaves almost all the systemic ketamine to the nasal part; far below esketamine's 0.28 " +
                "(Perez-Ruixo 2021) and the 0.17-0.24 oral bioavailability of racemic tablets: a property of those data under Domino disposition, not a physiological estimate",
            ParameterScale.Logit, 0, 1, isProvisional: true, route: Route.Intranasal),
        new("KA_SW_IN", 0.70, "1/h", "absorption rate constant of the swallowed part (the racemic oral value)", Brunette, ParameterScale.Log, 1e-3, 1e3, route: Route.Intranasal),
    ];

    /// <summary>The routes other than intravenous, in route order.</summary>
    public static ImmutableArray<Route> Extravascular { get; } = [Route.Intramuscular, Route.Intranasal, Route.Oral, Route.Sublingual, Route.Subcutaneous];

    /// <summary>Every route parameter, in route order: F_IM, KA_IM, the <see cref="Intranasal"/> ones, then F and ka of oral, sublingual and subcutaneous.</summary>
    public static ImmutableArray<ModelParameter> Parameters { get; } =
        [Specs[0].F, Specs[0].Ka, .. Intranasal, .. Specs.Skip(1).SelectMany(s => new[] { s.F, s.Ka })];

    /// <summary>
    /// Adds every route's depots, transfers and definition to a racemic model; <c>first</c> is the index of the first route
    /// parameter (F_IM) and <c>fm</c> the fraction of metabolised parent that forms norketamine.
    /// </summary>
    /// <exception cref="ArgumentException">F_IN below the swallowed part's availability FGUT_IN x FH_IN (the nasal fraction would be negative).</exception>
    public static void Add(IndividualParameters p, int first, double fm, List<Compartment> compartments, List<Transfer> transfers, List<RouteDefinition> routes)
    {
        int at = first;
        AddDepot(Specs[0], p.Value(at), p.Value(at + 1), compartments, transfers, routes);
        at += 2;
        AddIntranasal(p, at, fm, compartments, transfers, routes);
        at += Intranasal.Length;
        for (int r = 1; r < Specs.Length; r++, at += 2)
            AddDepot(Specs[r], p.Value(at), p.Value(at + 1), compartments, transfers, routes);
    }

    /// <summary>
    /// The checks <see cref="Add"/> makes of the route parameters, in its order, without building the routes (a model that takes
    /// intravenous doses only): each individual value in its range, and F_IN not below FGUT_IN x FH_IN. Nothing else in
    /// <see cref="Add"/> can throw once these hold (rates at most 1e3 1/h, fractions in [0, 1], durations at most 24 h).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An individual value outside its parameter's range.</exception>
    /// <exception cref="ArgumentException">F_IN below FGUT_IN x FH_IN.</exception>
    public static void Check(IndividualParameters p, int first)
    {
        int at = first;
        p.Value(at);
        p.Value(at + 1);
        at += 2;
        double f = p.Value(at);
        p.Value(at + 1);
        double fgut = p.Value(at + 2), fh = p.Value(at + 3);
        p.Value(at + 4);
        NasalFraction(f, fgut, fh);
        at += Intranasal.Length;
        for (int r = 1; r < Specs.Length; r++, at += 2)
        {
            p.Value(at);
            p.Value(at + 1);
        }
    }

    /// <summary>The nasal fraction FRn = (F - Fsw) / (1 - Fsw) for a total bioavailability F and a swallowed-part availability Fsw = FGUT x FH.</summary>
    /// <exception cref="ArgumentException">F below Fsw.</exception>
    public static double NasalFraction(double f, double fgut, double fh)
    {
        double swallowed = fgut * fh;
        if (f < swallowed)
            throw new ArgumentException($"F_IN must be at least the swallowed part's availability FGUT_IN x FH_IN = {Guard.F(fgut)} x {Guard.F(fh)} = {Guard.F(swallowed)}, " +
                $"got {Guard.F(f)}: the nasal fraction (F_IN - FGUT_IN FH_IN) / (1 - FGUT_IN FH_IN) would be negative.", "F_IN");
        return swallowed >= 1 ? 0 : Math.Min(1, (f - swallowed) / (1 - swallowed));
    }

    private static void AddDepot(Spec spec, double f, double ka, List<Compartment> compartments, List<Transfer> transfers, List<RouteDefinition> routes)
    {
        compartments.Add(Compartment.Depot(spec.Depot));
        transfers.Add(Transfer.Between(spec.Depot, "central", ka));
        routes.Add(new RouteDefinition(spec.Route, [new AbsorptionPathway(spec.Depot, f)],
            spec.Description, bioavailabilityRange: spec.Range, bioavailabilityParameter: spec.F.Name));
    }

    private static void AddIntranasal(IndividualParameters p, int at, double fm, List<Compartment> compartments, List<Transfer> transfers, List<RouteDefinition> routes)
    {
        double f = p.Value(at), dnH = p.Value(at + 1), fgut = p.Value(at + 2), fh = p.Value(at + 3), kaSw = p.Value(at + 4);
        double frn = NasalFraction(f, fgut, fh);
        const string gut = "gut-in";
        compartments.Add(Compartment.Depot(gut));
        // The gut depot empties at ka_sw: FH of it into central, the rest metabolised in the first pass (FM of that to norketamine). The
        // three transfers are kept at any value, zero included, so that every subject's model has the same structure.
        transfers.Add(Transfer.Between(gut, "central", kaSw * fh));
        transfers.Add(Transfer.Between(gut, "norketamine", kaSw * (1 - fh) * fm));
        transfers.Add(Transfer.Elimination(gut, kaSw * (1 - fh) * (1 - fm)));
        routes.Add(new RouteDefinition(Route.Intranasal,
            [
                new AbsorptionPathway("central", frn, PathwayKind.Nasal, zeroOrderDuration: Units.FromHours(dnH)),
                new AbsorptionPathway(gut, fgut, PathwayKind.SwallowedRemainder),
            ],
            () => $"F: {Intranasal[0].Source}. Nasal part FRn = (F_IN - FGUT_IN FH_IN) / (1 - FGUT_IN FH_IN) = {Guard.F(frn)}, absorbed into central at a constant rate over " +
                $"DN_IN = {Guard.F(dnH)} h; swallowed part (1 - FRn) x FGUT_IN into a gut depot emptying at KA_SW_IN, FH_IN of it reaching central and the rest " +
                "metabolised in the first pass (FM of it to norketamine). DN_IN and FH_IN: " + FittedToTable6 + "; FGUT_IN: Perez-Ruixo 2021 (esketamine); KA_SW_IN: " + Brunette,
            bioavailabilityRange: IntranasalRange, bioavailabilityParameter: Intranasal[0].Name));
    }
}

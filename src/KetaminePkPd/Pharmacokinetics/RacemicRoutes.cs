using System.Collections.Immutable;

namespace KetaminePkPd.Pharmacokinetics;

/// <summary>
/// Non-intravenous routes for racemic ketamine: one first-order absorption depot per route with a bioavailability F
/// and a rate constant ka. Bioavailability is uncertain for several routes; each route carries the documented range.
/// </summary>
internal static class RacemicRoutes
{
    internal sealed record Spec(Route Route, string Depot, ModelParameter F, ModelParameter Ka, (double Low, double High) Range);

    // Sources and the caveat on ka: docs/literature.md section 1. No racemic non-intravenous ka was found for adults;
    // the provisional ones are matched to the observed Tmax under Domino disposition, which peaks early whatever ka is,
    // so they are not transferable to other disposition sets without re-matching.
    private const string KaCaveat = "PROVISIONAL: no adult racemic value found; matched to the observed Tmax under Domino disposition (docs/literature.md section 1)";

    public static readonly ImmutableArray<Spec> Specs =
    [
        new(Route.Intramuscular, "depot-im",
            new("F_IM", 0.93, "-", "intramuscular bioavailability", "Clements JA, Nimmo WS, Grant IS. J Pharm Sci 1982;71:539-542: 93% (as cited; 0.41 in children, Hornik 2018)", ParameterScale.Logit, 0, 1, route: Route.Intramuscular),
            new("KA_IM", 0.7, "1/h", "intramuscular absorption rate constant", KaCaveat + ": Tmax about 20 min", ParameterScale.Log, 1e-3, 1e3, isProvisional: true, route: Route.Intramuscular),
            (0.41, 0.93)),
        new(Route.Intranasal, "depot-in",
            new("F_IN", 0.13, "-", "racemic intranasal bioavailability (documented range 11-45%)",
                "Pharmacotherapy 2022;42:298 (healthy adults): 17/13/11% at 10/30/50 mg, 13% taken; Yanagihara Y et al. Biopharm Drug Dispos 2003;24:37-43: 45% (n = 3)", ParameterScale.Logit, 0, 1, route: Route.Intranasal),
            new("KA_IN", 0.9, "1/h", "intranasal absorption rate constant", KaCaveat + ": Tmax 14-23 min (Pharmacotherapy 2022)", ParameterScale.Log, 1e-3, 1e3, isProvisional: true, route: Route.Intranasal),
            (0.11, 0.45)),
        new(Route.Oral, "depot-po",
            new("F_PO", 0.20, "-", "oral bioavailability", "Yanagihara 2003 (tablet): 20%; adults 15-24% (Clements 1982 17% as cited; Chong 2009 24%; Hasan 2021 15-19%)", ParameterScale.Logit, 0, 1, route: Route.Oral),
            new("KA_PO", 0.70, "1/h", "oral absorption rate constant", "Brunette KEJ et al. Paediatr Anaesth 2011;21:653: absorption half-time 59 min in children (ka = 0.70 1/h)", ParameterScale.Log, 1e-3, 1e3, route: Route.Oral),
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

    /// <summary>The routes other than intravenous, in the order of <see cref="Specs"/>.</summary>
    public static ImmutableArray<Route> Extravascular { get; } = [.. Specs.Select(s => s.Route)];

    /// <summary>F and ka of every route, in the order of <see cref="Specs"/>.</summary>
    public static ImmutableArray<ModelParameter> Parameters { get; } = [.. Specs.SelectMany(s => new[] { s.F, s.Ka })];

    /// <summary>Adds a depot, its absorption into central and its route definition for every route; <c>first</c> is the index of the first route parameter (F of the first route).</summary>
    public static void Add(IndividualParameters p, int first, List<Compartment> compartments, List<Transfer> transfers, List<RouteDefinition> routes)
    {
        for (int r = 0; r < Specs.Length; r++)
        {
            var spec = Specs[r];
            double f = p.Value(first + 2 * r), ka = p.Value(first + 2 * r + 1);
            compartments.Add(Compartment.Depot(spec.Depot));
            transfers.Add(Transfer.Between(spec.Depot, "central", ka));
            routes.Add(new RouteDefinition(spec.Route, [new AbsorptionPathway(spec.Depot, f)],
                $"F: {spec.F.Source}; ka: {spec.Ka.Source}", bioavailabilityRange: spec.Range, bioavailabilityParameter: spec.F.Name));
        }
    }
}

using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;
using MathNet.Numerics.LinearAlgebra;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>
/// Simulations against closed-form solutions (Gibaldi and Perrier, Pharmacokinetics, 2nd ed., chapters 1-3) and, for
/// 3 compartments, against an independent eigen-decomposition (MathNet Evd). Every solver is checked.
/// </summary>
public class ClosedFormTests
{
    private const double V = 20, Cl = 5, K = Cl / V; // 1-cmt: L, L/h, 1/h
    private static readonly Subject S = Subject.TypicalAdult;

    public static TheoryData<SolverMethod> Methods => [SolverMethod.Exact, SolverMethod.DormandPrince54, SolverMethod.Rosenbrock];

    /// <summary>Relative tolerance per method: exact to 1e-10, adaptive solvers at rtol 1e-9 to 1e-6.</summary>
    private static double Tol(SolverMethod m) => m == SolverMethod.Exact ? 1e-10 : 1e-6;

    private static SimulationOptions Options(SolverMethod m, double untilH = 24, double stepMin = 15) => new()
    {
        Method = m,
        Until = TimeSpan.FromHours(untilH),
        OutputStep = TimeSpan.FromMinutes(stepMin),
        Tolerances = new() { RelativeTolerance = 1e-9, AbsoluteTolerance = 1e-12 },
    };

    private static PkModel OneCompartment(double ka = 1.2, double f = 0.8) => new(
        "one", Drug.RacemicKetamine, S,
        [new Compartment("central", CompartmentRole.Central, V), Compartment.Depot("gut")],
        [Transfer.Elimination("central", K), Transfer.Between("gut", "central", ka)],
        [
            new RouteDefinition(Route.Intravenous, [new AbsorptionPathway("central", 1)], "test"),
            new RouteDefinition(Route.Oral, [new AbsorptionPathway("gut", f)], "test"),
        ], "closed-form test model");

    private static void AssertClose(double expected, double actual, double rel, string what)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(actual - expected) <= rel * scale + 1e-12,
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2} > {rel:E1})");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_OneCompartmentBolus_MatchesMonoExponential(SolverMethod method)
    {
        const double dose = 100;
        var r = PkSimulator.Simulate(OneCompartment(), DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(dose))), Options(method));
        for (int i = 0; i < r.TimesH.Length; i++)
            AssertClose(dose / V * Math.Exp(-K * r.TimesH[i]) * 1000, r.ParentNgPerMl[i], Tol(method), $"C({r.TimesH[i]} h)");
        AssertClose(dose / Cl * 1000, r.Parent.AucInfNgHPerMl, 1e-10, "AUC0-inf = D/CL");
        AssertClose(dose / Cl * (1 - Math.Exp(-K * 24)) * 1000, r.Parent.Auc0To24NgHPerMl, Tol(method), "AUC0-24");
        AssertClose(Math.Log(2) / K, r.Parent.TerminalHalfLifeH, 1e-9, "t1/2 = ln2/k");
        AssertClose(dose / V * 1000, r.Parent.CmaxNgPerMl, 1e-12, "Cmax = D/V");
        Assert.Equal(0, r.Parent.TmaxH);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_OneCompartmentInfusion_MatchesClosedForm(SolverMethod method)
    {
        const double dose = 60, tinf = 2.0 / 3; // 60 mg over 40 min
        double rate = dose / tinf;
        var r = PkSimulator.Simulate(OneCompartment(),
            DosingRegimen.Single(Administration.IntravenousInfusion(Dose.FromMilligrams(dose), TimeSpan.FromMinutes(40))), Options(method, stepMin: 5));
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i];
            double c = t <= tinf
                ? rate / Cl * (1 - Math.Exp(-K * t))
                : rate / Cl * (1 - Math.Exp(-K * tinf)) * Math.Exp(-K * (t - tinf));
            AssertClose(c * 1000, r.ParentNgPerMl[i], Tol(method), $"C({t} h)");
        }
        AssertClose(rate / Cl * (1 - Math.Exp(-K * tinf)) * 1000, r.Parent.CmaxNgPerMl, 1e-9, "Cmax at end of infusion");
        Assert.Equal(tinf, r.Parent.TmaxH, 9);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_OneCompartmentOral_MatchesBateman(SolverMethod method)
    {
        const double dose = 200, ka = 1.2, f = 0.8;
        var r = PkSimulator.Simulate(OneCompartment(ka, f), DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(dose))), Options(method));
        double Bateman(double t) => f * dose * ka / (V * (ka - K)) * (Math.Exp(-K * t) - Math.Exp(-ka * t)) * 1000;
        for (int i = 0; i < r.TimesH.Length; i++)
            AssertClose(Bateman(r.TimesH[i]), r.ParentNgPerMl[i], Tol(method), $"C({r.TimesH[i]} h)");
        double tmax = Math.Log(ka / K) / (ka - K);
        Assert.Equal(tmax, r.Parent.TmaxH, 5);
        AssertClose(Bateman(tmax), r.Parent.CmaxNgPerMl, 1e-9, "Cmax at the Bateman tmax");
        AssertClose(f * dose / Cl * 1000, r.Parent.AucInfNgHPerMl, 1e-10, "AUC0-inf = F D / CL");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_OralWithAbsorptionRateEqualToElimination_MatchesDegenerateBateman(SolverMethod method)
    {
        // ka == k makes the rate matrix defective (repeated eigenvalue, one eigenvector): C = F D k t e^{-kt} / V.
        const double dose = 200, f = 0.8;
        var r = PkSimulator.Simulate(OneCompartment(K, f), DosingRegimen.Single(Administration.Oral(Dose.FromMilligrams(dose))), Options(method, untilH: 48));
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i];
            AssertClose(f * dose * K * t * Math.Exp(-K * t) / V * 1000, r.ParentNgPerMl[i], Tol(method), $"C({t} h)");
        }
        Assert.Equal(1 / K, r.Parent.TmaxH, 5);
        // With a Jordan block the terminal phase is t e^{-kt}: inverse iteration converges (slowly) to 1/k.
        AssertClose(Math.Log(2) / K, r.Parent.TerminalHalfLifeH, 1e-3, "t1/2 of the defective system");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_TwoCompartmentBolus_MatchesBiExponential(SolverMethod method)
    {
        const double v1 = 10, v2 = 30, cl = 6, q = 12, dose = 50;
        var model = PkModel.Mammillary("two", Drug.RacemicKetamine, S, v1, cl, [(q, v2)], "test");
        var r = PkSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(dose))), Options(method));
        double k10 = cl / v1, k12 = q / v1, k21 = q / v2;
        double sum = k10 + k12 + k21, disc = Math.Sqrt(sum * sum - 4 * k10 * k21);
        double alpha = (sum + disc) / 2, beta = (sum - disc) / 2;
        double a = dose / v1 * (alpha - k21) / (alpha - beta), b = dose / v1 * (k21 - beta) / (alpha - beta);
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i];
            AssertClose((a * Math.Exp(-alpha * t) + b * Math.Exp(-beta * t)) * 1000, r.ParentNgPerMl[i], Tol(method), $"C({t} h)");
        }
        AssertClose(Math.Log(2) / beta, r.Parent.TerminalHalfLifeH, 1e-9, "t1/2 = ln2/beta");
        AssertClose(dose / cl * 1000, r.Parent.AucInfNgHPerMl, 1e-10, "AUC0-inf = D/CL");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Simulate_DominoThreeCompartment_MatchesEigenDecomposition(SolverMethod method)
    {
        // Domino 3-cmt parent without metabolite: an independent solution A(t) = V diag(e^{lambda t}) V^-1 A0 from MathNet.
        double v1 = 0.063 * 70;
        double k10 = 0.4381 * 60, k12 = 0.5921 * 60, k13 = 0.5900 * 60, k21 = 0.2470 * 60, k31 = 0.0146 * 60;
        var model = PkModel.Mammillary("domino-3", Drug.RacemicKetamine, S, v1, k10 * v1, [(k12 * v1, v1 * k12 / k21), (k13 * v1, v1 * k13 / k31)], "test");
        const double dose = 35;
        var r = PkSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(dose))), Options(method, stepMin: 5));

        var kMat = Matrix<double>.Build.DenseOfArray(new[,]
        {
            { -(k10 + k12 + k13), k21, k31 },
            { k12, -k21, 0 },
            { k13, 0, -k31 },
        });
        var evd = kMat.Evd();
        var vecs = evd.EigenVectors;
        var lambdas = evd.EigenValues.Select(z => z.Real).ToArray();
        var coeff = vecs.Solve(Vector<double>.Build.DenseOfArray([dose, 0, 0]));
        for (int i = 0; i < r.TimesH.Length; i++)
        {
            double t = r.TimesH[i], a1 = 0;
            for (int j = 0; j < 3; j++) a1 += vecs[0, j] * coeff[j] * Math.Exp(lambdas[j] * t);
            AssertClose(a1 / v1 * 1000, r.ParentNgPerMl[i], method == SolverMethod.Exact ? 1e-9 : 1e-6, $"C({t} h)");
        }
        AssertClose(Math.Log(2) / -lambdas.Max(), r.Parent.TerminalHalfLifeH, 1e-8, "t1/2 from the slowest eigenvalue");
    }

    [Fact]
    public void Simulate_ZeroDose_ReturnsZeroConcentrations()
    {
        var model = PkParameterSet.Domino.CreateModel(S);
        var r = PkSimulator.Simulate(model, DosingRegimen.Single(Administration.IntravenousBolus(Dose.FromMilligrams(0))));
        Assert.All(r.ParentNgPerMl, c => Assert.Equal(0, c));
        Assert.All(r.MetaboliteNgPerMl, c => Assert.Equal(0, c));
        Assert.Equal(0, r.Parent.CmaxNgPerMl);
        Assert.Equal(0, r.Parent.AucInfNgHPerMl);
        Assert.True(double.IsFinite(r.Parent.TerminalHalfLifeH), "the structural half-life is reported even without drug");
    }
}

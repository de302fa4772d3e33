using KetaminePkPd.Numerics;
using KetaminePkPd.Pharmacokinetics;

namespace KetaminePkPd.Tests.Pharmacokinetics;

/// <summary>The exact solver and both adaptive solvers agree on every built-in model and route to 1e-6 relative.</summary>
public class SolverAgreementTests
{
    public static TheoryData<string, Route, string> Cases()
    {
        var data = new TheoryData<string, Route, string>();
        foreach (var set in PkParameterSet.All)
            foreach (var route in set.Routes)
                data.Add(set.Key, route, route switch
                {
                    Route.Intravenous => "0.5mg/kg",
                    Route.Intranasal when set.Drug == Drug.Esketamine => "84mg",
                    _ => "50mg",
                });
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Simulate_AdaptiveSolvers_AgreeWithExactWithin1e6Relative(string modelKey, Route route, string dose)
    {
        var set = PkParameterSet.Get(modelKey);
        var subject = set.Key == "herd" ? Subject.TypicalAdult with { WeightKg = 25, AgeYears = 8 } : Subject.TypicalAdult;
        var model = set.CreateModel(subject);
        var admin = Administration.Create(route, Dose.Parse(dose), route == Route.Intravenous ? TimeSpan.FromMinutes(40) : TimeSpan.Zero);
        // A second dose at 6 h exercises events in mid-simulation.
        var regimen = DosingRegimen.Repeated(admin, 2, TimeSpan.FromHours(6));
        var baseOptions = new SimulationOptions { Until = TimeSpan.FromHours(30), OutputStep = TimeSpan.FromMinutes(10) };
        var exact = PkSimulator.Simulate(model, regimen, baseOptions);
        var tight = new KetaminePkPd.OdeTolerances { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-13 };
        foreach (var method in new[] { SolverMethod.DormandPrince54, SolverMethod.Rosenbrock })
        {
            var r = PkSimulator.Simulate(model, regimen, baseOptions with { Method = method, Tolerances = tight });
            Compare(exact.ParentNgPerMl, r.ParentNgPerMl, $"{modelKey} {route} {method} parent");
            Compare(exact.MetaboliteNgPerMl, r.MetaboliteNgPerMl, $"{modelKey} {route} {method} metabolite");
            Assert.Equal(exact.Parent.Auc0To24NgHPerMl, r.Parent.Auc0To24NgHPerMl, 1e-6 * exact.Parent.Auc0To24NgHPerMl);
            Assert.Equal(exact.Parent.CmaxNgPerMl, r.Parent.CmaxNgPerMl, 1e-6 * exact.Parent.CmaxNgPerMl);
        }
    }

    /// <summary>Relative agreement 1e-6 at every output where the concentration is above 1e-6 of its peak; an absolute
    /// floor of 1e-9 of the peak elsewhere (near zero, relative error is meaningless).</summary>
    private static void Compare(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        double peak = expected.Max();
        for (int i = 0; i < expected.Count; i++)
        {
            double tol = 1e-6 * Math.Abs(expected[i]) + 1e-9 * peak;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tol, $"{what} at output {i}: exact {expected[i]:R}, adaptive {actual[i]:R}");
        }
    }
}

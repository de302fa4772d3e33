using System.Globalization;
using KetaminePkPd.Application;
using KetaminePkPd.Comparisons;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;
using KetaminePkPd.Validation;

namespace KetaminePkPd.Benchmarks.Trials;

/// <summary>
/// The work budget's estimate of each command line of the fit table (docs/benchmarks.md, "Issue 22: the work budget re-fitted"),
/// printed with the command line, to set beside the wall time and peak memory measured on the CLI (<c>/usr/bin/time -v</c>):
/// <c>-- budget-estimates</c>. Built on a branch with other constants, it prints that branch's estimates.
/// </summary>
internal static class BudgetEstimates
{
    public static void Run()
    {
        foreach (var (line, estimate) in Rows())
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{line,-72} {estimate.Seconds,8:0.0} s {estimate.Megabytes,7:0} MB"));
    }

    private static IEnumerable<(string Line, WorkEstimate Estimate)> Rows()
    {
        static WorkEstimate Hypothesis(int? subjects = null, int? replicates = null) =>
            HypothesisRequest.Estimate(HypothesisRequest.Resolve(subjects: subjects, replicates: replicates).Settings);
        yield return ("hypothesis", Hypothesis());
        yield return ("hypothesis --subjects 200000", Hypothesis(200_000));
        yield return ("hypothesis --replicates 200000", Hypothesis(replicates: 200_000));
        yield return ("hypothesis --subjects 1000000 --replicates 20000", Hypothesis(1_000_000, 20_000));
        yield return ("hypothesis --subjects 10000000", Hypothesis(10_000_000));

        static WorkEstimate Sensitivity(int? subjects = null, int? replicates = null, string[]? vary = null)
        {
            var s = SensitivityRequest.Resolve(vary: vary, subjects: subjects, replicates: replicates).Settings;
            var (groups, cells) = SensitivityAnalysis.Work(s, 1, 1);
            return SensitivityRequest.Estimate(s, groups, cells);
        }
        yield return ("sensitivity", Sensitivity());
        yield return ("sensitivity --subjects 20000", Sensitivity(20_000));
        yield return ("sensitivity --replicates 20000", Sensitivity(replicates: 20_000));
        yield return ("sensitivity --vary placebo-sd,dose-spread --subjects 100000", Sensitivity(100_000, vary: ["placebo-sd", "dose-spread"]));

        var strengths = StrengthScanSettings.Default;
        yield return ("strengths", WorkBudget.Strengths(strengths, detection: true));
        yield return ("strengths --subjects 20000", WorkBudget.Strengths(strengths with { PoolSize = 20_000 }, detection: true));
        yield return ("strengths --replicates 10000", WorkBudget.Strengths(strengths with { Replicates = 10_000 }, detection: true));
        yield return ("strengths --strength rho --no-detection --subjects 50000",
            WorkBudget.Strengths(strengths with { Parameters = [StrengthParameter.SensitivityCorrelation], PoolSize = 50_000 }, detection: false));

        static WorkEstimate Trial(int? subjects = null)
        {
            var design = new TrialRequest(subjects: subjects).Design;
            return WorkBudget.Trial(design.TotalSubjects, design.Assessments.Length);
        }
        yield return ("trial", Trial());
        yield return ("trial --subjects 100000 --out t.csv", Trial(100_000));
        yield return ("trial --subjects 300000 --out t.csv", Trial(300_000));
        yield return ("trial --subjects 1000000 --out t.csv", Trial(1_000_000));

        yield return ("dose-response", WorkBudget.DoseResponse(DoseResponseSettings.Create()));
        yield return ("dose-response --subjects 100000", WorkBudget.DoseResponse(DoseResponseSettings.Create(populationSize: 100_000)));

        int[] sessions = [.. ComparisonArm.Defaults.Select(a => a.Sessions)];
        yield return ("compare --subjects 10000", WorkBudget.Comparison(sessions, 10_000));
        yield return ("compare --subjects 40000", WorkBudget.Comparison(sessions, 40_000));

        var validation = ValidationSettings.Default;
        yield return ("validate", WorkBudget.Validation(validation));
        yield return ("validate --subjects 2000", WorkBudget.Validation(validation with { SubjectsPerArm = 2000 }));
        yield return ("validate --subjects 10000", WorkBudget.Validation(validation with { SubjectsPerArm = 10_000 }));
        yield return ("validate --subjects 30000", WorkBudget.Validation(validation with { SubjectsPerArm = 30_000 }));
        yield return ("validate --subjects 100000", WorkBudget.Validation(validation with { SubjectsPerArm = 100_000 }));

        var evidence = KetaminePkPd.Evidence.EvidenceSettings.Default;
        yield return ("evidence --replicates 200", WorkBudget.Evidence(evidence with { Replicates = 200 }));
        yield return ("evidence", WorkBudget.Evidence(evidence));
        yield return ("evidence --replicates 5000", WorkBudget.Evidence(evidence with { Replicates = 5000 }));
        yield return ("evidence --replicates 20000", WorkBudget.Evidence(evidence with { Replicates = 20_000 }));
    }
}

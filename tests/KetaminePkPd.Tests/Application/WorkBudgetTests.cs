using KetaminePkPd.Comparisons;
using KetaminePkPd.Trials;
using KetaminePkPd.Validation;
using KetaminePkPd.Application;
using KetaminePkPd.HypothesisTesting;
using KetaminePkPd.Sensitivity;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Tests.Application;

/// <summary>
/// The work budget: each command's estimate from the measured unit costs (hand-derived from the constants), the refusal of
/// an over-budget request before any work (one message naming the options, the estimate and --allow-long-run) and its
/// acceptance with --allow-long-run. The command-line refusals (exit 2, no file) are in the bad-input corpus.
/// </summary>
public class WorkBudgetTests
{
    private static void AssertRefused(Action check, params string[] named)
    {
        var ex = Assert.Throws<ArgumentException>(check);
        foreach (var name in named) Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("this run would take an estimated ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith($"add {WorkBudget.AllowOption} to run it anyway, or reduce it.", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void Check_AboveTheBudget_NamesTheCauseTheEstimateAndTheWayOut()
    {
        // 10 min and 2000 MB: both above the budget (5 min, 1000 MB).
        var ex = Assert.Throws<ArgumentException>(() => WorkBudget.Check(new WorkEstimate(600, 2e9), allowed: false, "--subjects 7"));
        Assert.Equal("--subjects 7: this run would take an estimated 10 min and 2,000 MB on 2 cores (budget 5 min, 1000 MB); add --allow-long-run to run it anyway, or reduce it.", ex.Message);
        WorkBudget.Check(new WorkEstimate(600, 2e9), allowed: true, "--subjects 7");
        WorkBudget.Check(new WorkEstimate(WorkBudget.MaxMinutes * 60, WorkBudget.MaxMegabytes * 1e6), allowed: false, "at the budget");
        Assert.Throws<ArgumentException>(() => WorkBudget.Check(new WorkEstimate(1, WorkBudget.MaxMegabytes * 1e6 + 1), false, "memory alone"));
    }

    [Fact]
    public void Trial_Estimate_IsStartPlusPerPatientCosts_AndAMillionPatientsNeedAllowLongRun()
    {
        var request = new TrialRequest(subjects: TrialRequest.MaxSubjects);
        int k = request.Design.Assessments.Length;
        var e = WorkBudget.Trial(TrialRequest.MaxSubjects, k);
        Assert.Equal(WorkBudget.StartSeconds + 1e6 * (WorkBudget.SecondsPerTrialPatient + k * WorkBudget.SecondsPerSummaryPatient), e.Seconds, 9);
        Assert.Equal(WorkBudget.BaseBytes + 1e6 * (TrialColumns.BytesPerPatient(k) + 40), e.Bytes, 3);
        Assert.True(e.Megabytes < 300, $"a million-patient trial keeps {e.Megabytes:0} MB by the estimate");
        AssertRefused(() => request.CheckWork(allowLongRun: false), "--subjects 1000000");
        request.CheckWork(allowLongRun: true);
        new TrialRequest().CheckWork(allowLongRun: false);
    }

    [Fact]
    public void Hypothesis_Estimate_SimulatesOnlyTheEnrolledPatients()
    {
        var d = HypothesisTestSettings.Default;
        // With 2000 replicates of 58 and 39 from a pool of 10 million, the expected distinct patients enrolled are
        // N (1 - (1 - 58/N)^2000 (1 - 39/N)^2000), about 192 000 (the PoolBenchmarks run simulated 768 408 / 4 = 192 102).
        var settings = d with { PoolSize = 10_000_000 };
        double n = 10_000_000;
        double enrolled = n * (1 - Math.Pow(1 - 58 / n, 2000) * Math.Pow(1 - 39 / n, 2000));
        Assert.InRange(enrolled, 191_000, 193_000);
        var e = HypothesisRequest.Estimate(settings);
        double ratings = 2000.0 * 4 * (58 + 39);
        // Exposure-only and expectancy link nothing and share one course: three courses per patient for the four hypotheses.
        Assert.Equal(WorkBudget.StartSeconds + enrolled * WorkBudget.SecondsPerDissociation + 3 * enrolled * WorkBudget.SecondsPerCourse + ratings * WorkBudget.SecondsPerRating, e.Seconds, 6);
        Assert.True(e.IsWithinBudget, $"the main job with a pool of 10 million is estimated at {e.Minutes:0.0} min and {e.Megabytes:0} MB");
        HypothesisRequest.Resolve(subjects: 10_000_000).CheckWork(allowLongRun: false);

        var huge = HypothesisRequest.Resolve(subjects: 10_000_000, replicates: 1_000_000);
        AssertRefused(() => huge.CheckWork(allowLongRun: false), "--subjects 10000000", "--replicates 1000000");
        huge.CheckWork(allowLongRun: true);
    }

    [Fact]
    public void Sensitivity_Estimate_CountsPoolsAndSettings_AndAShardBudgetsItsOwnWork()
    {
        var request = SensitivityRequest.Resolve();
        var (groups, cells) = SensitivityAnalysis.Work(request.Settings, 1, 1);
        // Every setting is rated from one pool; the settings that change only the clinical model share their pool.
        Assert.InRange(groups, 2, cells - 1);
        var e = SensitivityRequest.Estimate(request.Settings, groups, cells);
        Assert.Equal(WorkBudget.StartSeconds + WorkBudget.SensitivityFixedSeconds + groups * 2000 * (WorkBudget.SecondsPerDissociation + WorkBudget.SecondsPerCourse) + cells * 1000 * 97 * WorkBudget.SecondsPerRating, e.Seconds, 6);
        // Memory: a pool and its clinical copy, the parts shared with the default pool (prepared PK kept at 2,000 patients), the
        // shared replicate draws (1000 x 97 of them) and every setting's replicate r.
        var s = request.Settings;
        Assert.Equal(WorkBudget.BaseBytes + 2000 * 2.0 * RatingPool.BytesPerPatient(2, sparse: false)
            + 2000 * SharedPoolParts.BytesPerPatient(s.Design.Assessments.Length, keepPk: true)
            + 1000 * 97 * SharedReplicateDraws.BytesPer + (double)cells * 2 * 1000 * 8, e.Bytes, 3);
        Assert.Equal(2, s.Observed.Select(o => o.Time).Distinct().Count());
        request.CheckWork(allowLongRun: false);

        var huge = SensitivityRequest.Resolve(subjects: 10_000_000, replicates: 1_000_000);
        AssertRefused(() => huge.CheckWork(allowLongRun: false), "--subjects 10000000", "--replicates 1000000", "--vary");
        huge.CheckWork(allowLongRun: true);
        // The shards split the pools and settings between them, and each budgets only its own.
        int shards = 4;
        var parts = Enumerable.Range(1, shards).Select(k => SensitivityAnalysis.Work(request.Settings, k, shards)).ToList();
        Assert.Equal(groups, parts.Sum(p => p.Groups));
        Assert.Equal(cells, parts.Sum(p => p.Cells));
        AssertRefused(() => huge.CheckWork(false, 2, shards), "--shard 2/4");
        // A request over the budget as a whole fits in it as one of as many shards as pools.
        // (The smallest of these pool sizes that is over the budget as a whole: the unit costs are re-fitted as the code gets faster.)
        int subjects = new[] { 40_000, 100_000, 400_000, 1_000_000 }.First(n => !SensitivityRequest.Estimate(SensitivityRequest.Resolve(subjects: n).Settings, groups, cells).IsWithinBudget);
        var big = SensitivityRequest.Resolve(subjects: subjects);
        Assert.False(SensitivityRequest.Estimate(big.Settings, groups, cells).IsWithinBudget);
        AssertRefused(() => big.CheckWork(allowLongRun: false), $"--subjects {subjects}");
        big.CheckWork(false, 1, groups);
    }

    [Fact]
    public void Strengths_Estimate_SharesTheDissociationPart_AndTenMillionPatientsNeedAllowLongRun()
    {
        var d = StrengthScanSettings.Default;
        var rhoOnly = d with { Parameters = [StrengthParameter.SensitivityCorrelation] };
        var e = WorkBudget.Strengths(rhoOnly, detection: false);
        // 21 grid points of rho (-1..1 by 0.1): one dissociation part and 21 courses per pool patient.
        Assert.Equal(WorkBudget.StartSeconds + WorkBudget.StrengthsFixedSeconds + 2000 * WorkBudget.SecondsPerDissociation + 21 * 2000 * WorkBudget.SecondsPerCourse
            + 21 * 1000 * 97 * WorkBudget.SecondsPerRating, e.Seconds, 6);
        // Memory: all 21 points' pools at once (2,000 x 21 slots, within one batch), the shared cache with the prepared PK, every
        // point's replicate r.
        Assert.Equal(WorkBudget.BaseBytes + 21 * 2000.0 * RatingPool.BytesPerPatient(2, sparse: false)
            + 2000 * PatientCache.BytesPerPatient(sparse: false, keepPk: true) + 21 * 2 * 1000 * 8.0, e.Bytes, 3);
        // A pool too large for one batch holds one point's pool at a time.
        var large = WorkBudget.Strengths(rhoOnly with { PoolSize = 1_000_000 }, detection: false);
        Assert.Equal(WorkBudget.BaseBytes + 1_000_000.0 * RatingPool.BytesPerPatient(2, sparse: false)
            + 1_000_000.0 * PatientCache.BytesPerPatient(sparse: false, keepPk: false) + 21 * 2 * 1000 * 8.0, large.Bytes, 3);
        WorkBudget.CheckStrengths(d, detection: true, allowLongRun: false);

        var huge = d with { PoolSize = 10_000_000, Replicates = 1_000_000 };
        AssertRefused(() => WorkBudget.CheckStrengths(huge, true, allowLongRun: false), "--strength", "--subjects 10000000", "--replicates 1000000");
        WorkBudget.CheckStrengths(huge, true, allowLongRun: true);
    }

    [Fact]
    public void DoseResponse_AtItsLargest_IsWithinTheBudget()
    {
        var largest = DoseResponseSettings.Create(populationSize: DoseResponseSettings.MaxPopulationSize, steps: DoseResponseSettings.MaxSteps);
        largest.CheckWork(allowLongRun: false);
    }

    [Fact]
    public void Comparison_ScalesWithPatientSessions_AndAHundredThousandPerArmNeedsAllowLongRun()
    {
        var e = WorkBudget.Comparison([1, 1, 1, 1, 1], 10_000);
        Assert.Equal(WorkBudget.StartSeconds + 50_000 * WorkBudget.SecondsPerComparisonPatient, e.Seconds, 9);
        Assert.Equal(2 * WorkBudget.Comparison([1], 1000).Seconds - WorkBudget.StartSeconds, WorkBudget.Comparison([2], 1000).Seconds, 9);
        (ComparisonOptions.Default with { PopulationSize = 0 }).CheckWork(ComparisonArm.Defaults, allowLongRun: false);
        var largest = ComparisonOptions.Default with { PopulationSize = ComparisonOptions.MaxPopulationSize };
        AssertRefused(() => largest.CheckWork(ComparisonArm.Defaults, allowLongRun: false), "--subjects 100000", "5 arms");
        largest.CheckWork(ComparisonArm.Defaults, allowLongRun: true);
    }

    [Fact]
    public void Validation_AtTheDefault_IsWithinTheBudget_AndAtItsLargestNeedsAllowLongRun()
    {
        ValidationSettings.Default.CheckWork(allowLongRun: false);
        var largest = ValidationSettings.Default with { SubjectsPerArm = ValidationSettings.MaxSubjectsPerArm };
        AssertRefused(() => largest.CheckWork(allowLongRun: false), "--subjects 100000");
        largest.CheckWork(allowLongRun: true);
    }

    [Fact]
    public void Evidence_Estimate_CountsEachDesignsPoolOncePerPharmacology_AndAHundredThousandReplicatesNeedAllowLongRun()
    {
        // The default catalogue (docs/evidence.md): pools of max(1000, 4 n) per design, TRANSFORM-1 + 2 pooled 4 x 565 = 2260
        // patients of 8 sessions, TRANSFORM-2 1000 of 8 (Chen's n 109 is half of its 223), four single-infusion designs of 1000
        // (Luckenbaugh's NIMH design, Niciu, Echegaray, the reviews); exposure-only and expectancy share one pharmacology, so 3
        // pools per design: (4 x 1000 + (2260 + 1000) x 8) x 3 = 90 240 patient-sessions. Ratings: the entries' n sum to 2056.
        var settings = KetaminePkPd.Evidence.EvidenceSettings.Default;
        var (sessions, kept, _, ratings) = KetaminePkPd.Evidence.EvidenceAnalysis.Work(settings);
        Assert.Equal(90_240, sessions, 6);
        Assert.Equal(2260 * 3, kept, 6);
        Assert.Equal(2056.0 * 4 * 1000, ratings, 6);
        var e = WorkBudget.Evidence(settings);
        Assert.Equal(WorkBudget.StartSeconds + 90_240 * WorkBudget.SecondsPerEvidencePatientSession + 2056.0 * 4000 * WorkBudget.SecondsPerEvidenceRating, e.Seconds, 9);
        settings.CheckWork(allowLongRun: false);
        var most = settings with { Replicates = KetaminePkPd.Evidence.EvidenceSettings.MaxReplicates };
        AssertRefused(() => most.CheckWork(allowLongRun: false), "--replicates 100000", "14 entries");
        most.CheckWork(allowLongRun: true);
    }
}

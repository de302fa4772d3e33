using KetaminePkPd.Comparisons;
using KetaminePkPd.Validation;
using KetaminePkPd.Evidence;
using KetaminePkPd.Strengths;

namespace KetaminePkPd.Application;

/// <summary>
/// The work a run may do unless the user allows a long run: its time and memory, estimated before any work from costs
/// measured on the project's 2-core machine, so that a run that would take hours or gigabytes is refused in one line
/// (naming the options that set the work, the estimate and <see cref="AllowOption"/>) instead of started without a word.
/// </summary>
/// <remarks>
/// Every command with size options checks its work here: <see cref="TrialRequest.CheckWork"/>,
/// <see cref="HypothesisRequest.CheckWork"/>, <see cref="SensitivityRequest.CheckWork"/> (a shard budgets its own work),
/// <see cref="CheckStrengths"/>, and the <c>CheckWork</c> extensions here for <see cref="DoseResponseSettings"/>, <see cref="ComparisonOptions"/>,
/// <see cref="ValidationSettings"/> and <see cref="Evidence.EvidenceSettings"/>. The unit costs, where and how they were measured, and estimates against measured runs
/// are in docs/benchmarks.md ("Work budget", re-fitted in "Issue 22: the work budget re-fitted (2026-12-07)"); the benchmarks'
/// <c>-- unit-costs</c> and <c>-- budget-estimates</c> modes and WorkBudgetBenchmarks re-measure them.
/// </remarks>
public static class WorkBudget
{
    /// <summary>Estimated wall time a run may take without <see cref="AllowOption"/>: 5 minutes on 2 cores.</summary>
    public const double MaxMinutes = 5;

    /// <summary>Estimated peak memory a run may take without <see cref="AllowOption"/>: 1000 MB.</summary>
    public const double MaxMegabytes = 1000;

    /// <summary>The option that lifts the budget on the command line.</summary>
    public const string AllowOption = "--allow-long-run";

    /// <summary>The budget in words, for help texts.</summary>
    public static string Description { get; } = string.Create(CultureInfo.InvariantCulture,
        $"an estimated {MaxMinutes} min on 2 cores or {MaxMegabytes} MB of memory, from measured costs; docs/benchmarks.md");

    // Measured costs (docs/benchmarks.md, "Issue 22: the work budget re-fitted (2026-12-07)"). Every time cost below is CPU seconds
    // of one thread per unit, measured on the project's 2-core machine on 2026-12-07 (the CLI's Release build under /usr/bin/time,
    // user + system time, fitted per command as the slope between two or three sizes; the main job's three unit costs in-process,
    // `-- unit-costs`), turned into wall seconds on 2 cores by WallPerCpuSecond: the loops that do the work run on both cores
    // (TwoCoreSpeedUp), and SafetyMargin keeps the estimate on the high side of a quiet machine's wall time. CPU time is what the
    // load of other processes does not inflate; on a loaded machine a run's wall time is longer than its estimate.
    // `-- budget-estimates` (benchmarks) prints the estimate of each command line of the fit table.

    /// <summary>The two cores' speed-up over one thread on the commands' parallel loops: the main job's in-process speed-up measured
    /// 1.51-1.89x, median 1.78x (docs/benchmarks.md, "Issue 22, eighth pass"), taken as 1.75.</summary>
    internal const double TwoCoreSpeedUp = 1.75;

    /// <summary>The estimates' safety margin over a quiet machine's wall time: 1.5, for the second core's slower floating point
    /// (6-25% measured, "Issue 22, eighth pass"), the serial parts the parallel loops leave, the difference between the Native AOT
    /// and JIT builds and the spread of the measurements (repeated runs of one command differ by 10-30% in CPU on this machine).</summary>
    internal const double SafetyMargin = 1.5;

    /// <summary>Wall seconds on 2 cores estimated per CPU second of one thread: <see cref="SafetyMargin"/> / <see cref="TwoCoreSpeedUp"/> (0.857).</summary>
    internal const double WallPerCpuSecond = SafetyMargin / TwoCoreSpeedUp;

    /// <summary>Start-up, design and report of any run (wall s, not scaled: the JIT build's process start and one small run; a refused
    /// run takes 0.42-0.46 s wall, <c>trial</c> and <c>compare</c> on their defaults 0.99-1.16 s).</summary>
    internal const double StartSeconds = 1.0;

    /// <summary>Resident memory of any run before its per-patient data (bytes): the runtime, the tool and one design (the JIT build
    /// on the defaults 67-76 MB, <c>strengths</c> 93 MB; the Native AOT tool's main job 28 MiB).</summary>
    internal const double BaseBytes = 80e6;

    /// <summary>One pool patient's sampled parameters, PK and dissociation (the part hypotheses and grid points share) (wall s):
    /// 40 us of CPU, the largest of four <c>-- unit-costs 9 2000</c> runs (36.5-39.9 us).</summary>
    internal const double SecondsPerDissociation = 40e-6 * WallPerCpuSecond;

    /// <summary>One pool patient's antidepressant course under one hypothesis, stored in its rating pool (wall s): 32 us of CPU, the
    /// largest of the same four runs (23.0-31.7 us: a patient with its three courses on one propagator tape, less its dissociation part).
    /// The CLI's slopes agree: <c>hypothesis --subjects 200000</c> and <c>--subjects 1000000 --replicates 20000</c> cost 122 and 148 us
    /// of CPU per enrolled patient with its three courses (these costs: 136 us).</summary>
    internal const double SecondsPerCourse = 32e-6 * WallPerCpuSecond;

    /// <summary>One patient rated in one replicate trial (enrolment, noise, scores and its share of the correlations) (wall s):
    /// 0.33 us of CPU: the slope of <c>hypothesis --replicates 200000</c> against the default in the CLI (0.33 and 0.30 us in two runs),
    /// which also counts each replicate's statistics; <c>-- unit-costs</c> measures the rating loop alone at 0.13 us (three runs of four).</summary>
    internal const double SecondsPerRating = 0.33e-6 * WallPerCpuSecond;

    /// <summary>One patient rated in one replicate trial of a <c>sensitivity</c> setting, a <c>strengths</c> grid point or the strength
    /// scan's detection table (wall s): 0.19 us of CPU (the slopes of <c>sensitivity --replicates 20000</c> and <c>strengths --replicates
    /// 10000</c> against their defaults: 0.193 and 0.163 us per rating).</summary>
    internal const double SecondsPerScanRating = 0.19e-6 * WallPerCpuSecond;

    /// <summary>One pool patient's course at one <c>strengths</c> grid point, its dissociation part and prepared PK cached (wall s):
    /// 16 us of CPU: the slope of <c>strengths</c> between --subjects 2000 and 20 000 (6.0 and 21.7 s of CPU, medians of four and two
    /// runs; 54 grid points), 869 us per pool patient, less its dissociation part, over the grid points. Its other work (the detection
    /// table's pools and ratings, the plan, the report) is counted by the units and <see cref="StartSeconds"/>: no fixed cost is left.</summary>
    internal const double SecondsPerScanCourse = 16e-6 * WallPerCpuSecond;

    /// <summary>One patient of the <c>sensitivity</c> pool size, once per run or shard: the parts its pools share (sampled parameters,
    /// PK, dissociation; <see cref="SharedPoolParts"/>) (wall s): 160 us of CPU. Fitted with <see cref="SecondsPerSensitivityPatient"/>
    /// from two slopes per pool patient: the default 34 pools, 928 us (3.6 s of CPU at --subjects 2000, 20.2 s at 20 000, medians of
    /// four and two runs), and <c>--vary placebo-sd,dose-spread</c>'s 5 pools, 273 us (6.6 s at --subjects 20 000, 28.4 s at 100 000):
    /// 160 + 34 x 23 and 160 + 5 x 23.</summary>
    internal const double SecondsPerSensitivitySharedPatient = 160e-6 * WallPerCpuSecond;

    /// <summary>One patient of one <c>sensitivity</c> pool, its shared parts done (wall s): 23 us of CPU (see
    /// <see cref="SecondsPerSensitivitySharedPatient"/>). The plan, designs and clinical redraws are within these units and
    /// <see cref="StartSeconds"/> (the default run: 3.6 s of CPU, estimated at 3.5 s of wall): no fixed cost is left.</summary>
    internal const double SecondsPerSensitivityPatient = 23e-6 * WallPerCpuSecond;

    /// <summary>The fixed work of <c>dose-response</c>: the typical patient's curves over the sweep (wall s): 0.5 s of CPU (the default
    /// run's 1.2 s of CPU, median of four, less its population and the start-up).</summary>
    internal const double DoseResponseFixedSeconds = 0.5 * WallPerCpuSecond;

    /// <summary>One trial patient simulated, rated, kept in the summary columns and written as a CSV row (wall s): 86 us of CPU
    /// (see <see cref="SecondsPerSummaryPatient"/>).</summary>
    internal const double SecondsPerTrialPatient = 86e-6 * WallPerCpuSecond;

    /// <summary>One trial patient of one assessment in the summaries (correlations and the 1000-resample mediation bootstrap) (wall s):
    /// 37.5 us of CPU. <c>trial --out</c> costs 236 us of CPU per patient of four assessments (the slope between --subjects 108 and
    /// 100 000; 210 us between 100 000 and 300 000); it is split
    /// between the patient and its assessments in the proportion of the first fit (300 : 4 x 130).</summary>
    internal const double SecondsPerSummaryPatient = 37.5e-6 * WallPerCpuSecond;

    /// <summary>One virtual patient of a <c>dose-response</c> population (wall s): 155 us of CPU (the slope between --subjects 600 and 100 000).</summary>
    internal const double SecondsPerDoseResponsePatient = 155e-6 * WallPerCpuSecond;

    /// <summary>Bytes per virtual patient of a <c>dose-response</c> population (its metrics and band samples): the first fit's 1100,
    /// kept (peak resident memory measured 654 B per patient on 2026-12-07: 73 and 138 MB at --subjects 600 and 100 000).</summary>
    internal const double BytesPerDoseResponsePatient = 1100;

    /// <summary>One virtual patient-session of a <c>compare</c> arm's population (wall s): 1250 us of CPU (the slope between --subjects
    /// 2000 and 10 000 over the five default arms of one session: 11.3 and 61.3 s of CPU).</summary>
    internal const double SecondsPerComparisonPatient = 1250e-6 * WallPerCpuSecond;

    /// <summary>Bytes per virtual patient-session of a <c>compare</c> arm's population (its time course kept for the bands): the first
    /// fit's 8000, kept (measured 7.5 KB: 142 and 443 MB peak at --subjects 2000 and 10 000).</summary>
    internal const double BytesPerComparisonPatient = 8000;

    /// <summary>One patient of the validation table's virtual trials (kept whole, with its trial's summaries) (wall s): 118 us of
    /// CPU (the slope between --subjects 2000 and 30 000: 4.8 and 50.9 s of CPU; 14 patients per --subjects).</summary>
    internal const double SecondsPerValidationPatient = 118e-6 * WallPerCpuSecond;

    /// <summary>Bytes per patient of the validation table's virtual trials: 620, the slope of peak resident memory between --subjects
    /// 2000 and 30 000 (92 and 332 MB: 612 B) rounded up. Was 400.</summary>
    internal const double BytesPerValidationPatient = 620;

    /// <summary>The fixed work of <c>validate</c>: its hypothesis tests, whose size does not depend on --subjects (wall s): 1.3 s of CPU
    /// (the default run's 2.6 s of CPU, median of four, less its trials and the start-up).</summary>
    internal const double ValidationFixedSeconds = 1.3 * WallPerCpuSecond;

    /// <summary><c>evidence</c>: one pool patient's session simulated (wall s): 111 us of CPU (--replicates 200, 12.1 s of CPU, median of
    /// four runs, less its ratings and the start-up, over 90 240 patient-sessions).</summary>
    internal const double SecondsPerEvidencePatientSession = 111e-6 * WallPerCpuSecond;

    /// <summary><c>evidence</c>: one patient rated in a replicate trial, its share of the test statistic included (wall s): 0.97 us
    /// of CPU, the slope between --replicates 1000 and 20 000 (17.9 s of CPU, median of four, and 168.7 s; between 200, 1000 and 5000
    /// the slopes were 0.81 and 1.39 us), 8224 ratings per replicate over 14 entries and 4 hypotheses.</summary>
    internal const double SecondsPerEvidenceRating = 0.97e-6 * WallPerCpuSecond;

    /// <summary>Bytes kept per pool patient of a replicate study: the rating pools and the patient cache (<see cref="RatingPool.BytesPerPatient"/>,
    /// <see cref="PatientCache.BytesPerPatient"/>), <paramref name="pools"/> pools at a time (two by default; the hypothesis test keeps one per
    /// distinct course, all filled in its first hypothesis's phase).</summary>
    internal static double BytesPerPoolPatient(int observationTimes, bool sparse, bool keepPk = false, int pools = 2) =>
        pools * RatingPool.BytesPerPatient(observationTimes, sparse) + PatientCache.BytesPerPatient(sparse, keepPk);

    /// <summary>Bytes kept per trial patient (<see cref="TrialColumns"/>) and the summaries' working arrays: ten arrays of n numbers,
    /// measured (2026-12-07: 240 MB peak at --subjects 1 000 000, 113 MB at 300 000; five, the first fit, put the million at 196 MB).</summary>
    internal static double BytesPerTrialPatient(int assessments) => TrialColumns.BytesPerPatient(assessments) + 10 * 8;

    /// <summary>Throws when <paramref name="estimate"/> is above the budget and a long run is not allowed.</summary>
    /// <param name="estimate">The run's estimated time and peak memory.</param>
    /// <param name="allowed">True when the user allowed a long run (<see cref="AllowOption"/>).</param>
    /// <param name="cause">The options that set the work, for the message (e.g. <c>--subjects 10000000 and --replicates 1000000</c>).</param>
    /// <exception cref="ArgumentException">Above the budget without permission; the message gives the estimate and the way out.</exception>
    internal static void Check(WorkEstimate estimate, bool allowed, string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        if (allowed || estimate.IsWithinBudget) return;
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{cause}: this run would take an estimated {Minutes(estimate.Minutes)} min and {estimate.Megabytes:N0} MB on 2 cores (budget {MaxMinutes} min, {MaxMegabytes} MB); add {AllowOption} to run it anyway, or reduce it."));
    }

    private static string Minutes(double m) => m.ToString(m < 10 ? "0.#" : "N0", CultureInfo.InvariantCulture);

    /// <summary>A replicate study's estimate: <paramref name="poolSeconds"/> simulating its pools, <paramref name="ratings"/> patient
    /// ratings at <paramref name="secondsPerRating"/> each, <paramref name="keptBytes"/> bytes held at the peak and
    /// <paramref name="fixedSeconds"/> of the command's fixed work.</summary>
    internal static WorkEstimate Replicates(double poolSeconds, double ratings, double keptBytes, double fixedSeconds = 0, double secondsPerRating = SecondsPerRating) =>
        new(StartSeconds + fixedSeconds + poolSeconds + ratings * secondsPerRating, BaseBytes + keptBytes);

    /// <summary>The estimate of a trial of <paramref name="patients"/> patients with <paramref name="assessments"/> assessments.</summary>
    internal static WorkEstimate Trial(double patients, int assessments) =>
        new(StartSeconds + patients * (SecondsPerTrialPatient + assessments * SecondsPerSummaryPatient), BaseBytes + patients * BytesPerTrialPatient(assessments));

    /// <summary>Throws when a <c>strengths</c> scan is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The scan's settings.</param>
    /// <param name="detection">True when the table of detection rates is computed too.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --strength, --subjects and --replicates.</exception>
    public static void CheckStrengths(StrengthScanSettings settings, bool detection, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(settings);
        int points = settings.Parameters.Sum(p => StrengthScanSettings.Grid(p).Length);
        Check(Strengths(settings, detection), allowLongRun, string.Create(CultureInfo.InvariantCulture,
            $"--strength {string.Join(',', settings.Parameters.Select(StrengthScanSettings.Token))} ({points} grid points) with --subjects {settings.PoolSize} and --replicates {settings.Replicates}"));
    }

    /// <summary>The estimate of a <c>strengths</c> scan: a pool per grid point, the replicate trials, the ceilings and the detection table.</summary>
    internal static WorkEstimate Strengths(StrengthScanSettings settings, bool detection)
    {
        int points = settings.Parameters.Sum(p => StrengthScanSettings.Grid(p).Length);
        double perReplicate = settings.Observed.Sum(o => (double)o.N);
        // Every grid point has the same patients: their dissociation part once, a course per point (the PK and dissociation cached).
        double poolSeconds = settings.PoolSize * (SecondsPerDissociation + points * SecondsPerScanCourse);
        double ratings = points * settings.Replicates * perReplicate;
        if (detection)
        {
            int hypotheses = Hypothesis.All.Count;
            double pool = (double)HypothesisTestSettings.PoolPerObservedSubject * DetectionRates.DefaultSizes.Max();
            poolSeconds += pool * (SecondsPerDissociation + hypotheses * SecondsPerCourse);
            ratings += hypotheses * (double)settings.Replicates * DetectionRates.DefaultSizes.Sum();
        }
        // Held at the peak: the pools of one batch of grid points (StrengthScan.PoolsPerBatch), the shared patient cache and every
        // point's replicate r.
        int times = settings.Observed.Select(o => o.Time).Distinct().Count();
        double kept = (double)StrengthScan.PoolsPerBatch(points, settings.PoolSize) * settings.PoolSize * RatingPool.BytesPerPatient(times, sparse: false)
            + (double)settings.PoolSize * PatientCache.BytesPerPatient(sparse: false, keepPk: settings.PoolSize <= PatientCache.KeepPkUpTo)
            + points * settings.Observed.Length * (double)settings.Replicates * 8;
        return Replicates(poolSeconds, ratings, kept, secondsPerRating: SecondsPerScanRating);
    }

    /// <summary>Throws when a <c>dose-response</c> run of <paramref name="settings"/> is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects and --steps.</exception>
    public static void CheckWork(this DoseResponseSettings settings, bool allowLongRun) => CheckDoseResponse(settings, allowLongRun);

    /// <summary>Throws when comparing <paramref name="arms"/> with <see cref="ComparisonOptions.PopulationSize"/> patients each is above
    /// the budget and a long run is not allowed.</summary>
    /// <param name="options">The comparison's options.</param>
    /// <param name="arms">The arms compared (each patient is simulated over its arm's sessions).</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects and the arms.</exception>
    public static void CheckWork(this ComparisonOptions options, IReadOnlyList<ComparisonArm> arms, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(arms);
        CheckComparison([.. arms.Select(a => a.Sessions)], options.PopulationSize, allowLongRun);
    }

    /// <summary>Throws when an <c>evidence</c> run of <paramref name="settings"/> is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --replicates and the entries.</exception>
    public static void CheckWork(this Evidence.EvidenceSettings settings, bool allowLongRun) => CheckEvidence(settings, allowLongRun);

    /// <summary>Throws when the validation table's trials of <paramref name="settings"/> are above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects.</exception>
    public static void CheckWork(this ValidationSettings settings, bool allowLongRun) => CheckValidation(settings, allowLongRun);

    /// <summary>Throws when a <c>dose-response</c> run is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects.</exception>
    internal static void CheckDoseResponse(DoseResponseSettings settings, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(DoseResponse(settings), allowLongRun,
            string.Create(CultureInfo.InvariantCulture, $"--subjects {settings.PopulationSize} over --steps {settings.Steps}"));
    }

    /// <summary>The estimate of a <c>dose-response</c> run: its population's patients and the typical patient at each step.</summary>
    internal static WorkEstimate DoseResponse(DoseResponseSettings settings)
    {
        double patients = settings.PopulationSubjects + settings.Steps;
        return new(StartSeconds + DoseResponseFixedSeconds + patients * SecondsPerDoseResponsePatient, BaseBytes + patients * BytesPerDoseResponsePatient);
    }

    /// <summary>Throws when a <c>compare</c> run is above the budget and a long run is not allowed.</summary>
    /// <param name="sessionsPerArm">The sessions of each arm compared (1 for a single dose).</param>
    /// <param name="patientsPerArm">Virtual patients per arm (0 for none).</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects and the arms.</exception>
    internal static void CheckComparison(IReadOnlyList<int> sessionsPerArm, int patientsPerArm, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(sessionsPerArm);
        Check(Comparison(sessionsPerArm, patientsPerArm), allowLongRun,
            string.Create(CultureInfo.InvariantCulture, $"--subjects {patientsPerArm} over {sessionsPerArm.Count} arms (--arm)"));
    }

    /// <summary>The estimate of a <c>compare</c> run: <paramref name="patientsPerArm"/> patients per arm, each simulated over its arm's sessions.</summary>
    internal static WorkEstimate Comparison(IReadOnlyList<int> sessionsPerArm, int patientsPerArm)
    {
        double patientSessions = (double)patientsPerArm * sessionsPerArm.Sum(s => (double)s);
        return new(StartSeconds + patientSessions * SecondsPerComparisonPatient, BaseBytes + patientSessions * BytesPerComparisonPatient);
    }

    /// <summary>Throws when an <c>evidence</c> run is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --replicates and the entries.</exception>
    internal static void CheckEvidence(Evidence.EvidenceSettings settings, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(Evidence(settings), allowLongRun, string.Create(CultureInfo.InvariantCulture,
            $"--replicates {settings.Replicates} over {settings.Entries.Length} entries (the catalogue with --studies and --exclude)"));
    }

    /// <summary>The estimate of an <c>evidence</c> run: its patient-sessions simulated, the pools kept and the ratings.</summary>
    internal static WorkEstimate Evidence(Evidence.EvidenceSettings settings)
    {
        var (sessions, kept, assessments, ratings) = KetaminePkPd.Evidence.EvidenceAnalysis.Work(settings);
        double replicateArrays = (double)settings.Entries.Length * settings.Hypotheses.Length * settings.Replicates * 9;
        return new(StartSeconds + sessions * SecondsPerEvidencePatientSession + ratings * SecondsPerEvidenceRating,
            BaseBytes + kept * BytesPerEvidencePatient(assessments) + replicateArrays);
    }

    /// <summary>Bytes of one kept <see cref="SimulatedSubject"/> with <paramref name="assessments"/> assessments: the record's
    /// header and 17 fields, its <see cref="Subject"/>, the drug-effect array and the pool's reference (from the layout).</summary>
    internal static double BytesPerEvidencePatient(int assessments) => 16 + 17 * 8 + 64 + 24 + 8.0 * assessments + 8;

    /// <summary>Throws when a <c>validate</c> run is above the budget and a long run is not allowed.</summary>
    /// <param name="settings">The run's settings.</param>
    /// <param name="allowLongRun">True when the user allowed a long run.</param>
    /// <exception cref="ArgumentException">Above the budget; the message names --subjects.</exception>
    internal static void CheckValidation(ValidationSettings settings, bool allowLongRun)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Check(Validation(settings), allowLongRun,
            string.Create(CultureInfo.InvariantCulture, $"--subjects {settings.SubjectsPerArm} ({ValidationPatients(settings.SubjectsPerArm):N0} patients over the validation table's trials)"));
    }

    /// <summary>Patients of the validation table's virtual trials with <paramref name="perArm"/> patients per arm (its four
    /// published trials and a dose-ranging trial of five arms); each is kept whole (<see cref="TrialResult.Subjects"/>).</summary>
    internal static double ValidationPatients(int perArm) =>
        (double)ValidationDesigns.RacemicIv(perArm).TotalSubjects + ValidationDesigns.MidazolamControlledIv(perArm).TotalSubjects
        + ValidationDesigns.DalyPeriod1(perArm).TotalSubjects + ValidationDesigns.Transform2(perArm).TotalSubjects + 5.0 * perArm;

    /// <summary>The estimate of a <c>validate</c> run: its trials (patients kept whole) and its hypothesis tests (a fixed size).</summary>
    internal static WorkEstimate Validation(ValidationSettings settings)
    {
        double patients = ValidationPatients(settings.SubjectsPerArm);
        return new(StartSeconds + ValidationFixedSeconds + patients * SecondsPerValidationPatient, BaseBytes + patients * BytesPerValidationPatient);
    }
}

/// <summary>A run's estimated wall time on 2 cores and peak resident memory (<see cref="WorkBudget"/>).</summary>
/// <param name="Seconds">Wall time, in seconds.</param>
/// <param name="Bytes">Peak resident memory, in bytes.</param>
internal readonly record struct WorkEstimate(double Seconds, double Bytes)
{
    /// <summary>Wall time in minutes.</summary>
    public double Minutes => Seconds / 60;

    /// <summary>Peak memory in MB (10^6 bytes).</summary>
    public double Megabytes => Bytes / 1e6;

    /// <summary>True when within <see cref="WorkBudget.MaxMinutes"/> and <see cref="WorkBudget.MaxMegabytes"/>.</summary>
    public bool IsWithinBudget => Minutes <= WorkBudget.MaxMinutes && Megabytes <= WorkBudget.MaxMegabytes;
}

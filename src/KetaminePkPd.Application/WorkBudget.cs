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
/// are in docs/benchmarks.md ("Work budget"); benchmarks/KetaminePkPd.Benchmarks/Trials/WorkBudgetBenchmarks.cs re-measures
/// them.
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

    // Measured costs (docs/benchmarks.md, "Work budget"): wall seconds of the CLI under /usr/bin/time on the project's 2-core
    // machine, 2026-12-06, while other builds and tests shared it (so on a quiet machine runs take less), fitted per command
    // as a start-up cost plus a cost per unit between two or three sizes; WorkBudgetBenchmarks re-measures the unit costs.

    /// <summary><c>evidence</c>: one pool patient's session simulated (s); fitted on the default catalogue at --replicates 200
    /// and 3000 (33.9 and 45.8 s wall, load 2): 90 240 patient-sessions.</summary>
    internal const double SecondsPerEvidencePatientSession = 355e-6;

    /// <summary><c>evidence</c>: one patient rated in a replicate trial, its share of the test statistic included (s); the same fit
    /// (4.24 ms per replicate over 14 entries and 4 hypotheses: 8224 ratings).</summary>
    internal const double SecondsPerEvidenceRating = 0.52e-6;

    /// <summary>Start-up, design and report of any run (s).</summary>
    internal const double StartSeconds = 1.0;

    /// <summary>Resident memory of any run before its per-patient data (bytes): the runtime, the tool and one design (79-80 MB measured on the defaults).</summary>
    internal const double BaseBytes = 80e6;

    // The three unit costs below (issue 22, fourth pass) are CPU seconds of one thread per unit, measured in-process on the main job's
    // loops (benchmarks: `-- unit-costs`, medians of 5 rounds: 112.5 us, 64.3 us and 0.203 us at load 10), divided by 1.8 for the
    // two cores the per-patient and replicate loops run on (docs/benchmarks.md, "Issue 22, fourth pass"). CPU time is what the load
    // of other processes does not inflate; on a loaded machine a run's wall time is longer than these estimates.

    /// <summary>One pool patient's sampled parameters, PK and dissociation (the part hypotheses and grid points share) (s).</summary>
    internal const double SecondsPerDissociation = 63e-6;

    /// <summary>One pool patient's antidepressant course under one hypothesis or setting, stored in its rating pool (s).</summary>
    internal const double SecondsPerCourse = 36e-6;

    /// <summary>One patient rated in one replicate trial (enrolment, noise, scores and its share of the correlations) (s).</summary>
    internal const double SecondsPerRating = 0.11e-6;

    /// <summary>The fixed work of <c>strengths</c>: its hypothesis ceilings (4 x 4000 patients and their replicates) (s).</summary>
    internal const double StrengthsFixedSeconds = 30;

    /// <summary>The fixed work of <c>sensitivity</c> beyond its pools and ratings: the plan, the settings' designs and clinical redraws (s).</summary>
    internal const double SensitivityFixedSeconds = 7;

    /// <summary>The fixed work of <c>dose-response</c>: the typical patient's curves over the sweep (s).</summary>
    internal const double DoseResponseFixedSeconds = 4;

    /// <summary>One trial patient simulated, rated, kept in the summary columns and written as a CSV row (s).</summary>
    internal const double SecondsPerTrialPatient = 300e-6;

    /// <summary>One trial patient of one assessment in the summaries (correlations and the 1000-resample mediation bootstrap) (s).</summary>
    internal const double SecondsPerSummaryPatient = 130e-6;

    /// <summary>One virtual patient of a <c>dose-response</c> population (s).</summary>
    internal const double SecondsPerDoseResponsePatient = 520e-6;

    /// <summary>Bytes per virtual patient of a <c>dose-response</c> population (its metrics and band samples).</summary>
    internal const double BytesPerDoseResponsePatient = 1100;

    /// <summary>One virtual patient-session of a <c>compare</c> arm's population (s).</summary>
    internal const double SecondsPerComparisonPatient = 2.7e-3;

    /// <summary>Bytes per virtual patient-session of a <c>compare</c> arm's population (its time course kept for the bands).</summary>
    internal const double BytesPerComparisonPatient = 8000;

    /// <summary>One patient of the validation table's virtual trials (kept whole, with its trial's summaries) (s).</summary>
    internal const double SecondsPerValidationPatient = 1.6e-3;

    /// <summary>Bytes per patient of the validation table's virtual trials.</summary>
    internal const double BytesPerValidationPatient = 400;

    /// <summary>The fixed work of <c>validate</c>: its hypothesis tests, whose size does not depend on --subjects (s).</summary>
    internal const double ValidationFixedSeconds = 3.5;

    /// <summary>Bytes kept per pool patient of a replicate study: the rating pools and the patient cache (<see cref="RatingPool.BytesPerPatient"/>,
    /// <see cref="PatientCache.BytesPerPatient"/>), <paramref name="pools"/> pools at a time (two by default; the hypothesis test keeps one per
    /// distinct course, all filled in its first hypothesis's phase).</summary>
    internal static double BytesPerPoolPatient(int observationTimes, bool sparse, bool keepPk = false, int pools = 2) =>
        pools * RatingPool.BytesPerPatient(observationTimes, sparse) + PatientCache.BytesPerPatient(sparse, keepPk);

    /// <summary>Bytes kept per trial patient (<see cref="TrialColumns"/>) and the summaries' working arrays (about five arrays of n numbers).</summary>
    internal static double BytesPerTrialPatient(int assessments) => TrialColumns.BytesPerPatient(assessments) + 5 * 8;

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

    /// <summary>A replicate study's estimate: <paramref name="dissociations"/> patients' shared part and <paramref name="courses"/>
    /// antidepressant courses simulated, <paramref name="ratings"/> patient ratings, <paramref name="keptBytes"/> bytes held at the peak.</summary>
    internal static WorkEstimate Replicates(double dissociations, double courses, double ratings, double keptBytes, double fixedSeconds = 0) =>
        new(StartSeconds + fixedSeconds + dissociations * SecondsPerDissociation + courses * SecondsPerCourse + ratings * SecondsPerRating, BaseBytes + keptBytes);

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
        // Every grid point has the same patients: their dissociation part once, a course per point.
        double dissociations = settings.PoolSize, courses = (double)points * settings.PoolSize;
        double ratings = points * settings.Replicates * perReplicate;
        if (detection)
        {
            int hypotheses = Hypothesis.All.Count;
            double pool = (double)HypothesisTestSettings.PoolPerObservedSubject * DetectionRates.DefaultSizes.Max();
            dissociations += pool;
            courses += hypotheses * pool;
            ratings += hypotheses * (double)settings.Replicates * DetectionRates.DefaultSizes.Sum();
        }
        // Held at the peak: the pools of one batch of grid points (StrengthScan.PoolsPerBatch), the shared patient cache and every
        // point's replicate r.
        int times = settings.Observed.Select(o => o.Time).Distinct().Count();
        double kept = (double)StrengthScan.PoolsPerBatch(points, settings.PoolSize) * settings.PoolSize * RatingPool.BytesPerPatient(times, sparse: false)
            + (double)settings.PoolSize * PatientCache.BytesPerPatient(sparse: false, keepPk: settings.PoolSize <= PatientCache.KeepPkUpTo)
            + points * settings.Observed.Length * (double)settings.Replicates * 8;
        return Replicates(dissociations, courses, ratings, kept, StrengthsFixedSeconds);
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
        double patients = settings.PopulationSubjects + settings.Steps;
        Check(new WorkEstimate(StartSeconds + DoseResponseFixedSeconds + patients * SecondsPerDoseResponsePatient, BaseBytes + patients * BytesPerDoseResponsePatient), allowLongRun,
            string.Create(CultureInfo.InvariantCulture, $"--subjects {settings.PopulationSize} over --steps {settings.Steps}"));
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

using KetaminePkPd.Numerics;
using System.Collections.Immutable;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;
using KetaminePkPd.HypothesisTesting;

namespace KetaminePkPd.Trials;

/// <summary>Simulates and rates single trial subjects; shared by <see cref="VirtualTrial"/> and <see cref="HypothesisTest"/>.</summary>
internal sealed class TrialSimulator
{
    private readonly TrialDesign _design;
    private readonly Hypothesis _hypothesis;
    private readonly PopulationModel _population;
    private readonly SimulationOptions _options;
    private readonly double[] _outputTimesH;   // _options' output times in hours, made once (never written)
    private readonly int _cadssIndex;
    private readonly int[] _assessmentIndex;
    private readonly double[] _assessmentHours;
    private readonly double[] _placeboCourse, _slowOnset;
    private readonly bool[] _activeControl;
    private readonly DosingRegimen[] _regimens;   // each arm's regimen, made once (TrialArm.Regimen makes a new one at each read)
    private readonly ulong _seed;
    private readonly Func<int, double>? _doseFactor;
    private readonly HypothesisLinks? _links;
    private readonly PatientCache? _cache;

    /// <param name="design">The design.</param>
    /// <param name="hypothesis">The hypothesis.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="doseFactor">Optional per-subject multiplier on the arm's dose (by subject index), for dose-spread sensitivity.</param>
    /// <param name="cache">Optional: per-patient work shared with other simulators of the same design, seed and dose spread.</param>
    /// <param name="parallel">Simulate the links' reference samples (mediation), when not cached yet, on all cores (the same samples either way).</param>
    public TrialSimulator(TrialDesign design, Hypothesis hypothesis, ulong seed, Func<int, double>? doseFactor = null, PatientCache? cache = null, bool parallel = false)
    {
        _design = design;
        _doseFactor = doseFactor;
        _hypothesis = hypothesis;
        _seed = seed;
        _cache = cache;
        _population = design.Population;
        _links = HypothesisLinks.Create(design, hypothesis, parallel);
        var times = design.Assessments.Append(design.CadssTime).Append(TimeSpan.Zero).Distinct().Order().ToList();
        _options = SimulationOptions.Default.AtTimes(times);
        _outputTimesH = _options.OutputTimesH();
        _cadssIndex = times.IndexOf(design.CadssTime);
        _assessmentIndex = [.. design.Assessments.Select(t => times.IndexOf(t))];
        _assessmentHours = [.. design.Assessments.Select(Units.Hours)];
        _placeboCourse = [.. _assessmentHours.Select(design.Clinical.PlaceboCourse)];
        _slowOnset = [.. _assessmentHours.Select(design.Clinical.SlowPlaceboOnset)];
        _activeControl = [.. design.Arms.Select(a => a.Administration.Dose.Value == 0)];
        _regimens = [.. design.Arms.Select(a => a.Regimen)];
    }

    /// <summary>True when the hypothesis links nothing (exposure-only, expectancy): the noise-free course is then the same under every such hypothesis.</summary>
    public bool IsUnlinked => _links is null;

    public PopulationModel Population => _population;

    /// <summary>Assessments of the design.</summary>
    public int AssessmentCount => _assessmentHours.Length;

    /// <summary>The noise-free course of subject <paramref name="index"/>.</summary>
    /// <remarks>Dissociation and the antidepressant effect are simulated as two PK-PD models on the same pharmacokinetics: the
    /// dissociation first (it does not depend on the hypothesis, and mediation needs the patient's own peak), then the
    /// antidepressant effect with the hypothesis's link applied to the patient's random effects.</remarks>
    public SimulatedSubject Simulate(int index) => Simulate(index, null);

    /// <summary>The noise-free course of subject <paramref name="index"/> (<see cref="Simulate(int)"/>).</summary>
    /// <param name="index">The patient.</param>
    /// <param name="tape">Optional (a worker's): replays the propagators of this patient's antidepressant course under another hypothesis
    /// simulated just before on the same thread (<see cref="PropagatorTape"/>); the values are the same with or without it.</param>
    public SimulatedSubject Simulate(int index, PropagatorTape? tape)
    {
        if (_links is null && _cache?.Unlinked(index) is { } shared) return shared;
        var effect = new double[_assessmentIndex.Length];
        var (part, antidepressant) = Course(index, effect, tape);
        var vs = part.Subject;
        int armIndex = _design.ArmOf(index);
        var (baseline, placebo, slow) = ClinicalDraws(index);
        var subject = new SimulatedSubject(index, armIndex, vs.Subject, part.Factor * _design.Arms[armIndex].Administration.Dose.ToMilligrams(vs.Subject.WeightKg),
            part.SystemicClearanceLPerH, part.CentralVolumeL, part.DissociationC50NgPerMl, antidepressant.Ec50NgPerMl, antidepressant.Scale,
            part.ConcentrationAtCadssNgPerMl, part.CmaxNgPerMl, part.Auc0To24NgHPerMl,
            part.CadssAtRatingTime, part.CadssPeak, System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(effect), baseline, placebo, slow);
        if (_links is null) _cache?.Store(index, subject);
        return subject;
    }

    /// <summary>
    /// Simulates subject <paramref name="index"/> as <see cref="Simulate(int, PropagatorTape?)"/> does (the same values bit for bit) and
    /// keeps what replicate trials need of it in <paramref name="pool"/>'s <paramref name="slot"/>, without the
    /// <see cref="SimulatedSubject"/> record and its effect array (a pool keeps neither): the effect goes through this thread's buffer.
    /// </summary>
    /// <param name="pool">The pool.</param>
    /// <param name="slot">The patient's slot in the pool.</param>
    /// <param name="index">The patient.</param>
    /// <param name="tape">Optional: a worker's tape (see <see cref="Simulate(int, PropagatorTape?)"/>).</param>
    /// <exception cref="ArgumentException">What <see cref="Simulate(int, PropagatorTape?)"/> throws for the same subject.</exception>
    public void SimulateInto(RatingPool pool, int slot, int index, PropagatorTape? tape)
    {
        // A cache that keeps the unlinked courses wants the record: made (or found) there.
        if (_links is null && _cache is { KeepsUnlinked: true })
        {
            pool.Store(slot, Simulate(index, tape));
            return;
        }
        var effect = _effect is { } e && e.Length == _assessmentIndex.Length ? e : _effect = new double[_assessmentIndex.Length];
        var (part, _) = Course(index, effect, tape);
        // What the record rejects (non-finite values): made again through it, to throw as it does.
        if (!RatingPool.Keeps(part.Values, effect, peak: true, exposure: true)) Simulate(index, tape);
        pool.Store(slot, _design.ArmOf(index), part.Values, ClinicalDraws(index), effect);
    }

    /// <summary>This thread's buffer for a course's effect at the assessments (<see cref="SimulateInto"/>), read before the thread's next course.</summary>
    [ThreadStatic] private static double[]? _effect;

    /// <summary>Subject <paramref name="index"/>'s dissociation and its antidepressant course into <paramref name="effect"/>: the one
    /// implementation behind <see cref="Simulate(int, PropagatorTape?)"/> and <see cref="SimulateInto"/>.</summary>
    private (DissociationPart Part, PlasticityModel Antidepressant) Course(int index, double[] effect, PropagatorTape? tape)
    {
        var part = Dissociation(index);
        return (part, CourseEffects(index, part.Subject, part.Values, part.Pk, effect, tape));
    }

    /// <summary>
    /// The antidepressant course of patient <paramref name="index"/> (sampled as <paramref name="sampled"/>, its dissociation
    /// <paramref name="part"/>): the effect at each assessment into <paramref name="effect"/>. The one implementation behind
    /// <see cref="Simulate(int, PropagatorTape?)"/> and the sensitivity analysis's shared parts.
    /// </summary>
    /// <param name="index">The patient.</param>
    /// <param name="sampled">The patient as sampled from this simulator's population.</param>
    /// <param name="part">The patient's dissociation (its dose multiplier and, for mediation, its peak).</param>
    /// <param name="prepared">The PK the dissociation was simulated with (null: made here). A link changes only effect random
    /// effects, so the same subject's PK under the same regimen is not rebuilt, and gives the same values bit for bit.</param>
    /// <param name="effect">Receives the effect at each assessment of the design.</param>
    /// <param name="tape">Optional: a worker's tape (see <see cref="Simulate(int, PropagatorTape?)"/>).</param>
    /// <returns>The antidepressant model of the subject as the course saw it (the link applied to its effect random effects, on the
    /// stack: no linked subject is made).</returns>
    internal PlasticityModel CourseEffects(int index, VirtualSubject sampled, in DissociationValues part, PreparedPk? prepared, double[] effect,
        PropagatorTape? tape)
    {
        int armIndex = _design.ArmOf(index);
        var eta = sampled.EffectRandomEffects.AsSpan();
        Span<double> linked = stackalloc double[eta.Length];
        var antidepressant = _population.Effects.Antidepressant(_design.Drug, _links?.Apply(eta, armIndex, part.CadssPeak, linked) == true ? linked : eta);
        PreparedPk pk;
        if (prepared is { } p) pk = p;
        else
        {
            var regimen = Regimen(armIndex, part.Factor);
            pk = PreparedPk.Create(sampled.CreatePkModel(_population.Pk, regimen), regimen);
        }
        PkPdSimulator.EffectValues(pk, antidepressant, _options, _outputTimesH, _assessmentIndex, effect, tape);
        return antidepressant;
    }

    /// <summary>Subject <paramref name="index"/>'s sampled parameters, pharmacokinetics and noise-free dissociation (shared through the cache).</summary>
    public DissociationPart SimulateDissociation(int index)
    {
        var vs = _population.SampleSubject(_seed, index);
        var (values, prepared) = DissociationOf(index, vs, DoseFactorOf(index), null);
        _cache?.Store(index, values, prepared);
        return Remember(index, new DissociationPart(vs, values) { Pk = prepared });
    }

    /// <summary>
    /// The exposure and noise-free dissociation of patient <paramref name="index"/>, sampled as <paramref name="vs"/> with dose
    /// multiplier <paramref name="factor"/>: the one implementation behind <see cref="SimulateDissociation"/> and the sensitivity
    /// analysis's shared parts.
    /// </summary>
    /// <param name="index">The patient.</param>
    /// <param name="vs">The patient as sampled from this simulator's population.</param>
    /// <param name="factor">The patient's dose multiplier (<see cref="DoseFactorOf"/>).</param>
    /// <param name="shared">The patient's PK prepared for its regimen with its clearance and central volume, when another simulator
    /// made it from the same PK inputs (the same parameter set, covariates, PK random effects and regimen; see
    /// <see cref="SharesPkSetting"/>), or null to make it here.</param>
    /// <param name="tape">Optional: a worker's tape for the dissociation's march (see <see cref="DissociationRun.Simulate"/>).</param>
    /// <param name="rated">Only what rating the patient reads (a pool of replicate trials): Cmax and AUC0-24 are then NaN, not
    /// computed, and so is the peak CADSS unless the hypothesis reads it (<see cref="ReadsCadssPeak"/>); the other values are the same.</param>
    /// <returns>The values and the prepared PK they were simulated with.</returns>
    internal (DissociationValues Values, PreparedPk Pk) DissociationOf(int index, VirtualSubject vs, double factor, SharedPk? shared, PropagatorTape? tape = null,
        bool rated = false)
    {
        var dissociation = vs.CreateDissociation(_population.Effects, _design.Drug);
        PreparedPk prepared;
        double clearance, volume;
        if (shared is { } s) (prepared, clearance, volume) = (s.Pk, s.SystemicClearanceLPerH, s.CentralVolumeL);
        else
        {
            var regimen = Regimen(_design.ArmOf(index), factor);
            var pk = vs.CreatePkModel(_population.Pk, regimen);
            prepared = PreparedPk.Create(pk, regimen);
            DissociationRun.CheckDriver(pk, dissociation);
            (clearance, volume) = (pk.SystemicClearanceLPerH, pk.CentralCompartment.VolumeL);
        }
        var d = DissociationRun.Simulate(prepared, dissociation, _options, _outputTimesH, _cadssIndex, exposure: !rated, tape, peak: !rated || ReadsCadssPeak);
        var values = new DissociationValues(factor, clearance, volume, d.ParentNgPerMl,
            d.CmaxNgPerMl, d.Auc0To24NgHPerMl, dissociation.C50NgPerMl, d.Value, d.Peak);
        return (values, prepared);
    }

    /// <summary>True when a patient's true peak CADSS enters its ratings: the expectancy boost (the patient notices dissociation) or a
    /// link (mediation sets the course from it). Otherwise a rated pool does not need it (<see cref="DissociationOf"/>).</summary>
    internal bool ReadsCadssPeak => _links is not null || _hypothesis.ExpectancyBoostMadrs > 0;

    /// <summary>Patient <paramref name="index"/> as sampled from this simulator's population and seed.</summary>
    internal VirtualSubject Sample(int index) => _population.SampleSubject(_seed, index);

    /// <summary>Patient <paramref name="index"/>'s dose multiplier (1 without a dose spread).</summary>
    internal double DoseFactorOf(int index) => _doseFactor?.Invoke(index) ?? 1;

    /// <summary>Patient <paramref name="index"/>'s arm.</summary>
    internal int ArmOf(int index) => _design.ArmOf(index);

    /// <summary>
    /// True when a patient's PK under this simulator and under <paramref name="other"/> is made from the same inputs wherever the
    /// patient's covariates, PK random effects and dose multiplier agree: the same PK parameter set, seed, arms (the same objects,
    /// so the same regimens) and arm sizes.
    /// </summary>
    internal bool SharesPkSetting(TrialSimulator other) =>
        ReferenceEquals(_population.Pk, other._population.Pk) && _seed == other._seed && _design.TotalSubjects == other._design.TotalSubjects
        && _design.Arms.Length == other._design.Arms.Length && _design.Arms.Select((a, i) => ReferenceEquals(a, other._design.Arms[i])).All(x => x);

    /// <summary>True when, besides the PK (<see cref="SharesPkSetting"/>), the dissociation of a patient is simulated the same way under
    /// both simulators wherever its dissociation model's random effects agree: the same effect parameter set, drug and output times.</summary>
    internal bool SharesDissociationSetting(TrialSimulator other) =>
        SharesPkSetting(other) && ReferenceEquals(_population.Effects, other._population.Effects) && _design.Drug == other._design.Drug
        && Bits.Same(_outputTimesH, other._outputTimesH) && _cadssIndex == other._cadssIndex;

    /// <summary>True when, besides the PK (<see cref="SharesPkSetting"/>), the antidepressant course of a patient is simulated the same
    /// way under both simulators wherever its antidepressant model's random effects agree: both hypotheses link nothing, and the same
    /// effect parameter set, drug, output times and assessments.</summary>
    internal bool SharesCourseSetting(TrialSimulator other) =>
        SharesPkSetting(other) && _links is null && other._links is null && ReferenceEquals(_population.Effects, other._population.Effects)
        && _design.Drug == other._design.Drug && Bits.Same(_outputTimesH, other._outputTimesH) && _assessmentIndex.AsSpan().SequenceEqual(other._assessmentIndex);

    /// <summary>True when both simulators march through the same output times (bit for bit).</summary>
    internal bool SharesOutputTimes(TrialSimulator other) => Bits.Same(_outputTimesH, other._outputTimesH);

    /// <summary>Subject <paramref name="index"/>'s dissociation part, from the cache when another simulator has made it (the
    /// sampled patient drawn again from its stream: the same values), or the one this thread made or read last for the same
    /// cache, population, seed and patient (a patient's courses under each hypothesis are simulated one after the other on one
    /// thread: the patient is then not sampled again).</summary>
    public DissociationPart Dissociation(int index)
    {
        if (_cache is null) return SimulateDissociation(index);
        if (_lastPart is { } part && _lastCache == _cache && _lastPopulation == _population && _lastSeed == _seed && _lastIndex == index) return part;
        return _cache.Part(index) is { } values
            ? Remember(index, new DissociationPart(_population.SampleSubject(_seed, index), values) { Pk = _cache.Pk(index) })
            : SimulateDissociation(index);
    }

    // The dissociation part this thread made or read last, with what identifies it (see Dissociation): in fields, not a record made
    // per patient.
    [ThreadStatic] private static DissociationPart? _lastPart;
    [ThreadStatic] private static PatientCache? _lastCache;
    [ThreadStatic] private static PopulationModel? _lastPopulation;
    [ThreadStatic] private static ulong _lastSeed;
    [ThreadStatic] private static int _lastIndex;

    private DissociationPart Remember(int index, DissociationPart part)
    {
        if (_cache is not null) (_lastPart, _lastCache, _lastPopulation, _lastSeed, _lastIndex) = (part, _cache, _population, _seed, index);
        return part;
    }

    /// <summary>Subject <paramref name="index"/>'s true peak CADSS (the links' reference samples).</summary>
    /// <remarks>The same march and arithmetic as <see cref="SimulateDissociation"/> (so the same peak, bit for bit), without the exposure
    /// metrics (Cmax, AUC0-24) and the values it keeps.</remarks>
    public double SimulateDissociationPeak(int index)
    {
        var vs = _population.SampleSubject(_seed, index);
        var regimen = Regimen(_design.ArmOf(index), _doseFactor?.Invoke(index) ?? 1);
        var pk = vs.CreatePkModel(_population.Pk, regimen);
        var dissociation = vs.CreateDissociation(_population.Effects, _design.Drug);
        DissociationRun.CheckDriver(pk, dissociation);
        return DissociationRun.Simulate(PreparedPk.Create(pk, regimen), dissociation, _options, _outputTimesH, _cadssIndex, exposure: false).Peak;
    }

    /// <summary>Arm <paramref name="armIndex"/>'s regimen with its dose scaled by <paramref name="factor"/>.</summary>
    private DosingRegimen Regimen(int armIndex, double factor)
    {
        if (factor == 1) return _regimens[armIndex];
        var arm = _design.Arms[armIndex];
        return DosingRegimen.Repeated(arm.Administration.WithDose(arm.Administration.Dose.Scale(factor)), arm.Sessions, arm.Interval);
    }

    /// <summary>Baseline MADRS, placebo improvement and slow (standard-of-care) improvement of subject <paramref name="index"/> under this design's clinical model (stream 1).</summary>
    private (double Baseline, double Placebo, double SlowPlacebo) ClinicalDraws(int index)
    {
        var clinical = _design.Clinical;
        var random = new SubjectRandom(_seed, index, 1);
        double baseline = Math.Clamp(clinical.BaselineMean + clinical.BaselineSd * random.NextStandardNormal(), 1, 60);
        double placebo = clinical.PlaceboMean + clinical.PlaceboSd * random.NextStandardNormal();
        double slow = clinical.SlowPlaceboMean + clinical.SlowPlaceboSd * random.NextStandardNormal();   // drawn last: the draws above keep their values
        return (baseline, placebo, slow);
    }

    /// <summary>A subject simulated under another clinical model, with baseline and placebo redrawn from the same stream under this one (common random numbers).</summary>
    public SimulatedSubject WithClinicalDraws(SimulatedSubject s)
    {
        var (baseline, placebo, slow) = ClinicalDraws(s.Index);
        return s with { BaselineMadrs = baseline, PlaceboMadrs = placebo, SlowPlaceboMadrs = slow };
    }

    /// <summary>Baseline MADRS, placebo and slow improvement of patient <paramref name="index"/> under this design's clinical model.</summary>
    public (double Baseline, double Placebo, double SlowPlacebo) ClinicalDrawsOf(int index) => ClinicalDraws(index);

    /// <summary>
    /// Rates pool patient <paramref name="slot"/> with stream <paramref name="stream"/> as <see cref="Rate"/> does (the same draws in
    /// the same order and the same arithmetic, so the same values bit for bit), keeping only what a replicate trial uses: the rated
    /// CADSS and the % change at assessment <paramref name="assessment"/>. Draws after that assessment's are not made, and nothing is allocated but the stream.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    public double RatePercentChange(RatingPool pool, int slot, int assessment, long stream, out double cadssRated)
    {
        // RatingDraws' draws, made here with the generator in this method's own scope, and the method kept out of its callers'
        // loops (NoInlining). When the generator was a class, the JIT kept it on the stack only so; through a call to RatingDraws, or
        // inlined into the replicate loop, it was allocated: 48 bytes per rating. It is now a struct (on the stack in any case).
        var random = new SubjectRandom(_seed, pool.IndexOf(slot), stream);
        double cadssNoise = random.NextStandardNormal();
        random.SkipStandardNormal();   // the rated peak
        for (int i = 0; i < assessment; i++) random.SkipStandardNormal();
        return RatedPercentChange(pool, slot, assessment, cadssNoise, random.NextStandardNormal(), out cadssRated);
    }

    /// <summary>
    /// The standard-normal draws <see cref="RatePercentChange"/> rates patient <paramref name="index"/> with under stream
    /// <paramref name="stream"/>: the CADSS noise (the stream's first draw) and the depression rating noise at assessment
    /// <paramref name="assessment"/> (the draws of the rated peak and of the earlier assessments skipped, as <see cref="Rate"/>
    /// makes them). They depend on the seed, patient, stream and assessment only, not on the design or hypothesis, so settings
    /// that rate the same patients with the same streams can draw them once.
    /// </summary>
    public static (double CadssNoise, double RatingNoise) RatingDraws(ulong seed, int index, long stream, int assessment)
    {
        var random = new SubjectRandom(seed, index, stream);
        double cadssNoise = random.NextStandardNormal();
        random.SkipStandardNormal();   // the rated peak
        for (int i = 0; i < assessment; i++) random.SkipStandardNormal();
        return (cadssNoise, random.NextStandardNormal());
    }

    /// <summary>The seed whose streams this simulator rates with (<see cref="RatingDraws"/>).</summary>
    public ulong Seed => _seed;

    /// <summary>
    /// <see cref="RatePercentChange"/>'s arithmetic on the draws <see cref="RatingDraws"/> gives for the patient in
    /// <paramref name="slot"/>: the rated CADSS and the % change at assessment <paramref name="assessment"/>.
    /// </summary>
    public double RatedPercentChange(RatingPool pool, int slot, int assessment, double cadssNoise, double ratingNoise, out double cadssRated)
    {
        var clinical = _design.Clinical;
        cadssRated = Math.Clamp(pool.Cadss[slot] + clinical.CadssNoiseSd * cadssNoise, 0, RatingScales.CadssMaximum);
        bool noticed = _hypothesis.ExpectancyBoostMadrs > 0 && pool.CadssPeak[slot] > _hypothesis.ExpectancyThresholdCadss;
        double placebo = pool.Placebo[slot] + (noticed ? _hypothesis.ExpectancyBoostMadrs : 0) + (_activeControl[pool.Arm[slot]] ? clinical.ActiveControlMadrs : 0);
        var scale = _design.Scale;
        double perPoint = scale.PerMadrsPoint(), max = scale.Maximum();
        double baselineMadrs = pool.Baseline[slot];
        double baseline = baselineMadrs * perPoint;
        double madrs = baselineMadrs - placebo * _placeboCourse[assessment] - pool.SlowPlacebo[slot] * _slowOnset[assessment]
            + pool.Effect(slot, assessment)
            + clinical.RatingNoiseSd * ratingNoise;
        double score = Math.Clamp(madrs * perPoint, 0, max);
        double change = score - baseline;
        return 100 * change / baseline;
    }

    /// <summary>Rates a simulated subject with the rating-noise stream <paramref name="stream"/> (2 for a single trial; 2 + r for replicate r).</summary>
    public TrialSubjectResult Rate(SimulatedSubject s, long stream)
    {
        var clinical = _design.Clinical;
        var random = new SubjectRandom(_seed, s.Index, stream);
        double cadss = Math.Clamp(s.CadssAtRatingTime + clinical.CadssNoiseSd * random.NextStandardNormal(), 0, RatingScales.CadssMaximum);
        double peak = Math.Clamp(s.CadssPeak + clinical.CadssNoiseSd * random.NextStandardNormal(), 0, RatingScales.CadssMaximum);
        bool noticed = _hypothesis.ExpectancyBoostMadrs > 0 && s.CadssPeak > _hypothesis.ExpectancyThresholdCadss;
        double placebo = s.PlaceboMadrs + (noticed ? _hypothesis.ExpectancyBoostMadrs : 0)
            + (_design.Arms[s.Arm].Administration.Dose.Value == 0 ? clinical.ActiveControlMadrs : 0);
        var scale = _design.Scale;
        double perPoint = scale.PerMadrsPoint(), max = scale.Maximum(), cutoff = scale.RemissionCutoff();
        double baseline = s.BaselineMadrs * perPoint;
        int k = _assessmentHours.Length;
        var scores = new double[k];
        var changes = new double[k];
        var percent = new double[k];
        var responders = new bool[k];
        var remitters = new bool[k];
        for (int i = 0; i < k; i++)
        {
            double madrs = s.BaselineMadrs - placebo * clinical.PlaceboCourse(_assessmentHours[i]) - s.SlowPlaceboMadrs * clinical.SlowPlaceboOnset(_assessmentHours[i])
                + s.DrugEffectMadrs[i]
                + clinical.RatingNoiseSd * random.NextStandardNormal();
            scores[i] = Math.Clamp(madrs * perPoint, 0, max);
            changes[i] = scores[i] - baseline;
            percent[i] = 100 * changes[i] / baseline;
            responders[i] = percent[i] <= -50;
            remitters[i] = scores[i] <= cutoff;
        }
        return new TrialSubjectResult(s, cadss, peak, noticed, baseline, ImmutableArray.Create(scores), ImmutableArray.Create(changes),
            ImmutableArray.Create(percent), ImmutableArray.Create(responders), ImmutableArray.Create(remitters));
    }
}

using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Populations;
using MathNet.Numerics.Distributions;

namespace KetaminePkPd.Trials;

/// <summary>
/// A hypothesis as a dependence structure between the two effects' random effects, with each effect's marginal distribution
/// left as calibrated (docs/model.md section 5). Built once per design and hypothesis; applied to each sampled patient.
/// </summary>
/// <remarks>
/// <para>Two latent scores carry the link. The <em>dissociation propensity</em> p_D is the standardized linear combination
/// of the dissociation random effects (C50_D, EMAX_D, ... whitened within their block) in the direction in which the typical
/// patient's log CADSS at the design's rating time rises fastest; the <em>antidepressant responsiveness</em> p_A is the same
/// for the antidepressant random effects (EC50_A, SCALE_A, KDEC, ...) and the log of the patient's summed drug effect over the
/// design's assessments. Both directions come from central differences on the typical patient of each active arm. Only p_A
/// is changed, by rotating the antidepressant random effects along their direction: w_A' = w_A + d_A (p_A' - p_A), so that
/// w_A' is again standard normal whatever p_A' is, as long as p_A' is standard normal and independent of the rest of w_A.
/// The antidepressant effect's marginal distribution is therefore the same at every strength; dissociation is never changed.</para>
/// <para>shared-sensitivity (rho): p_A' = rho p_D + sqrt(1 - rho^2) p_A, a Gaussian copula: corr(p_D, p_A') = rho.</para>
/// <para>mediation (share s): p_A' = sqrt(s) z + sqrt(1 - s) p_A, where z is the normal score of the patient's own true
/// (unrated) peak CADSS within the arm's exposure-only distribution (a reference sample of <see cref="ReferenceSize"/>
/// patients of the same arm with the fixed seed <see cref="ReferenceSeed"/>). The responsiveness then depends on how much
/// the patient actually dissociated, exposure included; at s = 1 it is set by it entirely.</para>
/// <para>Strength 0 changes nothing (the patient is returned as drawn), so rho = 0 and s = 0 equal exposure-only bit for bit.
/// Requires that the antidepressant random effects are uncorrelated with every other random effect in the population.</para>
/// </remarks>
internal sealed class HypothesisLinks
{
    /// <summary>Patients in each arm's reference sample of true peak CADSS (mediation).</summary>
    public const int ReferenceSize = 4000;

    /// <summary>The seed of the reference samples, fixed so that the hypothesis does not depend on the user's seed.</summary>
    public const ulong ReferenceSeed = 0x4D454449415445UL;

    private const double Step = 0.05;
    private readonly Hypothesis _hypothesis;
    private readonly int[] _d, _a;               // effect-parameter indices of the dissociation and antidepressant blocks with variability
    private readonly double[] _lD, _lA;          // Cholesky factors of the two blocks' covariances (row-major)
    private readonly ArmLink?[] _arms;

    private sealed record ArmLink(double[] DissociationDirection, double[] ResponsivenessDirection, double[]? ReferencePeaks);

    private HypothesisLinks(Hypothesis hypothesis, int[] d, int[] a, double[] lD, double[] lA, ArmLink?[] arms)
    {
        _hypothesis = hypothesis;
        _d = d;
        _a = a;
        _lD = lD;
        _lA = lA;
        _arms = arms;
    }

    /// <summary>The names of the effect parameters of the dissociation model.</summary>
    public static ImmutableArray<string> DissociationBlock { get; } = ["KE0_D", "C50_D", "EMAX_D", "HILL_D", "KTA_D", "TA50_D", "KTS_D", "TS50_D"];

    /// <summary>The names of the effect parameters of the antidepressant model.</summary>
    public static ImmutableArray<string> AntidepressantBlock { get; } = ["KE0_A", "EC50_A", "KTR", "KDEC", "BETA", "SCALE_A", "KTOL_A", "TOL50_A", "ESKPOT_A"];

    /// <summary>The links of <paramref name="hypothesis"/> for <paramref name="design"/>, or null when it links nothing (exposure-only and expectancy).</summary>
    /// <param name="design">The design.</param>
    /// <param name="hypothesis">The hypothesis.</param>
    /// <param name="parallel">Simulate a reference sample that is not cached yet on all cores (the same sample either way).</param>
    /// <exception cref="ArgumentException">The population cannot express the link: no variability on either block, or antidepressant random effects correlated with others.</exception>
    public static HypothesisLinks? Create(TrialDesign design, Hypothesis hypothesis, bool parallel = false)
    {
        if (hypothesis.SensitivityCorrelation == 0 && hypothesis.MediationShare == 0) return null;
        Check(design, hypothesis);
        return Build(design, hypothesis, hypothesis.MediationShare > 0, parallel);
    }

    /// <summary>Checks, without simulating, that <paramref name="design"/>'s population can express <paramref name="hypothesis"/>.</summary>
    /// <exception cref="ArgumentException">Shared sensitivity combined with mediation, no variability on a block the link needs, or
    /// antidepressant random effects correlated with others.</exception>
    public static void Check(TrialDesign design, Hypothesis hypothesis)
    {
        if (hypothesis.SensitivityCorrelation == 0 && hypothesis.MediationShare == 0) return;
        if (hypothesis.SensitivityCorrelation != 0 && hypothesis.MediationShare != 0)
            throw new ArgumentException($"Hypothesis '{hypothesis.Name}' combines a shared sensitivity (rho {hypothesis.SensitivityCorrelation}) with mediation (share {hypothesis.MediationShare}); " +
                "both act on the antidepressant responsiveness, and together they would change its distribution. Give one of them (either may be combined with expectancy).", nameof(hypothesis));
        var v = design.Population.Variability;
        var effects = design.Population.Effects;
        var d = Indices(v, effects, DissociationBlock);
        var a = Indices(v, effects, AntidepressantBlock);
        if (a.Length == 0)
            throw new ArgumentException($"The {hypothesis.Name} hypothesis acts on the antidepressant random effects ({string.Join(", ", AntidepressantBlock)}), but the population has variability on none of them.", nameof(hypothesis));
        if (hypothesis.SensitivityCorrelation != 0 && d.Length == 0)
            throw new ArgumentException($"The shared-sensitivity hypothesis correlates the dissociation random effects ({string.Join(", ", DissociationBlock)}) with the antidepressant ones, but the population has variability on none of the former.", nameof(hypothesis));
        var omega = v.Covariance();
        int k = v.Names.Length;
        int[] rowsA = [.. a.Select(i => v.IndexOf(effects.Parameters[i].Name))];
        foreach (int i in rowsA)
            for (int j = 0; j < k; j++)
                if (!rowsA.Contains(j) && omega[i * k + j] != 0)
                    throw new ArgumentException($"The {hypothesis.Name} hypothesis needs the antidepressant random effects uncorrelated with the others, but {v.Names[i]} and {v.Names[j]} are correlated.", nameof(hypothesis));
    }

    /// <summary>The scores of <see cref="Scores"/> for <paramref name="design"/>: the directions and the reference samples, no link applied.</summary>
    public static HypothesisLinks Scorer(TrialDesign design, bool parallel = false) => Build(design, Hypothesis.SharedSensitivity(1), withReference: true, parallel);

    private static HypothesisLinks Build(TrialDesign design, Hypothesis hypothesis, bool withReference, bool parallel = false)
    {
        var population = design.Population;
        var v = population.Variability;
        var effects = population.Effects;
        var d = Indices(v, effects, DissociationBlock);
        var a = Indices(v, effects, AntidepressantBlock);
        var omega = v.Covariance();
        int k = v.Names.Length;
        int[] rowsD = [.. d.Select(i => v.IndexOf(effects.Parameters[i].Name))], rowsA = [.. a.Select(i => v.IndexOf(effects.Parameters[i].Name))];
        var lD = d.Length > 0 ? Cholesky(omega, k, rowsD) : [];
        var lA = Cholesky(omega, k, rowsA);

        var arms = new ArmLink?[design.Arms.Length];
        for (int arm = 0; arm < arms.Length; arm++)
        {
            var regimen = design.Arms[arm].Regimen;
            if (design.Arms[arm].Administration.Dose.Value == 0) continue;
            var directions = CachedDirections(design, arm, effects, d, a, lD, lA);
            if (directions is null) continue;
            double[]? reference = withReference ? ReferencePeaks(design, arm, parallel) : null;
            arms[arm] = new ArmLink(directions.Value.D, directions.Value.A, reference);
        }
        return new HypothesisLinks(hypothesis, d, a, lD, lA, arms);
    }

    /// <summary>Whether the link uses the patient's true peak CADSS (mediation).</summary>
    private bool NeedsDissociation => _hypothesis.MediationShare > 0;

    /// <summary>
    /// The effect random effects <paramref name="eta"/> of a patient in <paramref name="arm"/> with the link applied, into
    /// <paramref name="updated"/> (as long as <paramref name="eta"/>; a caller's buffer: a trial patient's course makes no subject and
    /// no array for them): false, and <paramref name="updated"/> untouched, in an arm without a link (the patient is then unchanged).
    /// <paramref name="peakCadss"/> is the patient's true peak CADSS (mediation only).
    /// </summary>
    public bool Apply(ReadOnlySpan<double> eta, int arm, double peakCadss, Span<double> updated)
    {
        var link = _arms[arm];
        if (link is null) return false;
        int ka = _a.Length;
        Span<double> wA = stackalloc double[ka];
        double pA = Latent(_lA, _a, eta, link.ResponsivenessDirection, wA);
        double target;
        if (NeedsDissociation)
        {
            double s = _hypothesis.MediationShare;
            target = Math.Sqrt(s) * NormalScore(link.ReferencePeaks!, peakCadss) + Math.Sqrt(1 - s) * pA;
        }
        else
        {
            double pD = Latent(_lD, _d, eta, link.DissociationDirection, stackalloc double[_d.Length]);
            double rho = _hypothesis.SensitivityCorrelation;
            target = rho * pD + Math.Sqrt(1 - rho * rho) * pA;
        }
        eta.CopyTo(updated);
        for (int i = 0; i < ka; i++) wA[i] += link.ResponsivenessDirection[i] * (target - pA);
        for (int i = 0; i < ka; i++)
        {
            double sum = 0;
            for (int j = 0; j <= i; j++) sum += _lA[i * ka + j] * wA[j];
            updated[_a[i]] = sum;
        }
        return true;
    }

    /// <summary>
    /// The latent scores of a patient as drawn: dissociation propensity p_D, antidepressant responsiveness p_A and the normal score z
    /// of their true peak CADSS in the arm's reference sample (NaN in arms without a link, e.g. placebo).
    /// </summary>
    public (double PD, double PA, double Z) Scores(VirtualSubject subject, int arm, double peakCadss)
    {
        var link = _arms[arm];
        if (link is null) return (double.NaN, double.NaN, double.NaN);
        var eta = subject.EffectRandomEffects.AsSpan();
        double pA = Latent(_lA, _a, eta, link.ResponsivenessDirection, stackalloc double[_a.Length]);
        double pD = _d.Length > 0 ? Latent(_lD, _d, eta, link.DissociationDirection, stackalloc double[_d.Length]) : 0;
        return (pD, pA, link.ReferencePeaks is { } peaks ? NormalScore(peaks, peakCadss) : double.NaN);
    }

    /// <summary>The normal score of x within sorted reference values: the inverse normal of its interpolated plotting position (j - 1/2) / M.</summary>
    internal static double NormalScore(double[] sorted, double x)
    {
        int m = sorted.Length;
        double position;
        if (x <= sorted[0]) position = 0.5;
        else if (x >= sorted[^1]) position = m - 0.5;
        else
        {
            int i = Array.BinarySearch(sorted, x);
            if (i >= 0)
            {
                int lo = i, hi = i;
                while (lo > 0 && sorted[lo - 1] == x) lo--;
                while (hi + 1 < m && sorted[hi + 1] == x) hi++;
                position = 0.5 * (lo + hi) + 0.5;
            }
            else
            {
                int upper = ~i, lower = upper - 1;
                position = lower + 0.5 + (x - sorted[lower]) / (sorted[upper] - sorted[lower]);
            }
        }
        return Normal.InvCDF(0, 1, position / m);
    }

    /// <summary>The effect-parameter indices of <paramref name="names"/> that have variability.</summary>
    /// <remarks>In the order of the variability (so that the block's Cholesky factor is the population's own).</remarks>
    private static int[] Indices(Variability v, EffectParameterSet effects, ImmutableArray<string> names) =>
        [.. names.Where(n => v.IndexOf(n) >= 0 && v.StandardDeviations[v.IndexOf(n)] > 0).OrderBy(v.IndexOf).Select(effects.IndexOf)];

    /// <summary>The lower Cholesky factor of the covariance submatrix on <paramref name="rows"/> (variability indices).</summary>
    private static double[] Cholesky(double[] omega, int k, int[] rows)
    {
        int b = rows.Length;
        var l = new double[b * b];
        for (int j = 0; j < b; j++)
        {
            double diag = omega[rows[j] * k + rows[j]];
            for (int p = 0; p < j; p++) diag -= l[j * b + p] * l[j * b + p];
            if (diag <= 1e-14) throw new ArgumentException("The random effects of a hypothesis block must have a positive definite covariance.");
            double pivot = Math.Sqrt(diag);
            l[j * b + j] = pivot;
            for (int i = j + 1; i < b; i++)
            {
                double s = omega[rows[i] * k + rows[j]];
                for (int p = 0; p < j; p++) s -= l[i * b + p] * l[j * b + p];
                l[i * b + j] = s / pivot;
            }
        }
        return l;
    }

    /// <summary>A latent score: the block's random effects whitened into <paramref name="w"/> (w = L^-1 eta[idx]), then projected on the unit direction.</summary>
    private static double Latent(double[] l, int[] idx, ReadOnlySpan<double> eta, double[] direction, Span<double> w)
    {
        Solve(l, idx.Length, idx, eta, w);
        double p = 0;
        for (int i = 0; i < idx.Length; i++) p += direction[i] * w[i];
        return p;
    }

    /// <summary>w = L^-1 eta[idx] by forward substitution.</summary>
    private static void Solve(double[] l, int b, int[] idx, ReadOnlySpan<double> eta, Span<double> w)
    {
        for (int i = 0; i < b; i++)
        {
            double s = eta[idx[i]];
            for (int j = 0; j < i; j++) s -= l[i * b + j] * w[j];
            w[i] = s / l[i * b + i];
        }
    }

    /// <summary>The unit directions (in whitened coordinates) of steepest rise of the typical patient's log CADSS at the rating time
    /// and log summed drug effect, by central differences; null when the arm produces no effect to differentiate.</summary>
    private static (double[] D, double[] A)? Directions(TrialDesign design, DosingRegimen regimen, EffectParameterSet effects, int[] d, int[] a, double[] lD, double[] lA)
    {
        var times = design.Assessments.Append(design.CadssTime).Append(TimeSpan.Zero).Distinct().Order().ToList();
        var options = SimulationOptions.Default.AtTimes(times);
        int cadss = times.IndexOf(design.CadssTime);
        int[] assessments = [.. design.Assessments.Select(t => times.IndexOf(t))];
        var pk = design.Population.Pk.CreateModel(Subject.TypicalAdult);
        var eta = new double[effects.Parameters.Length];
        (double LogCadss, double LogDrug) Outcomes()
        {
            var model = new PkPdModel(pk, [effects.Dissociation(design.Drug, eta), effects.Antidepressant(design.Drug, eta)]);
            var r = PkPdSimulator.Simulate(model, regimen, options);
            double c = r.Dissociation.Values[cadss];
            var drug = r.Antidepressant.Values;
            double total = 0;
            foreach (int i in assessments) total += Math.Abs(drug[i]);
            return (Math.Log(Math.Max(c, 1e-300)), Math.Log(Math.Max(total, 1e-300)));
        }
        var (c0, a0) = Outcomes();
        if (c0 < -600 || a0 < -600) return null;
        double[] Gradient(int[] block, double[] l, bool dissociation)
        {
            int b = block.Length;
            var g = new double[b];
            for (int j = 0; j < b; j++)
            {
                // Move w_j by +-Step: eta[block] = L w changes by +-Step x column j of L.
                double plus, minus;
                for (int i = 0; i < b; i++) eta[block[i]] = Step * l[i * b + j];
                var up = Outcomes();
                for (int i = 0; i < b; i++) eta[block[i]] = -Step * l[i * b + j];
                var down = Outcomes();
                for (int i = 0; i < b; i++) eta[block[i]] = 0;
                plus = dissociation ? up.LogCadss : up.LogDrug;
                minus = dissociation ? down.LogCadss : down.LogDrug;
                g[j] = (plus - minus) / (2 * Step);
            }
            double norm = Math.Sqrt(g.Sum(x => x * x));
            if (!(norm > 1e-12)) return g.Select((_, i) => i == 0 ? 1.0 : 0.0).ToArray();
            for (int j = 0; j < b; j++) g[j] /= norm;
            return g;
        }
        return (Gradient(d, lD, true), Gradient(a, lA, false));
    }

    /// <summary>The directions of <see cref="Directions"/> for arm <paramref name="arm"/>, from the cache when an equal arm design had them
    /// computed before (they depend only on what <see cref="ReferenceDesign"/> keeps: the population, the drug, the times and the arm's
    /// regimen; shared-sensitivity and mediation of one design, and every strength of a scan, need the same).</summary>
    private static (double[] D, double[] A)? CachedDirections(TrialDesign design, int arm, EffectParameterSet effects, int[] d, int[] a, double[] lD, double[] lA)
    {
        var key = ReferenceDesign(design, arm);
        if (DirectionsCache.TryGetValue(key, out var cached)) return cached.Value;
        var directions = Directions(design, design.Arms[arm].Regimen, effects, d, a, lD, lA);
        if (DirectionsCache.Count >= MaxCachedReferences) DirectionsCache.Clear();
        DirectionsCache[key] = new StrongBox<(double[] D, double[] A)?>(directions);
        return directions;
    }

    // Directions by arm design (never written after they are stored; bounded as the reference samples are).
    private static readonly ConcurrentDictionary<TrialDesign, StrongBox<(double[] D, double[] A)?>> DirectionsCache = new();

    /// <summary>
    /// Starts simulating, in the background and on all cores, the reference samples that mediation under <paramref name="hypotheses"/>
    /// will need for <paramref name="design"/> and that are not cached: the caller can then do other work (e.g. the other hypotheses'
    /// directions) while they run, and <see cref="Create"/> waits for them. The samples are the same as those <see cref="Create"/> would
    /// simulate itself (each patient has its own stream and slot). Does nothing for hypotheses without mediation or that the population
    /// cannot express (<see cref="Create"/> then reports it).
    /// </summary>
    public static void StartReferences(TrialDesign design, IEnumerable<Hypothesis> hypotheses)
    {
        if (!hypotheses.Any(h => h.MediationShare > 0 && h.SensitivityCorrelation == 0 && CanExpress(design, h))) return;
        for (int arm = 0; arm < design.Arms.Length; arm++)
        {
            if (design.Arms[arm].Administration.Dose.Value == 0) continue;
            var armDesign = ReferenceDesign(design, arm);
            if (References.ContainsKey(armDesign) || Pending.ContainsKey(armDesign)) continue;
            var task = new Task<double[]>(() =>
            {
                try { return SimulateReference(armDesign, parallel: true); }
                finally { Pending.TryRemove(armDesign, out _); }
            });
            if (Pending.TryAdd(armDesign, task)) task.Start(TaskScheduler.Default);
        }
    }

    private static bool CanExpress(TrialDesign design, Hypothesis hypothesis)
    {
        try { Check(design, hypothesis); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The sorted true peak CADSS of the arm's reference sample (exposure-only, fixed seed), from the cache when an
    /// equal arm design was sampled before, or from the background when <see cref="StartReferences"/> is simulating it. With
    /// <paramref name="parallel"/> the patients are simulated on all cores, in contiguous chunks (each patient has its own stream and
    /// slot: the same peaks).</summary>
    private static double[] ReferencePeaks(TrialDesign design, int arm, bool parallel)
    {
        var armDesign = ReferenceDesign(design, arm);
        if (References.TryGetValue(armDesign, out var cached)) return cached;
        if (Pending.TryGetValue(armDesign, out var pending)) return pending.GetAwaiter().GetResult();
        return SimulateReference(armDesign, parallel);
    }

    /// <summary>Simulates, sorts and caches the reference sample of <paramref name="armDesign"/>.</summary>
    private static double[] SimulateReference(TrialDesign armDesign, bool parallel)
    {
        var simulator = ReferenceSimulator(armDesign);
        var peaks = new double[ReferenceSize];
        if (parallel) ParallelChunks.For(0, ReferenceSize, (from, to) => { for (int i = from; i < to; i++) peaks[i] = simulator.SimulateDissociationPeak(i); });
        else for (int i = 0; i < ReferenceSize; i++) peaks[i] = simulator.SimulateDissociationPeak(i);
        RememberReference(armDesign, peaks);
        return peaks;
    }

    // Reference samples being simulated in the background (StartReferences), until they are cached.
    private static readonly ConcurrentDictionary<TrialDesign, Task<double[]>> Pending = new();

    // Reference samples depend only on the arm's design (population, effects, regimen), not on the hypothesis, its strength or
    // the seed: every mediation simulator of an equal arm (each strength of a scan, each evidence pool) shares one. Bounded:
    // at most MaxCachedReferences samples of ReferenceSize doubles (2 MB), cleared whole when full.
    private static readonly ConcurrentDictionary<TrialDesign, double[]> References = new();
    private const int MaxCachedReferences = 64;

    /// <summary>The one-arm design whose patients 0 .. <see cref="ReferenceSize"/> - 1 form arm <paramref name="arm"/>'s reference sample.</summary>
    internal static TrialDesign ReferenceDesign(TrialDesign design, int arm) => design.With(arms: [design.Arms[arm].WithSubjects(ReferenceSize)]);

    /// <summary>The simulator of a reference sample: exposure-only, <see cref="ReferenceSeed"/>; patient i's peak is
    /// <see cref="TrialSimulator.SimulateDissociationPeak"/>(i).</summary>
    internal static TrialSimulator ReferenceSimulator(TrialDesign referenceDesign) => new(referenceDesign, Hypothesis.ExposureOnly, ReferenceSeed);

    /// <summary>Whether the reference sample of <paramref name="referenceDesign"/> is cached.</summary>
    internal static bool HasReference(TrialDesign referenceDesign) => References.ContainsKey(referenceDesign);

    /// <summary>Sorts and caches the <see cref="ReferenceSize"/> peaks of <paramref name="referenceDesign"/> (a caller that samples
    /// them in steps hands them over here; the sample is the same whoever computes it).</summary>
    internal static void RememberReference(TrialDesign referenceDesign, double[] peaks)
    {
        if (peaks.Length != ReferenceSize) throw new ArgumentException($"A reference sample holds {ReferenceSize} peaks, got {peaks.Length}.", nameof(peaks));
        Array.Sort(peaks);
        if (References.Count >= MaxCachedReferences) References.Clear();
        References[referenceDesign] = peaks;
    }
}

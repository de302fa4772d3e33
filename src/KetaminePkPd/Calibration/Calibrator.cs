using System.Collections.Immutable;
using System.Diagnostics;
using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Validation;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using MathNet.Numerics.RootFinding;

namespace KetaminePkPd.Calibration;

/// <summary>
/// Calibration as code: re-derives the PROVISIONAL effect parameters from the validation catalogue's calibration targets
/// (docs/calibration.md).
/// </summary>
/// <remarks>
/// <para><b>Objective.</b> F = sum_i r_i^2, r_i = (s_i - y_i) / h_i: s_i the simulated value, y_i the published value (the
/// midpoint of the acceptance interval [L_i, H_i] when none is published or it lies outside), h_i = H_i - y_i when s_i &gt;= y_i
/// and y_i - L_i when below. Targets of zero width (exact counts) are left out. The virtual-trial targets use common random
/// numbers: the same seed and the same patients at every evaluation, so F moves smoothly with the parameters rather than with
/// the Monte Carlo noise.</para>
/// <para><b>Parameters and blocks.</b> KTR, KDEC, BETA and ESKPOT_A (the antidepressant effect: the racemic course's shape, its
/// day-1 size and spread with the response rate smoothed (<see cref="CalibrationBlocks.SmoothedShare"/>) and esketamine's effect at
/// day 1 and after four weeks), KTA_D (the dissociation timing) and EMAX_D (the CADSS
/// distribution), each with search bounds, fitted on a log scale (BETA, negative, on its natural scale) through a logit of the
/// position within the bounds. TA50_D, TS50_D, KTOL_A and TOL50_A are not fitted (docs/calibration.md). The objective separates
/// into these three blocks (a later block's targets depend on earlier blocks' parameters, never the reverse), which are fitted one
/// after the other.</para>
/// <para><b>Optimizer.</b> MathNet.Numerics' Nelder-Mead simplex on the unconstrained coordinates, initial step 0.5, stopping when
/// the objective differs by less than <see cref="CalibrationSettings.Tolerance"/> across the simplex, then restarted once from
/// its result (a standard guard against a collapsed simplex).</para>
/// <para><b>Intervals.</b> The 95% profile-likelihood interval of each parameter: the values of the parameter at which the
/// block's objective, minimized over the block's other parameters, is at most the minimum + 1; where the tolerances are 95%
/// half-widths (1.96 SE) this is the chi-square(1) bound 3.84 in SE units. In blocks of at most two
/// free parameters it is computed exactly (Nelder-Mead over the others, initial step 0.2, tolerance 1e-5; ends found by stepping out
/// from the fit on the parameter's log scale, steps of 0.1 doubling, then Brent's method, MathNet, to 1e-3 on the log scale). In
/// larger blocks, where each profile point is a fit of its own, it is the profile of the objective's quadratic approximation at the
/// fit: s_j -/+ sqrt(2 (H^-1)_jj), H the Hessian on the optimizer's scale by central differences of step <see cref="QuadraticStep"/>.
/// An end that reaches the search bound is reported as open. The objective counts every target as an independent measurement; the
/// intervals say how well the targets determine each parameter, not a posterior.</para>
/// <para>The public entry points are <see cref="CalibrationResult.Run"/> and <see cref="CalibrationSettings.TargetKeys"/>.</para>
/// </remarks>
internal static class Calibrator
{
    private const double InitialStep = 0.5, ProfileInitialStep = 0.2, ProfileTolerance = 1e-5, ProfileStep = 0.1, ProfileAccuracy = 1e-3;
    private const int ProfileMaxEvaluations = 600;

    /// <summary>The finite-difference step of the quadratic intervals' Hessian, on the optimizer's scale (ln theta; BETA's natural scale).</summary>
    internal const double QuadraticStep = 0.05;

    /// <summary>The keys of the catalogue targets the calibration measures (the objective's possible terms), in block order.</summary>
    public static IReadOnlyList<string> TargetKeys { get; } = [.. CalibrationBlocks.All.SelectMany(b => b.TargetKeys)];

    /// <summary>Fits the calibration blocks to the settings' targets.</summary>
    /// <param name="settings">Targets, start values, seed and sizes; null for <see cref="CalibrationSettings.Default"/>.</param>
    /// <param name="progress">Receives the name of each block as its fit starts, or null.</param>
    /// <returns>The fitted set, each parameter with its interval and each target with its residual.</returns>
    /// <exception cref="NonFiniteResultException">A simulation gave a non-finite value.</exception>
    public static CalibrationResult Run(CalibrationSettings? settings = null, IProgress<string>? progress = null)
    {
        settings ??= CalibrationSettings.Default;
        var clock = Stopwatch.StartNew();
        var byKey = settings.Targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var current = settings.Start;
        var parameters = ImmutableArray.CreateBuilder<CalibrationParameterFit>();
        var targets = ImmutableArray.CreateBuilder<CalibrationTargetFit>();
        int evaluations = 0;
        foreach (var block in CalibrationBlocks.All)
        {
            progress?.Report(block.Name);
            var blockTargets = block.TargetKeys.Where(byKey.ContainsKey).Select(k => byKey[k]).Where(CalibrationObjective.IsFittable).ToArray();
            // A parameter none of whose targets is given is held at its start value (the objective is flat in it).
            var free = block.Parameters.Where(p => p.IsMovedBy(blockTargets.Select(t => t.Key))).ToImmutableArray();
            var fit = new BlockFit(block, free, blockTargets, current, settings);
            var start = free.Select(p => current[p.Name].Value).ToArray();
            CalibrationParameterFit Held(CalibrationParameter p) => new(p.Name, block.Name, current[p.Name].Unit, current[p.Name].Value, current[p.Name].Value,
                double.NaN, double.NaN, false, false, p.Low, p.High, false, CalibrationParameterFit.NoInterval);
            if (blockTargets.Length == 0)
            {
                // Nothing to fit: the parameters keep their start values and nothing is simulated.
                parameters.AddRange(block.Parameters.Select(Held));
                continue;
            }
            // The values at the start set itself (for the first block the same as at the current one), so that "at start" is what validate shows.
            var startValues = ReferenceEquals(current, settings.Start) ? fit.Measure(start) : fit.MeasureSet(settings.Start);
            double[] fitted = fit.Minimize(start, settings.Tolerance, settings.MaxEvaluations);
            var fittedValues = fit.Measure(fitted);
            double minimum = fit.Objective(fitted);
            string method = !settings.Intervals ? CalibrationParameterFit.NoInterval
                : free.Length <= settings.ProfileMaxParameters ? CalibrationParameterFit.ProfileInterval : CalibrationParameterFit.QuadraticInterval;
            var quadratic = method == CalibrationParameterFit.QuadraticInterval ? fit.Quadratic(fitted) : null;
            foreach (var p in block.Parameters)
            {
                int j = free.IndexOf(p);
                if (j < 0)
                {
                    parameters.Add(Held(p));
                    continue;
                }
                var (low, high, lowOpen, highOpen) = method == CalibrationParameterFit.ProfileInterval ? fit.Profile(fitted, j, minimum)
                    : quadratic is not null ? quadratic[j] : (double.NaN, double.NaN, false, false);
                parameters.Add(new CalibrationParameterFit(p.Name, block.Name, current[p.Name].Unit, start[j], fitted[j], low, high, lowOpen, highOpen, p.Low, p.High, true, method));
            }
            foreach (var t in blockTargets)
                targets.Add(new CalibrationTargetFit(t.Key, block.Name, t.Unit, CalibrationObjective.TargetValue(t), t.Low, t.High, startValues[t.Key], fittedValues[t.Key],
                    CalibrationObjective.Residual(t, fittedValues[t.Key]), CalibrationObjective.Residual(t, startValues[t.Key])));
            current = fit.With(fitted);
            evaluations += fit.Evaluations;
        }
        var unfitted = settings.Targets.Where(t => !CalibrationBlocks.MeasurableKeys.Contains(t.Key) || !CalibrationObjective.IsFittable(t)).Select(t => t.Key).ToImmutableArray();
        return new CalibrationResult(settings, current, parameters.ToImmutable(), targets.ToImmutable(), unfitted, evaluations, clock.Elapsed);
    }

    /// <summary>
    /// The optimality check of a parameter set (the staleness test's): for every parameter a block fits, with the set's values as the
    /// point (<see cref="CalibrationSettings.Start"/>), the block's objective at the value and at +/- <paramref name="step"/> on the
    /// optimizer's scale (ln theta; BETA's natural scale), and the offset from the value to the vertex of the parabola through the three,
    /// h (F(-h) - F(+h)) / (2 (F(+h) - 2 F(0) + F(-h))). At a minimum of the objective every offset is near 0 and every curvature positive.
    /// Costs 1 + 2 x (parameters) evaluations per block.
    /// </summary>
    /// <param name="settings">The targets and the point (its start set).</param>
    /// <param name="step">The step h, in (0, 1].</param>
    internal static IReadOnlyList<(string Name, double Offset, double Curvature)> VertexOffsets(CalibrationSettings settings, double step)
    {
        Guard.InRangeExclusiveMin(step, 0, 1, nameof(step));
        var byKey = settings.Targets.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var offsets = new List<(string, double, double)>();
        foreach (var block in CalibrationBlocks.All)
        {
            var blockTargets = block.TargetKeys.Where(byKey.ContainsKey).Select(k => byKey[k]).Where(CalibrationObjective.IsFittable).ToArray();
            if (blockTargets.Length == 0) continue;
            var free = block.Parameters.Where(p => p.IsMovedBy(blockTargets.Select(t => t.Key))).ToImmutableArray();
            var fit = new BlockFit(block, free, blockTargets, settings.Start, settings);
            var centre = free.Select(p => settings.Start[p.Name].Value).ToArray();
            double f0 = fit.Objective(centre);
            for (int j = 0; j < centre.Length; j++)
            {
                var p = free[j];
                double At(double direction)
                {
                    var values = (double[])centre.Clone();
                    values[j] = p.FromScale(p.ToScale(centre[j]) + direction * step);
                    return fit.Objective(values);
                }
                double minus = At(-1), plus = At(+1), curvature = (plus - 2 * f0 + minus) / (step * step);
                offsets.Add((p.Name, step * (minus - plus) / (2 * (plus - 2 * f0 + minus)), curvature));
            }
        }
        return offsets;
    }

    /// <summary>One block's objective over the values of its free parameters, with every other parameter held at <c>baseSet</c>'s values.</summary>
    private sealed class BlockFit(CalibrationBlock block, ImmutableArray<CalibrationParameter> blockParameters, ValidationTarget[] targets, EffectParameterSet baseSet, CalibrationSettings settings)
    {
        public int Evaluations { get; private set; }

        public EffectParameterSet With(IReadOnlyList<double> values)
        {
            var set = baseSet;
            for (int j = 0; j < values.Count; j++) set = set.WithParameter(blockParameters[j].Name, values[j]);
            return set;
        }

        public IReadOnlyDictionary<string, double> Measure(IReadOnlyList<double> values)
        {
            Evaluations++;
            var measured = block.Measure(With(values), settings);
            foreach (var (key, x) in measured)
                if (!double.IsFinite(x)) throw new NonFiniteResultException($"Calibration block '{block.Name}': target '{key}' simulated as {x} at {Describe(values)}.");
            return measured;
        }

        public IReadOnlyDictionary<string, double> MeasureSet(EffectParameterSet set)
        {
            Evaluations++;
            return block.Measure(set, settings);
        }

        public double Objective(IReadOnlyList<double> values) => CalibrationObjective.Value(targets, Measure(values));

        /// <summary>Nelder-Mead over all the block's parameters from <paramref name="start"/>, restarted once from its result.</summary>
        public double[] Minimize(double[] start, double tolerance, int maxEvaluations)
        {
            var x = start;
            for (int round = 0; round < 2; round++)
                x = Minimize(x, Enumerable.Range(0, x.Length).ToArray(), tolerance, maxEvaluations, InitialStep);
            return x;
        }

        /// <summary>Nelder-Mead over the parameters <paramref name="free"/> (indices), the others held at <paramref name="values"/>.</summary>
        private double[] Minimize(double[] values, int[] free, double tolerance, int maxEvaluations, double initialStep)
        {
            var best = (double[])values.Clone();
            double bestF = double.PositiveInfinity;
            double F(Vector<double> z)
            {
                var trial = (double[])values.Clone();
                for (int k = 0; k < free.Length; k++) trial[free[k]] = blockParameters[free[k]].FromFree(z[k]);
                double f = Objective(trial);
                if (f < bestF) (bestF, best) = (f, trial);
                return 1 + f;   // shifted by 1 so that the simplex's relative stopping rule acts as an absolute one on F
            }
            var z0 = Vector<double>.Build.Dense(free.Length, k => blockParameters[free[k]].ToFree(values[free[k]]));
            try
            {
                new NelderMeadSimplex(tolerance, maxEvaluations).FindMinimum(ObjectiveFunction.Value(F), z0, Vector<double>.Build.Dense(free.Length, initialStep));
            }
            catch (MaximumIterationsException)
            {
                // The best point seen so far is kept; the report's objective shows how far it got.
            }
            return best;
        }

        /// <summary>The 95% profile interval of parameter <paramref name="j"/>: where the profile objective crosses <paramref name="minimum"/> + 1.</summary>
        public (double Low, double High, bool LowOpen, bool HighOpen) Profile(double[] fitted, int j, double minimum)
        {
            var p = blockParameters[j];
            int[] others = [.. Enumerable.Range(0, fitted.Length).Where(k => k != j)];
            double Excess(double s)
            {
                var values = (double[])fitted.Clone();
                values[j] = p.FromScale(s);
                if (others.Length > 0) values = Minimize(values, others, ProfileTolerance, ProfileMaxEvaluations, ProfileInitialStep);
                return Objective(values) - minimum - 1;
            }
            double centre = p.ToScale(fitted[j]);
            (double, bool) End(double direction)
            {
                double bound = p.ToScale(direction > 0 ? p.High : p.Low), inside = centre, step = ProfileStep;
                while (true)
                {
                    double s = centre + direction * step;
                    if (direction * (s - bound) >= 0) return Excess(bound) < 0 ? (p.FromScale(bound), true) : (p.FromScale(Brent.FindRoot(Excess, Math.Min(inside, bound), Math.Max(inside, bound), ProfileAccuracy, 100)), false);
                    if (Excess(s) >= 0) return (p.FromScale(Brent.FindRoot(Excess, Math.Min(inside, s), Math.Max(inside, s), ProfileAccuracy, 100)), false);
                    inside = s;
                    step *= 2;
                }
            }
            var (low, lowOpen) = End(-1);
            var (high, highOpen) = End(+1);
            return (low, high, lowOpen, highOpen);
        }

        /// <summary>
        /// The quadratic approximation of every free parameter's 95% profile interval: the Hessian H of the objective at the fit on the
        /// optimizer's scale s (ln theta; BETA's natural scale) by central differences of step <see cref="QuadraticStep"/> (1 + 2n^2
        /// evaluations), and the interval s_j -/+ sqrt(2 (H^-1)_jj), where the quadratic's profile rises by 1. An end beyond the search
        /// bound, or a Hessian that is not positive definite (the objective flat or not at a minimum), is reported as open at the bound.
        /// </summary>
        public (double Low, double High, bool LowOpen, bool HighOpen)[] Quadratic(double[] fitted)
        {
            int n = fitted.Length;
            double h = QuadraticStep;
            var centre = fitted.Select((v, j) => blockParameters[j].ToScale(v)).ToArray();
            double F(params (int Index, double Direction)[] moves)
            {
                var values = (double[])fitted.Clone();
                foreach (var (j, d) in moves) values[j] = blockParameters[j].FromScale(centre[j] + d * h);
                return Objective(values);
            }
            double f0 = F();
            var hessian = Matrix<double>.Build.Dense(n, n);
            for (int j = 0; j < n; j++)
            {
                hessian[j, j] = (F((j, +1)) - 2 * f0 + F((j, -1))) / (h * h);
                for (int k = 0; k < j; k++)
                    hessian[j, k] = hessian[k, j] = (F((j, +1), (k, +1)) - F((j, +1), (k, -1)) - F((j, -1), (k, +1)) + F((j, -1), (k, -1))) / (4 * h * h);
            }
            Matrix<double>? inverse = null;
            try
            {
                var cholesky = hessian.Cholesky();
                inverse = cholesky.Solve(Matrix<double>.Build.DenseIdentity(n));
            }
            catch (ArgumentException)
            {
                // Not positive definite: no finite quadratic interval; every end is open.
            }
            var ends = new (double, double, bool, bool)[n];
            for (int j = 0; j < n; j++)
            {
                var p = blockParameters[j];
                double lo = p.ToScale(p.Low), hi = p.ToScale(p.High);
                double half = inverse is not null && inverse[j, j] > 0 ? Math.Sqrt(2 * inverse[j, j]) : double.PositiveInfinity;
                double a = centre[j] - half, b = centre[j] + half;
                ends[j] = (p.FromScale(Math.Max(a, lo)), p.FromScale(Math.Min(b, hi)), a <= lo, b >= hi);
            }
            return ends;
        }

        private string Describe(IReadOnlyList<double> values) =>
            string.Join(", ", values.Select((v, j) => $"{blockParameters[j].Name} = {v.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}

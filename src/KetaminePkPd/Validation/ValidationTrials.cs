using KetaminePkPd.Populations;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Validation;

/// <summary>
/// The validation table's virtual trials, run as one loop over all their patients: each patient is simulated and rated exactly as
/// <see cref="VirtualTrial.Run"/> does it (the same <see cref="TrialSimulator"/> calls, rating stream 2), so every
/// <see cref="TrialSubjectResult"/> has the bits of the patient of that run (tested). What the table does not use is not computed:
/// the trials' summaries (<see cref="TrialResult.Arms"/>, <see cref="TrialResult.Associations"/> with their mediation bootstraps,
/// about a fifth of the command's CPU before). On all cores the loop takes contiguous chunks of the patients of every trial
/// (<see cref="ParallelChunks"/>), so no core waits at the end of one trial while the other finishes it.
/// </summary>
internal static class ValidationTrials
{
    /// <summary>A trial of the table: its design and the hypothesis it is simulated under.</summary>
    /// <param name="Design">The design.</param>
    /// <param name="Hypothesis">What links the two effects.</param>
    internal readonly record struct Spec(TrialDesign Design, Hypothesis Hypothesis);

    /// <summary>A run trial: its design, hypothesis and every patient, in index order.</summary>
    /// <param name="Design">The design.</param>
    /// <param name="Hypothesis">The hypothesis it was simulated under.</param>
    /// <param name="Subjects">Every patient, rated with stream 2 (as <see cref="VirtualTrial.Run"/>).</param>
    internal sealed record Result(TrialDesign Design, Hypothesis Hypothesis, TrialSubjectResult[] Subjects)
    {
        /// <summary>
        /// For a hypothesis test's pool design of the same seed, the patients of this trial whose noise-free course the pool would simulate
        /// again: the same index in an arm with the same regimen, when the trial ran under exposure only and both designs have the same
        /// population, drug, assessment and CADSS times and clinical model (everything <see cref="TrialSimulator.Simulate(int)"/> reads).
        /// The lookup returns the course with the pool's arm, or null; the provider returns null when no patient can be shared.
        /// </summary>
        /// <param name="pool">The pool's design.</param>
        internal Func<int, SimulatedSubject?>? CoursesFor(TrialDesign pool)
        {
            var d = Design;
            if (!Hypothesis.IsExposureOnly || !SamePopulation(d.Population, pool.Population) || d.Drug != pool.Drug || d.CadssTime != pool.CadssTime
                || !d.Assessments.SequenceEqual(pool.Assessments) || !d.Clinical.Equals(pool.Clinical))
                return null;
            var subjects = Subjects;
            return index =>
            {
                if (index < 0 || index >= d.TotalSubjects || index >= pool.TotalSubjects) return null;
                var a = d.Arms[d.ArmOf(index)];
                int poolArm = pool.ArmOf(index);
                var b = pool.Arms[poolArm];
                if (!a.Administration.Equals(b.Administration) || a.Sessions != b.Sessions || a.Interval != b.Interval) return null;
                var s = subjects[index].Simulated;
                return s.Arm == poolArm ? s : s with { Arm = poolArm };
            };
        }
    }

    /// <summary>True when the two populations sample the same patients from the same streams: equal parameter sets and covariate
    /// distributions, and variability terms with the same names, SDs and correlations, bit for bit (<see cref="Variability"/> has no
    /// value equality, and <see cref="PopulationModel.Default"/> makes a new one on each call).</summary>
    internal static bool SamePopulation(PopulationModel a, PopulationModel b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (!a.Pk.Equals(b.Pk) || !a.Effects.Equals(b.Effects) || !a.Covariates.Equals(b.Covariates)) return false;
        Variability x = a.Variability, y = b.Variability;
        if (ReferenceEquals(x, y)) return true;
        if (!x.Names.SequenceEqual(y.Names, StringComparer.Ordinal) || !x.StandardDeviations.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(y.StandardDeviations.Select(BitConverter.DoubleToInt64Bits)))
            return false;
        foreach (string m in x.Names)
            foreach (string n in x.Names)
                if (BitConverter.DoubleToInt64Bits(x.Correlation(m, n)) != BitConverter.DoubleToInt64Bits(y.Correlation(m, n))) return false;
        return true;
    }

    /// <summary>Simulates and rates every patient of every trial.</summary>
    /// <param name="trials">The trials.</param>
    /// <param name="seed">The seed of every trial.</param>
    /// <param name="parallel">All cores (the patients of all trials in one loop) or the calling thread; the values are the same.</param>
    /// <returns>One result per trial, in the order given.</returns>
    /// <exception cref="ArgumentException">A hypothesis a trial's population cannot express.</exception>
    public static Result[] Run(IReadOnlyList<Spec> trials, ulong seed, bool parallel)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var simulators = new TrialSimulator[trials.Count];
        var subjects = new TrialSubjectResult[trials.Count][];
        // starts[t] is trial t's first position in the one range over all patients; starts[^1] the total.
        var starts = new int[trials.Count + 1];
        for (int t = 0; t < trials.Count; t++)
        {
            var design = trials[t].Design;
            simulators[t] = new TrialSimulator(design, trials[t].Hypothesis, seed, parallel: parallel);
            subjects[t] = new TrialSubjectResult[design.TotalSubjects];
            starts[t + 1] = checked(starts[t] + design.TotalSubjects);
        }
        void Body(int from, int to)
        {
            int t = Array.BinarySearch(starts, from);
            if (t < 0) t = ~t - 1;
            while (t + 1 < starts.Length && starts[t + 1] <= from) t++;   // skip trials without patients
            for (int k = from; k < to; k++)
            {
                while (k >= starts[t + 1]) t++;
                int i = k - starts[t];
                subjects[t][i] = simulators[t].Rate(simulators[t].Simulate(i), 2);
            }
        }
        int total = starts[^1];
        if (parallel) ParallelChunks.For(0, total, Body);
        else Body(0, total);
        var results = new Result[trials.Count];
        for (int t = 0; t < trials.Count; t++) results[t] = new Result(trials[t].Design, trials[t].Hypothesis, subjects[t]);
        return results;
    }
}

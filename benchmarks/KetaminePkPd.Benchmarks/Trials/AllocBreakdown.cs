using KetaminePkPd.Pharmacodynamics;
using KetaminePkPd.Trials;

namespace KetaminePkPd.Benchmarks.Trials;

internal static class AllocBreakdown
{
    public static void Run()
    {
        var design = TrialDesign.Nimh.WithTotalSubjects(10000);
        var pop = design.Population;
        var sim = new TrialSimulator(design, Hypothesis.ExposureOnly, 1);
        var linked = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.7), 1);
        for (int w = 0; w < 50; w++) { sim.Simulate(w); linked.Simulate(w); }
        const int n = 200;
        long B() => GC.GetAllocatedBytesForCurrentThread();
        long a0 = B(); for (int i = 0; i < n; i++) pop.SampleSubject(1, i); long sample = B() - a0;
        var vs = pop.SampleSubject(1, 3);
        a0 = B(); for (int i = 0; i < n; i++) vs.CreatePkModel(pop.Pk); long pk = B() - a0;
        var armRegimen = design.Arms[0].Regimen;   // made once, as a trial does (TrialArm.Regimen makes a new one at each read)
        a0 = B(); for (int i = 0; i < n; i++) vs.CreatePkModel(pop.Pk, armRegimen); long pkRegimen = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) vs.CreateDissociation(pop.Effects, design.Drug); long dis = B() - a0;
        var pkOnce = vs.CreatePkModel(pop.Pk);
        a0 = B(); for (int i = 0; i < n; i++) PreparedPk.Create(pkOnce, design.Arms[0].Regimen); long prepared = B() - a0;
        var held = new PreparedPk[2000];
        long before = GC.GetTotalMemory(true);
        for (int i = 0; i < held.Length; i++) { held[i] = PreparedPk.Create(pkOnce, design.Arms[0].Regimen); _ = held[i].StepLimit; }
        long kept = (GC.GetTotalMemory(true) - before) / held.Length;
        GC.KeepAlive(held);
        Console.WriteLine($"prepared PK: {prepared / n} bytes allocated to make, {kept} bytes kept per patient (with its step limit; GC.GetTotalMemory over {held.Length})");
        var model = new PkPdModel(vs.CreatePkModel(pop.Pk), [vs.CreateDissociation(pop.Effects, design.Drug)]);
        var opts = SimulationOptions.Default.AtTimes(design.Assessments.Append(design.CadssTime).Append(TimeSpan.Zero).Distinct().Order());
        a0 = B(); for (int i = 0; i < n; i++) PkPdSimulator.Simulate(model, design.Arms[0].Regimen, opts); long simd = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) { var r = PkPdSimulator.Simulate(model, design.Arms[0].Regimen, opts); _ = r.Pk.ParentCmaxAndAuc24(); } long simdm = B() - a0;
        var rr = PkPdSimulator.Simulate(model, design.Arms[0].Regimen, opts); rr.Pk.ParentCmaxAndAuc24();
        a0 = B(); for (int i = 0; i < n; i++) rr.Pk.ParentCmaxAndAuc24(); long peakOnly = B() - a0;
        Console.WriteLine($"peak again on one result: {peakOnly / n}");
        var preparedOnce = PreparedPk.Create(pkOnce, design.Arms[0].Regimen);
        var dissociationOnce = vs.CreateDissociation(pop.Effects, design.Drug);
        var outTimes = opts.OutputTimesH();
        for (int i = 0; i < 3; i++) DissociationRun.Simulate(preparedOnce, dissociationOnce, opts, outTimes, 1, exposure: true);
        a0 = B(); for (int i = 0; i < n; i++) DissociationRun.Simulate(preparedOnce, dissociationOnce, opts, outTimes, 1, exposure: false); long runPeak = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) DissociationRun.Simulate(preparedOnce, dissociationOnce, opts, outTimes, 1, exposure: true); long runAll = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) _ = new PkPdSystem([dissociationOnce], preparedOnce.System); long system = B() - a0;
        Console.WriteLine($"dissociation run on a prepared PK: peak only {runPeak / n}, with Cmax and AUC0-24 {runAll / n}; its PkPdSystem {system / n}");
        var model2 = new PkPdModel(vs.CreatePkModel(pop.Pk), [vs.CreateAntidepressant(pop.Effects, design.Drug)]);
        a0 = B(); for (int i = 0; i < n; i++) PkPdSimulator.Simulate(model2, design.Arms[0].Regimen, opts); long sima = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) sim.SimulateDissociation(i); long sd = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) sim.Simulate(i); long s = B() - a0;
        a0 = B(); for (int i = 0; i < n; i++) linked.Simulate(i); long sl = B() - a0;
        var keptCache = new PatientCache(Enumerable.Range(0, n).ToArray(), keepPk: true);
        var keptFirst = new TrialSimulator(design, Hypothesis.ExposureOnly, 1, cache: keptCache);
        var keptLinked = new TrialSimulator(design, Hypothesis.SharedSensitivity(0.7), 1, cache: keptCache);
        for (int i = 0; i < n; i++) keptFirst.Simulate(i);
        a0 = B(); for (int i = 0; i < n; i++) keptLinked.Simulate(i); long course = B() - a0;
        Console.WriteLine($"linked course, dissociation and prepared PK cached (as the hypothesis test's second and later hypotheses): {course / n}");
        Console.WriteLine($"per call bytes: sample {sample / n}, pkmodel {pk / n} (for the arm's regimen, as a trial builds it: {pkRegimen / n}), dissociation model {dis / n}, sim dissociation {simd / n}, +metrics {simdm / n}, sim antidep {sima / n}, SimulateDissociation {sd / n}, Simulate (exposure-only full) {s / n}, Simulate linked {sl / n}");
    }
}

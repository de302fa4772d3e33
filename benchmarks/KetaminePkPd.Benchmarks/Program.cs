using BenchmarkDotNet.Running;
using KetaminePkPd.Benchmarks.Trials;

// Run all:   dotnet run -c Release --project benchmarks/KetaminePkPd.Benchmarks -- --filter '*'
// Quick run: add --job short (or --job Dry to check that everything runs).
// The main job in-process, its time and allocation per simulated patient (GC.GetTotalAllocatedBytes): -- main-job [runs] [serial]
// Peak memory of a global analysis by its number of worlds (one process per count): -- global-memory WORLDS
if (args.Length > 1 && args[0] == "global-memory") { KetaminePkPd.Benchmarks.Sensitivity.GlobalMemoryMeasure.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)); return; }
if (args.Length > 0 && args[0] == "alloc") { AllocBreakdown.Run(); return; }
if (args.Length > 0 && args[0] == "course-allocation") { CourseAllocation.Run(); return; }
// The main job's allocation by type (GC AllocationTick events, one run after a warm-up): -- alloc-types [serial]
// The work budget's unit costs as CPU seconds of one thread (dissociation part, course, rating): -- unit-costs [rounds] [patients]
if (args.Length > 0 && args[0] == "unit-costs")
{
    UnitCostMeasure.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000);
    return;
}
// The work budget's estimate of each command line of its fit table (docs/benchmarks.md): -- budget-estimates
if (args.Length > 0 && args[0] == "budget-estimates") { BudgetEstimates.Run(); return; }
// The pool patients' Cmax and dissociation peak searches with and without the tail criterion, alternated in one process: -- peak-tail [rounds] [patients]
if (args.Length > 0 && args[0] == "peak-tail")
{
    KetaminePkPd.Benchmarks.Numerics.PeakTailMeasure.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 2000);
    return;
}
if (args.Length > 0 && args[0] == "alloc-types") { AllocationTypes.Run(args.Contains("serial")); return; }
// A patient's three courses alone and replayed on a propagator tape, alternating pairs, CPU time: -- replay [pairs]
if (args.Length > 0 && args[0] == "replay")
{
    CourseReplayMeasure.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 15);
    return;
}
// Serial and parallel runs of the main job alternated, the speed-up as the median of the pairs' ratios: -- main-job-pairs [pairs] [step size, 0 for HypothesisTest.Run]
// The main job phase by phase, serial and parallel alternated: -- main-job-phases [pairs] [step size]
// Each core's speed now for throughput-bound floating point, alone and both at once: -- core-check
if (args.Length > 0 && args[0] == "core-check") { CoreCheck.Run(); return; }
if (args.Length > 0 && args[0] == "main-job-phases")
{
    MainJobMeasure.Phases(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : int.MaxValue);
    return;
}
if (args.Length > 0 && args[0] == "main-job-pairs")
{
    MainJobMeasure.Pairs(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}
// Serial runs only (to run alone and as two processes at once): -- main-job-serial [runs]
if (args.Length > 0 && args[0] == "main-job-serial")
{
    MainJobMeasure.SerialOnly(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
    return;
}
if (args.Length > 0 && args[0] == "main-job")
{
    MainJobMeasure.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Contains("serial"));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using BenchmarkDotNet.Running;

// Run all:   dotnet run -c Release --project benchmarks/KetaminePkPd.Benchmarks -- --filter '*'
// Quick run: add --job short (or --job Dry to check that everything runs).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

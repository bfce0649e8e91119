using BenchmarkDotNet.Running;
using SituationRoom.Benchmarks;

// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(SituationComposeBenchmarks).Assembly).Run(args);

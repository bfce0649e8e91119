using BenchmarkDotNet.Running;
using SituationRoom.Benchmarks;

// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- quick [demo-year|million] [runs]
if (args.Length > 0 && args[0] == "quick")
{
    await QuickTimings.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SituationComposeBenchmarks).Assembly).Run(args);

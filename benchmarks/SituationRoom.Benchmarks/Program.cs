using BenchmarkDotNet.Running;
using SituationRoom.Benchmarks;

// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- ingest-rate [seconds] [feeders] [flips per mille]
if (args is ["ingest-rate", .. var rest])
{
    await IngestionRate.RunAsync(rest);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SituationComposeBenchmarks).Assembly).Run(args);

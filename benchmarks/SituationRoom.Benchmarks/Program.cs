using BenchmarkDotNet.Running;
using SituationRoom.Benchmarks;

// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- quick [demo-year|million] [runs]
if (args.Length > 0 && args[0] == "quick")
{
    await QuickTimings.RunAsync(args);
    return;
}

// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- ingest-rate [seconds] [feeders] [flips per mille]
// dotnet run -c Release --project benchmarks/SituationRoom.Benchmarks -- ingest-batch [batches per scenario]
if (args is ["ingest-rate", .. var rate])
{
    await IngestionRate.RunAsync(rate);
    return;
}

if (args is ["ingest-batch", .. var batch])
{
    await IngestionBatchTimings.RunAsync(batch);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SituationComposeBenchmarks).Assembly).Run(args);

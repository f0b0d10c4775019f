using BenchmarkDotNet.Running;
using ComplaintCloud.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(GradingBenchmarks).Assembly).Run(args);

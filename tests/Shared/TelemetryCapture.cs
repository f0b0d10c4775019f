using System.Collections.Concurrent;
using System.Diagnostics;
using ComplaintCloud.Infrastructure.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ComplaintCloud.Tests;

/// <summary>
/// The service's metrics (through OpenTelemetry's in-memory exporter) and spans (its own and Npgsql's) recorded in this
/// process from the capture's creation on; linked into the test projects that check telemetry. Dispose it.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly List<MetricSnapshot> _exported = [];
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracers;

    public TelemetryCapture()
    {
        _meters = Sdk.CreateMeterProviderBuilder().AddMeter(ComplaintCloudTelemetry.Name).AddInMemoryExporter(_exported).Build();
        // Every span, whatever its parent: the host's own request spans are not listened to here, so a sampler
        // following the parent would drop ours.
        _tracers = Sdk.CreateTracerProviderBuilder()
            .AddSource(ComplaintCloudTelemetry.Name, "Npgsql")
            .SetSampler(new AlwaysOnSampler())
            .AddProcessor(new Collector(_spans))
            .Build();
    }

    public IReadOnlyList<Activity> Spans => [.. _spans];

    /// <summary>A counter's total, or a histogram's number of recordings, over the points carrying every tag given.</summary>
    public long Count(string metric, params (string Key, string Value)[] tags) =>
        Points(metric, tags).Sum(point => point.MetricType.IsHistogram() ? point.Point.GetHistogramCount() : point.Point.GetSumLong());

    /// <summary>A histogram's sum over the points carrying every tag given.</summary>
    public double Sum(string metric, params (string Key, string Value)[] tags) =>
        Points(metric, tags).Sum(point => point.Point.GetHistogramSum());

    /// <summary>Every tag value of every metric point recorded.</summary>
    public IReadOnlyList<string> MetricTagValues()
    {
        _meters.ForceFlush();
        return [.. LatestSnapshots().SelectMany(snapshot => snapshot.MetricPoints).SelectMany(point => TagsOf(point).Select(tag => tag.Value))];
    }

    public void Dispose()
    {
        _meters.Dispose();
        _tracers.Dispose();
    }

    private List<(MetricType MetricType, MetricPoint Point)> Points(string metric, (string Key, string Value)[] tags)
    {
        _meters.ForceFlush();
        return LatestSnapshots()
            .Where(snapshot => snapshot.Name == metric)
            .SelectMany(snapshot => snapshot.MetricPoints.Select(point => (snapshot.MetricType, Point: point)))
            .Where(pair => tags.All(tag => TagsOf(pair.Point).Contains((tag.Key, tag.Value))))
            .ToList();
    }

    // Cumulative: each flush exports every metric's totals so far, so the last snapshot of each is the whole story.
    private IEnumerable<MetricSnapshot> LatestSnapshots() => _exported.GroupBy(snapshot => snapshot.Name).Select(group => group.Last());

    private static List<(string Key, string Value)> TagsOf(MetricPoint point)
    {
        var tags = new List<(string, string)>();
        foreach (var tag in point.Tags)
        {
            tags.Add((tag.Key, Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }

        return tags;
    }

    private sealed class Collector(ConcurrentQueue<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data) => spans.Enqueue(data);
    }
}

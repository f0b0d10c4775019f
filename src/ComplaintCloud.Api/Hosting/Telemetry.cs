using ComplaintCloud.Infrastructure.Telemetry;
using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ComplaintCloud.Api.Hosting;

/// <summary>
/// OpenTelemetry, off unless configured: <c>Telemetry:OtlpEndpoint</c> exports traces (ASP.NET Core, each GraphQL
/// operation, the SQL beneath it) and metrics over OTLP; <c>Telemetry:Prometheus</c> serves the metrics at
/// <c>/metrics</c> for a Prometheus scrape.
/// </summary>
public static class Telemetry
{
    public const string PrometheusPath = "/metrics";

    public static WebApplicationBuilder AddComplaintCloudTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = builder.Configuration["Telemetry:OtlpEndpoint"] is { Length: > 0 } endpoint ? new Uri(endpoint) : null;
        var prometheus = builder.Configuration.GetValue("Telemetry:Prometheus", false);
        if (otlp is null && !prometheus)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("complaintcloud"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(ComplaintCloudTelemetry.Name).AddAspNetCoreInstrumentation();
                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }

                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (otlp is not null)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource(ComplaintCloudTelemetry.Name)
                // Probes and scrapes every few seconds would bury the operations.
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context =>
                        !context.Request.Path.StartsWithSegments("/healthz") && !context.Request.Path.StartsWithSegments("/readyz")
                        && !context.Request.Path.StartsWithSegments(PrometheusPath);
                    // A GraphQL GET carries the document and its variables in the query string.
                    aspNetCore.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddNpgsql()
                .AddOtlpExporter(exporter => exporter.Endpoint = otlp));
        }

        return builder;
    }

    public static WebApplication MapTelemetryEndpoints(this WebApplication app)
    {
        if (app.Configuration.GetValue("Telemetry:Prometheus", false))
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath);
        }

        return app;
    }
}

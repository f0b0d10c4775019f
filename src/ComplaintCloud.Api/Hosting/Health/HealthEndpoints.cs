using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ComplaintCloud.Api.Hosting.Health;

/// <summary>
/// /healthz: the process is alive and serving. /readyz: it can do its work — the database under the service's role
/// with row-level security on, migrations applied, plugins loaded, the SLA scheduler running. Both answer anyone,
/// in JSON naming each check, and say nothing about any tenant.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadinessTag = "ready";

    public static IServiceCollection AddComplaintCloudHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database", tags: [ReadinessTag])
            .AddCheck<MigrationsCheck>("migrations", tags: [ReadinessTag])
            .AddCheck<PluginsCheck>("plugins", tags: [ReadinessTag])
            .AddCheck<SchedulerCheck>("scheduler", tags: [ReadinessTag]);
        return services;
    }

    public static WebApplication MapHealthEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadinessTag), ResponseWriter = WriteAsync });
        return app;
    }

    // Only our own descriptions go out: an exception's message could name hosts or data.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description ?? entry.Value.Exception?.GetType().Name }),
        }, cancellationToken: context.RequestAborted);
    }
}

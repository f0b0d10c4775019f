using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Infrastructure.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace ComplaintCloud.Api.Hosting.Health;

/// <summary>The service's own role reaches the database, and row-level security binds it on every tenant table.</summary>
internal sealed class DatabaseCheck(DatabaseConnections connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var role = await RuntimeRole.InspectAsync(connections.Runtime, cancellationToken);
        if (role.BypassesRowLevelSecurity)
        {
            return HealthCheckResult.Unhealthy("The service's role is a superuser or BYPASSRLS: row-level security does not bind it.");
        }

        var unprotected = await RowLevelSecurity.FindUnprotectedTablesAsync(connections.Runtime, cancellationToken);
        return unprotected.Count == 0
            ? HealthCheckResult.Healthy("Reachable under the service's role, with row-level security on.")
            : HealthCheckResult.Unhealthy($"Tables without row-level security: {string.Join(", ", unprotected)}.");
    }
}

/// <summary>Every migration this build knows is applied (another node may have been upgraded and migrated since).</summary>
internal sealed class MigrationsCheck(DatabaseConnections connections) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var pending = await DatabaseMigrator.PendingMigrationsAsync(connections, cancellationToken);
        return pending.Count == 0
            ? HealthCheckResult.Healthy("Every migration is applied.")
            : HealthCheckResult.Unhealthy($"Pending migrations: {string.Join(", ", pending)}.");
    }
}

/// <summary>Some policy plugin is loaded; one that was rejected degrades the service without stopping it.</summary>
internal sealed class PluginsCheck(PolicyCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var loaded = catalog.Plugins.Count(plugin => plugin.IsLoaded);
        var rejected = catalog.Plugins.Where(plugin => !plugin.IsLoaded).Select(plugin => $"{plugin.Id} {plugin.Version}").ToList();
        var description = $"{loaded} loaded, {rejected.Count} rejected" + (rejected.Count > 0 ? $": {string.Join(", ", rejected)}." : ".");
        return Task.FromResult(
            loaded == 0 ? HealthCheckResult.Unhealthy(description)
            : rejected.Count > 0 ? HealthCheckResult.Degraded(description)
            : HealthCheckResult.Healthy(description));
    }
}

/// <summary>The Quartz scheduler that fires the SLA clocks runs (started, not on standby, not shut down).</summary>
internal sealed class SchedulerCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var status = await scheduler.GetStatus(cancellationToken);
        return status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The SLA scheduler runs.")
            : HealthCheckResult.Unhealthy($"The SLA scheduler is {status}.");
    }
}

using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>
/// A tenant's one SLA job: fired at the tenant's next warning or deadline, it handles everything due and re-arms its
/// trigger to the next one. Never concurrent for one tenant, in this process or any other of the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TenantClockJob(IServiceScopeFactory scopes, SlaTriggers triggers, IClock clock, ILogger<TenantClockJob> logger) : IJob
{
    public const string TenantIdKey = "tenantId";

    /// <summary>How soon a run that failed (database down, a bug) is tried again; the trigger must never be left unarmed.</summary>
    public static readonly Duration RetryAfter = Duration.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenantId = Guid.Parse(context.MergedJobDataMap.GetString(TenantIdKey)!);
        Instant? next;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Row-level security keys on the tenant of the scope.
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
            next = await scope.ServiceProvider.GetRequiredService<IDueClockProcessor>().ProcessDueAsync(tenantId, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever failed, the tenant's clocks must be tried again rather than left unwatched.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Handling the due SLA clocks of tenant {TenantId} failed; retrying in {Retry}.", tenantId, RetryAfter);
            next = clock.GetCurrentInstant() + RetryAfter;
        }

        if (next is { } at)
        {
            await triggers.ArmAsync(tenantId, at, cancellationToken);
        }
    }
}

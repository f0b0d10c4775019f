using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;
using Quartz;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>
/// A tenant's one SLA job: fired at the tenant's next warning or deadline, it handles everything due and re-arms its
/// trigger to the next one. Never concurrent for one tenant's trigger, in this process or any other of the cluster.
/// Under load it then helps: it handles other tenants' due clocks too, so the work done per Quartz fire grows with
/// the load instead of the number of fires (every fire costs the cluster several locked round trips).
/// </summary>
[DisallowConcurrentExecution]
public sealed class TenantClockJob(IServiceScopeFactory scopes, SlaTriggers triggers, IClock clock, ILogger<TenantClockJob> logger) : IJob
{
    public const string TenantIdKey = "tenantId";

    /// <summary>How soon a run that failed (database down, a bug) is tried again; the trigger must never be left unarmed.</summary>
    public static readonly Duration RetryAfter = Duration.FromSeconds(30);

    /// <summary>The least time between two fires of one tenant's trigger; clocks falling due in between wait for
    /// that run, or for a helper.</summary>
    public static readonly Duration CoalesceWithin = Duration.FromMilliseconds(500);

    /// <summary>How long one fire may go on helping other tenants before it gives its thread back.</summary>
    public static readonly Duration HelpFor = Duration.FromSeconds(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenantId = Guid.Parse(context.MergedJobDataMap.GetString(TenantIdKey)!);
        await HandleAsync(tenantId, cancellationToken);
        var helpUntil = clock.GetCurrentInstant() + HelpFor;
        while (clock.GetCurrentInstant() < helpUntil && await TenantWithDueClocksAsync(cancellationToken) is { } other)
        {
            await HandleAsync(other, cancellationToken);
        }
    }

    private async Task HandleAsync(Guid tenantId, CancellationToken cancellationToken)
    {
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
            await triggers.ArmAsync(tenantId, Instant.Max(at, clock.GetCurrentInstant() + CoalesceWithin), cancellationToken);
        }
    }

    // Across tenants by design: a tenant with a due clock nobody holds right now (SKIP LOCKED), the most overdue first,
    // asked of a function that answers the tenant only (row-level security hides every other tenant's clocks).
    private async Task<Guid?> TenantWithDueClocksAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        var tenants = await db.Database
            .SqlQuery<Guid?>($"SELECT complaintcloud_unheld_due_clock_tenant({now}) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return tenants.Count == 0 ? null : tenants[0];
    }
}

using System.Diagnostics;
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
/// Under load one fire per process becomes the sweep: it handles every tenant with clocks due, a few at once, for as
/// long as clocks keep falling due. Meanwhile the other tenants' fires do nothing, and the sweep re-arms every tenant to
/// its next alert when it ends: the work per Quartz fire grows with the load instead of the number of fires (each
/// costs the cluster several locked round trips).
/// </summary>
[DisallowConcurrentExecution]
public sealed class TenantClockJob(IServiceScopeFactory scopes, SlaTriggers triggers, SlaSweep sweep, IClock clock, ILogger<TenantClockJob> logger) : IJob
{
    public const string TenantIdKey = "tenantId";

    /// <summary>How soon a run that failed (database down, a bug) is tried again; the trigger must never be left unarmed.</summary>
    public static readonly Duration RetryAfter = Duration.FromSeconds(30);

    /// <summary>The least time between two fires of one tenant's trigger; clocks falling due in between wait for
    /// that run, or for a sweep.</summary>
    public static readonly Duration CoalesceWithin = Duration.FromMilliseconds(500);

    // How often a sweep passes over the due tenants, and how many passes finding nothing end it.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(250);
    private const int IdlePassesBeforeEnd = 8;

    // Tenants one sweep round takes, how many share a transaction, and how many transactions run at once.
    private const int TenantsPerRound = 64;
    private const int TenantsPerTransaction = 32;
    private const int TransactionsAtOnce = 2;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenantId = Guid.Parse(context.MergedJobDataMap.GetString(TenantIdKey)!);
        // A job recovered from a node that died arms every tenant at the end of a sweep, not knowing whose fires the
        // dead node's sweep stood in for.
        if (!sweep.TryStart(tenantId, everyTenant: context.Recovering))
        {
            // The sweep running in this process handles this tenant's clocks and re-arms it when it ends.
            return;
        }

        var next = await HandleAsync(tenantId, cancellationToken);
        IReadOnlySet<Guid>? toArm;
        try
        {
            await SweepAsync(context.Scheduler, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever failed, the deferred tenants and this one must be armed again below.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(e, "The SLA sweep failed; the tenants it stood in for are armed again.");
        }
        finally
        {
            // Ended first, so that a fire during the arming (a locked Quartz write per tenant) can start the next sweep.
            toArm = sweep.End();
        }

        // The tenants whose fires this sweep stood in for have no trigger until now, even when the sweep failed. A
        // scheduler shutting down arms nothing; the next start arms every tenant.
        if (Running(context.Scheduler) && toArm is not { Count: 0 })
        {
            await ArmTenantsAsync(scopes, triggers, (tenant, _) => toArm is null || toArm.Contains(tenant), cancellationToken);
        }

        if (next is { } at && Running(context.Scheduler))
        {
            await triggers.ArmAsync(tenantId, Instant.Max(at, clock.GetCurrentInstant() + CoalesceWithin), cancellationToken);
        }
    }

    // A local scheduler answers from memory.
    private static bool Running(IScheduler scheduler) => scheduler.Status == SchedulerStatus.Running;

    // Returns when the tenant next needs handling; a failed run is retried rather than left unwatched.
    private async Task<Instant?> HandleAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // Row-level security keys on the tenant of the scope.
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
            return await scope.ServiceProvider.GetRequiredService<IDueClockProcessor>().ProcessDueAsync(tenantId, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever failed, the tenant's clocks must be tried again rather than left unwatched.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogError(e, "Handling the due SLA clocks of tenant {TenantId} failed; retrying in {Retry}.", tenantId, RetryAfter);
            return clock.GetCurrentInstant() + RetryAfter;
        }
    }

    // Passes over every tenant with clocks due, at most one pass per Pace: a tenant's clocks falling due meanwhile
    // wait for the next pass and are handled in one batch, which is what keeps the work per clock small under load.
    private async Task SweepAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        for (var idlePasses = 0; idlePasses < IdlePassesBeforeEnd && Running(scheduler);)
        {
            var pass = Stopwatch.StartNew();
            var handled = 0;
            while (await TenantsWithDueClocksAsync(cancellationToken) is { Count: > 0 } due)
            {
                handled += due.Count;
                await Parallel.ForEachAsync(
                    due.Chunk(TenantsPerTransaction),
                    new ParallelOptions { MaxDegreeOfParallelism = TransactionsAtOnce, CancellationToken = cancellationToken },
                    async (tenants, ct) => await SweepTenantsAsync(tenants, ct));
            }

            idlePasses = handled == 0 ? idlePasses + 1 : 0;
            if (pass.Elapsed < Pace)
            {
                await Task.Delay(Pace - pass.Elapsed, cancellationToken);
            }
        }
    }

    // One transaction for several tenants; if it fails, each tenant on its own, so one tenant's failure (logged and
    // retried by HandleAsync) cannot hold back the others.
    private async Task SweepTenantsAsync(Guid[] tenantIds, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IDueClockProcessor>().SweepAsync(tenantIds, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever failed, the tenants' clocks are handled one tenant at a time instead.
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            logger.LogWarning(e, "Sweeping the due SLA clocks of {Count} tenants together failed; handling them one by one.", tenantIds.Length);
            foreach (var tenantId in tenantIds)
            {
                await HandleAsync(tenantId, cancellationToken);
            }
        }
    }

    // Across tenants by design: the tenants with the most overdue clocks, asked of a function that answers tenant ids
    // only (row-level security hides every other tenant's clocks).
    private async Task<List<Guid>> TenantsWithDueClocksAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        var now = clock.GetCurrentInstant();
        return await db.Database
            .SqlQuery<Guid>($"SELECT complaintcloud_due_clock_tenants({now}, {TenantsPerRound}) AS \"Value\"")
            .ToListAsync(cancellationToken);
    }

    /// <summary>Arms each tenant that has clocks to watch and that <paramref name="which"/> picks by its id and next
    /// alert, to that alert (never later than it is armed): at start, when a sweep that stood in for tenants' triggers
    /// ends, and for tenants whose alert is long overdue.</summary>
    public static async Task ArmTenantsAsync(IServiceScopeFactory scopes, SlaTriggers triggers, Func<Guid, Instant, bool> which, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(triggers);
        ArgumentNullException.ThrowIfNull(which);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        // Across tenants by design, before any tenant is known: through a function that answers tenants and times only.
        var tenants = await db.Database
            .SqlQuery<NextClockAlert>($"SELECT tenant_id, next_alert_at AS next FROM complaintcloud_next_clock_alerts()")
            .ToListAsync(cancellationToken);
        foreach (var tenant in tenants.Where(t => which(t.TenantId, t.Next)))
        {
            await triggers.ArmAsync(tenant.TenantId, tenant.Next, cancellationToken);
        }
    }
}

/// <summary>A tenant's next SLA alert, as the arming of every tenant reads it.</summary>
internal sealed record NextClockAlert(Guid TenantId, Instant Next);

/// <summary>
/// The one sweep a process runs at a time (sweeps racing over the same due tenants would mostly find each other's
/// clocks locked), and the tenants whose fires it stood in for. Deferring and ending are atomic, so a fire that cannot
/// start a sweep is either deferred to the running one, which re-arms it, or finds it ended and starts the next.
/// </summary>
public sealed class SlaSweep
{
    private readonly Lock _lock = new();
    private HashSet<Guid>? _deferred;
    private bool _everyTenant;

    /// <summary>Starts the sweep, or defers <paramref name="tenantId"/> to the one running (false); with
    /// <paramref name="everyTenant"/> the sweep re-arms every tenant when it ends.</summary>
    public bool TryStart(Guid tenantId, bool everyTenant)
    {
        lock (_lock)
        {
            _everyTenant |= everyTenant;
            if (_deferred is null)
            {
                _deferred = [];
                return true;
            }

            _deferred.Add(tenantId);
            return false;
        }
    }

    /// <summary>Ends the sweep; returns the tenants to re-arm: those deferred to it, or null for every tenant.</summary>
    public IReadOnlySet<Guid>? End()
    {
        lock (_lock)
        {
            var deferred = _everyTenant ? null : _deferred ?? [];
            _deferred = null;
            _everyTenant = false;
            return deferred;
        }
    }
}

using System.Data.Common;
using System.Runtime.CompilerServices;
using ComplaintCloud.Domain.Clocks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>
/// Brings a tenant's trigger forward whenever a saved clock (started at intake, resumed, replanned…) needs the
/// scheduler earlier, so no use case has to remember to. Inside a transaction it arms only once the transaction has
/// committed: a job fired earlier would not yet see the clock, and re-arm past it. Once committed, the clock is the
/// tenant's whatever the caller does next, so the arming ignores the caller's cancellation (a client hanging up).
/// One instance serves every context (so that their options are built once, not per request); what a context has yet
/// to arm is kept beside it, and dropped when a save outside a transaction starts: pooled contexts outlive their
/// requests, and what is left then came from a failed save or a transaction abandoned unfinished.
/// </summary>
public sealed class ClockArming(SlaTriggers triggers, ILogger<ClockArming> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    // The earliest alert per tenant that each context saved and has not armed yet. A context is used by one thread at a
    // time, so its own dictionary needs no lock.
    private readonly ConditionalWeakTable<DbContext, Dictionary<Guid, Instant>> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context!.Database.CurrentTransaction is null)
        {
            _pending.Remove(eventData.Context);
        }

        var changed = eventData.Context.ChangeTracker.Entries<SlaClock>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.NextAlertAt is not null);
        Dictionary<Guid, Instant>? pending = null;
        foreach (var entry in changed)
        {
            pending ??= _pending.GetOrCreateValue(eventData.Context);
            var at = entry.Entity.NextAlertAt!.Value;
            pending[entry.Entity.TenantId] = pending.TryGetValue(entry.Entity.TenantId, out var earlier) ? Instant.Min(earlier, at) : at;
        }

        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context!.Database.CurrentTransaction is null)
        {
            await ArmPendingAsync(eventData.Context);
        }

        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ArmPendingAsync(eventData?.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData?.Context is { } context)
        {
            _pending.Remove(context);
        }

        return Task.CompletedTask;
    }

    private async Task ArmPendingAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var (tenantId, at) in pending)
        {
            try
            {
                await triggers.ArmAsync(tenantId, at, CancellationToken.None);
            }
#pragma warning disable CA1031 // What was saved stays saved; RecoverOverdueTriggers arms it late rather than never.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Could not arm the SLA trigger of tenant {TenantId} for {At}.", tenantId, at);
            }
        }
    }
}

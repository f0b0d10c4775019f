using System.Data.Common;
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
/// </summary>
public sealed class ClockArming(SlaTriggers triggers, ILogger<ClockArming> logger) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Dictionary<Guid, Instant> _pending = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        var changed = eventData.Context!.ChangeTracker.Entries<SlaClock>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified && e.Entity.NextAlertAt is not null);
        foreach (var entry in changed)
        {
            var at = entry.Entity.NextAlertAt!.Value;
            _pending[entry.Entity.TenantId] = _pending.TryGetValue(entry.Entity.TenantId, out var earlier) ? Instant.Min(earlier, at) : at;
        }

        return ValueTask.FromResult(result);
    }

    public async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context!.Database.CurrentTransaction is null)
        {
            await ArmPendingAsync();
        }

        return result;
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ArmPendingAsync();

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _pending.Clear();
        return Task.CompletedTask;
    }

    private async Task ArmPendingAsync()
    {
        foreach (var (tenantId, at) in _pending)
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

        _pending.Clear();
    }
}

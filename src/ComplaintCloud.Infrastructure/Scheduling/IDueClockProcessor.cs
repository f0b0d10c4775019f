using NodaTime;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>Handles a tenant's clocks whose warning or deadline has come; implemented by the application.</summary>
public interface IDueClockProcessor
{
    /// <summary>Handles every due clock of the tenant, in batches, and returns when the tenant next needs handling
    /// (null when none of its clocks can warn or breach any more).</summary>
    Task<Instant?> ProcessDueAsync(Guid tenantId, CancellationToken cancellationToken);

    /// <summary>Handles up to a batch of the tenants' due clocks, most overdue first, in one transaction, in a scope
    /// acting for no tenant; returns how many.</summary>
    Task<int> SweepAsync(IReadOnlyList<Guid> tenantIds, CancellationToken cancellationToken);
}

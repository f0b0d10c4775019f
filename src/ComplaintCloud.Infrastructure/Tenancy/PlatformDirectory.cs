using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>A tenant as the platform operator sees it: no complaints, no users, no settings.</summary>
public sealed record PlatformTenant(Guid Id, string Slug, string Name, string PolicyId, Instant CreatedAt, Instant? SuspendedAt);

/// <summary>
/// The operator's view across tenants, through the SECURITY DEFINER functions row-level security leaves for it.
/// Callers must have checked that the caller is the operator.
/// </summary>
public sealed class PlatformDirectory(ComplaintCloudDbContext db)
{
    public Task<List<PlatformTenant>> ListTenantsAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<PlatformTenant>($"SELECT * FROM complaintcloud_platform_tenants()")
            .ToListAsync(cancellationToken);

    /// <summary>Suspends or resumes a tenant; false when there is no such tenant.</summary>
    public async Task<bool> SetSuspendedAsync(Guid tenantId, bool suspended, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<bool?>($"SELECT complaintcloud_set_tenant_suspended({tenantId}, {suspended}) AS \"Value\"").ToListAsync(cancellationToken))
            .Single() == true;
}

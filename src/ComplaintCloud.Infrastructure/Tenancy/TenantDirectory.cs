using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>
/// Finds a tenant by slug before the caller belongs to it (log-in, the X-Tenant header). Row-level security shows the
/// service only the current tenant's row, so this asks a SECURITY DEFINER function that answers the id alone.
/// </summary>
public sealed class TenantDirectory(ComplaintCloudDbContext db)
{
    public async Task<Guid?> FindIdAsync(string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slug);
        var ids = await db.Database
            .SqlQuery<Guid?>($"SELECT complaintcloud_tenant_id({slug}) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return ids.Single();
    }
}

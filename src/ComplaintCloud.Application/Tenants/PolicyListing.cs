using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <summary>The policies the caller can see: every plugin version found, and the signed-in tenant's own custom versions.</summary>
public sealed class PolicyListing(ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies)
{
    public async Task<IReadOnlyList<PolicyPlugin>> ListAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.IsAuthenticated && tenantContext.TenantId is { } tenantId
            ? await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken)
            : null;
        return policies.VisibleTo(tenant);
    }
}

using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
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

    /// <summary>
    /// The document of a kept version of the tenant's custom policy, as it was uploaded, for its admin to reopen in the
    /// editor; null for a plugin, which is code. Tenant admins only, as the upload is.
    /// </summary>
    public async Task<string?> CustomDocumentAsync(PolicyPlugin plugin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        if (plugin.Id != DeclarativePolicy.Id)
        {
            return null;
        }

        var tenantId = tenantContext.RequireTenantAdmin("read the custom policy's document");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        return tenant.CustomPolicies.GetValueOrDefault(plugin.Version);
    }
}

using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <summary>A tenant admin sets the duplicate-check window and how long closed complaints are kept (at least 2 years).</summary>
public sealed class UpdateLifecycleSettingsHandler(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<Tenant> HandleAsync(int duplicateWindowDays, int retentionYears, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantAdmin("change these settings");

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.ChangeLifecycleSettings(duplicateWindowDays, retentionYears);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}

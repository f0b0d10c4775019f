using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <summary>A tenant admin sets the first-response standards per channel and tier the report measures against.</summary>
public sealed class UpdateChannelStandardsHandler(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<Tenant> HandleAsync(IReadOnlyList<ChannelStandard> standards, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantAdmin("change the channel standards");
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.ChangeChannelStandards(standards);
        await db.SaveChangesAsync(cancellationToken);
        return tenant;
    }
}

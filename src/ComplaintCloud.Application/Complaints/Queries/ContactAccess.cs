using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Complaints.Queries;

/// <summary>Whether the caller is shown a complaint's customer contact unmasked (<see cref="Complaint.ShowsContactTo"/>).</summary>
public sealed class ContactAccess(ComplaintCloudDbContext db, TenantContext tenantContext, ComplaintPolicyCalls policyCalls)
{
    private Tenant? _tenant;

    public async Task<bool> ShowsContactAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var (userId, roles) = (tenantContext.UserId, tenantContext.Roles);
        if (complaint.ShowsContactTo(userId, roles, callbackRole: null))
        {
            return true;
        }

        // Only a policy role can be the callback's: platform roles alone never ask the policy.
        if (roles.All(PlatformRoles.All.Contains))
        {
            return false;
        }

        _tenant ??= await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
        var callbackRole = await policyCalls.RunAsync(_tenant, complaint, (policy, settings, _) => policy.Callback(complaint.Kind, complaint.Channel, settings).ByRole);
        return complaint.ShowsContactTo(userId, roles, callbackRole);
    }
}

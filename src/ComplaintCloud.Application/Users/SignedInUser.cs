using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Users;

/// <summary>The caller's tenant and user row, tracked; the request pipeline has checked the user is active.</summary>
internal static class SignedInUser
{
    public static async Task<(Tenant Tenant, User User)> LoadAsync(ComplaintCloudDbContext db, TenantContext tenantContext, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireSignedInTenant();
        var userId = tenantContext.UserId ?? throw new DomainException(ErrorCode.Forbidden, "Only a signed-in user can do this, not an API key.");
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        return (tenant, user);
    }
}

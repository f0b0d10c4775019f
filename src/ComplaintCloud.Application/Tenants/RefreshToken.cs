using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <summary>
/// A signed-in user swaps a still-valid token for a fresh one, with the roles the user has now; a user who no longer
/// exists gets none. An expired token cannot be refreshed: log in again.
/// </summary>
public sealed class RefreshTokenHandler(ComplaintCloudDbContext db, TenantContext tenantContext, TokenService tokens)
{
    public async Task<AuthResult> HandleAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireSignedInTenant();
        var gone = new DomainException(ErrorCode.Unauthenticated, "Your account no longer exists; ask your admin.");
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == tenantContext.UserId, cancellationToken) ?? throw gone;
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}

using ComplaintCloud.Application.Users;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;

namespace ComplaintCloud.Application.Tenants;

/// <summary>
/// A signed-in user swaps a still-valid token for a fresh one, with a new expiry and the roles the user has now. The
/// request pipeline has refused a token of a deactivated user or one older than the user's security stamp, and an
/// expired one: log in again.
/// </summary>
public sealed class RefreshTokenHandler(ComplaintCloudDbContext db, TenantContext tenantContext, TokenService tokens)
{
    public async Task<AuthResult> HandleAsync(CancellationToken cancellationToken)
    {
        var (tenant, user) = await SignedInUser.LoadAsync(db, tenantContext, cancellationToken);
        return new AuthResult(tokens.Issue(tenant, user), tenant, user);
    }
}

using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants.ApiKeys;

/// <summary>
/// Signs a request in with an X-Api-Key: a well-formed, active key whose secret matches. Returns false for anything
/// else, without saying which part was wrong.
/// </summary>
public sealed class AuthenticateApiKeyHandler(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<bool> HandleAsync(string presented, CancellationToken cancellationToken)
    {
        if (ApiKeySecrets.Parse(presented) is not var (tenantId, keyId, secret))
        {
            return false;
        }

        // The key names its tenant; row-level security then shows only that tenant's keys.
        tenantContext.UseTenant(tenantId);
        var apiKey = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
        if (apiKey is not { IsActive: true } || !OpaqueTokens.Matches(secret, apiKey.SecretHash))
        {
            return false;
        }

        tenantContext.SignInWithApiKey(tenantId, keyId, apiKey.Scopes);
        return true;
    }
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants.ApiKeys;

/// <summary>A tenant admin revokes a key at once; revoking it again changes nothing.</summary>
public sealed class RevokeApiKeyHandler(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    public async Task<ApiKey> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        tenantContext.RequireTenantAdmin("revoke API keys");
        var apiKey = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new DomainException(ErrorCode.NotFound, "There is no such API key.");
        apiKey.Revoke(clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return apiKey;
    }
}

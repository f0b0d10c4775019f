using ComplaintCloud.Application.Billing;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using NodaTime;

namespace ComplaintCloud.Application.Tenants.ApiKeys;

public sealed record CreateApiKeyCommand(string Name, IReadOnlyList<string> Scopes);

/// <summary>The key's text, shown this once and never again, and the key as stored.</summary>
public sealed record CreatedApiKey(string Key, ApiKey ApiKey);

/// <summary>A tenant admin creates an integration key with the scopes a connected system needs.</summary>
public sealed class CreateApiKeyHandler(ComplaintCloudDbContext db, TenantContext tenantContext, BillingGate billing, IClock clock)
{
    public async Task<CreatedApiKey> HandleAsync(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("create API keys");
        await billing.EnsureApiKeysAllowedAsync(tenantId, cancellationToken);
        var id = Guid.CreateVersion7();
        var (key, secretHash) = ApiKeySecrets.Generate(tenantId, id);
        var apiKey = ApiKey.Create(id, tenantId, command.Name, command.Scopes, secretHash, tenantContext.UserId!.Value, clock.GetCurrentInstant());
        db.ApiKeys.Add(apiKey);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(key, apiKey);
    }
}

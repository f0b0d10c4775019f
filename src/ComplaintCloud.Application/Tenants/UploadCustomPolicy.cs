using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Application.Tenants;

/// <param name="Document">The policy as JSON text, in the shape of custom-policy.schema.json.</param>
public sealed record UploadCustomPolicyCommand(string Document);

/// <summary>
/// A tenant admin uploads a version of the tenant's declarative <c>custom</c> policy. It is checked and kept, and
/// appears in <c>policies</c> for this tenant only; the tenant runs on it once it selects <c>custom</c>.
/// </summary>
public sealed class UploadCustomPolicyHandler(ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies)
{
    public async Task<PolicyPlugin> HandleAsync(UploadCustomPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("upload the custom policy");

        var document = CustomPolicyDocument.Parse(command.Document, "input.document");
        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        tenant.KeepCustomPolicy(document.Version, command.Document);
        await db.SaveChangesAsync(cancellationToken);
        return policies.Custom(tenant, document.Version);
    }
}

using ComplaintCloud.Application.Billing;
using ComplaintCloud.Application.Categories;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants;

public sealed record SelectPolicyCommand(string PolicyId, IReadOnlyDictionary<string, string?>? Settings);

/// <summary>A tenant admin switches the tenant to a policy's newest loaded version, or retunes its settings.</summary>
public sealed class SelectPolicyHandler(
    ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies, BillingGate billing, CategoryTree categories, IClock clock)
{
    public async Task<Tenant> HandleAsync(SelectPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenantAdmin("choose the policy");

        var tenant = await db.Tenants.SingleAsync(t => t.Id == tenantId, cancellationToken);
        var plugin = policies.Selectable(tenant, command.PolicyId);
        await billing.EnsureWritableAsync(tenantId, cancellationToken);
        await billing.EnsurePolicyAllowedAsync(tenantId, plugin.Id, cancellationToken);
        var settings = PolicySettingsValidation.Complete(plugin.Policy!.Descriptor, command.Settings ?? new Dictionary<string, string?>());
        tenant.SelectPolicy(new TenantPolicy(plugin.Id, plugin.Version, settings), clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        await categories.AddPolicyCategoriesAsync(tenantId, plugin.Policy.Descriptor, cancellationToken);
        return tenant;
    }
}

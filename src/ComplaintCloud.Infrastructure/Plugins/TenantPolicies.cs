using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>Runs a tenant's chosen policy version with its settings, guarded.</summary>
public sealed class TenantPolicies(PolicyCatalog catalog, PolicyGuard guard)
{
    public PolicyPlugin PluginOf(TenantPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return catalog.Find(policy.PolicyId, policy.Version)
            ?? throw new DomainException(ErrorCode.PolicyFailed, $"The policy {policy.PolicyId} {policy.Version} this tenant runs on is not loaded.");
    }

    public Task<PolicyVerdict> GradeAsync(Tenant tenant, ComplaintFacts facts, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var plugin = PluginOf(tenant.Policy);
        var settings = new PolicySettings(tenant.Policy.Settings);
        var calendar = tenant.Calendar();
        return guard.RunAsync(plugin, () => Grading.Decide(plugin.Policy!, settings, facts, calendar, receivedAt));
    }
}

using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Clocks;

/// <summary>
/// Calls into the policy version a complaint was graded by, with the tenant's settings for it, or into the version the
/// tenant runs now; guarded.
/// </summary>
public sealed class ComplaintPolicyCalls(TenantPolicies policies, PolicyGuard guard)
{
    public Task<T> RunAsync<T>(Tenant tenant, Complaint complaint, Func<IComplaintPolicy, PolicySettings, ComplaintFacts, T> call)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(call);
        var plugin = policies.PluginFor(tenant, complaint.PolicyId, complaint.PolicyVersion);
        // The tenant's settings fit the version it runs; a complaint graded by another policy uses that one's defaults.
        var settings = tenant.Policy.PolicyId == complaint.PolicyId && tenant.Policy.Version == complaint.PolicyVersion
            ? new PolicySettings(tenant.Policy.Settings)
            : PolicySettings.Defaults(plugin.Policy!.Descriptor);
        var facts = complaint.PolicyFacts();
        return guard.RunAsync(plugin, () => call(plugin.Policy!, settings, facts));
    }

    /// <summary>A call into the version the tenant runs now, with its settings, for work that belongs to no complaint.</summary>
    public Task<T> RunAsync<T>(Tenant tenant, Func<IComplaintPolicy, PolicySettings, T> call)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(call);
        var plugin = policies.PluginOf(tenant);
        var settings = new PolicySettings(tenant.Policy.Settings);
        return guard.RunAsync(plugin, () => call(plugin.Policy!, settings));
    }
}

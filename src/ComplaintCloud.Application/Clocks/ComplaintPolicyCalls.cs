using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Clocks;

/// <summary>Calls into the policy version a complaint was graded by, with the tenant's current settings, guarded.</summary>
public sealed class ComplaintPolicyCalls(TenantPolicies policies, PolicyGuard guard)
{
    public Task<T> RunAsync<T>(Tenant tenant, Complaint complaint, Func<IComplaintPolicy, PolicySettings, ComplaintFacts, T> call)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(call);
        var plugin = policies.PluginOf(new TenantPolicy(complaint.PolicyId, complaint.PolicyVersion, tenant.Policy.Settings));
        var settings = new PolicySettings(tenant.Policy.Settings);
        var facts = FactsOf(complaint);
        return guard.RunAsync(plugin, () => call(plugin.Policy!, settings, facts));
    }

    /// <summary>What the policy sees of a complaint.</summary>
    public static ComplaintFacts FactsOf(Complaint c) => new(
        c.Kind, c.Channel, c.Category, c.AmountInvolved, c.Facts.AffectedCustomers,
        c.Facts.SafetyRisk, c.Facts.LegalRisk, c.Facts.PublicityRisk, c.Customer.Tier, c.Facts.CustomerEmotion, c.Facts.Attributes);
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
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

    /// <summary>The newest loaded version of a policy the tenant may select, or BAD_USER_INPUT on input.policyId.</summary>
    public PolicyPlugin Selectable(Tenant tenant, string policyId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return catalog.Find(policyId)
            ?? throw new DomainException(ErrorCode.BadUserInput, $"There is no policy '{policyId}'.", "input.policyId");
    }

    public Task<PolicyVerdict> GradeAsync(Tenant tenant, ComplaintFacts facts, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var plugin = PluginOf(tenant.Policy);
        var settings = new PolicySettings(tenant.Policy.Settings);
        var calendar = tenant.Calendar();
        return guard.RunAsync(plugin, () => Grading.Decide(plugin.Policy!, settings, facts, calendar, receivedAt));
    }

    /// <summary>How a policy with these (validated) settings would grade, clock and route a sample complaint; nothing is saved.</summary>
    public Task<PolicyPreview> PreviewAsync(PolicyPlugin plugin, IReadOnlyDictionary<string, string> settings, BusinessCalendar calendar, ComplaintFacts facts, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var policy = plugin.Policy ?? throw new ArgumentException("The plugin is not loaded.", nameof(plugin));
        var tuned = new PolicySettings(settings);
        return guard.RunAsync(plugin, () =>
        {
            var verdict = Grading.Decide(policy, tuned, facts, calendar, receivedAt);
            var grade = policy.Descriptor.Grades.First(g => g.Code == verdict.Grade.Code);
            return new PolicyPreview(verdict, grade, policy.Approval(grade.Code, facts, tuned));
        });
    }
}

/// <summary>A sample complaint's grade (with its bilingual name), clocks from receipt and plan approvers under a policy.</summary>
public sealed record PolicyPreview(PolicyVerdict Verdict, GradeDescriptor Grade, ApprovalRule Approval);

using System.Collections.Concurrent;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Plugins.Declarative;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;
using NuGet.Versioning;

namespace ComplaintCloud.Infrastructure.Plugins;

/// <summary>
/// The policies a tenant can see and run: every plugin of the catalog, and its own versions of the declarative
/// <c>custom</c> policy. Runs the tenant's chosen version with its settings, guarded.
/// </summary>
public sealed class TenantPolicies(PolicyCatalog catalog, PolicyGuard guard)
{
    // A kept custom version never changes (see Tenant.KeepCustomPolicy), so its parsed policy can be kept too.
    private readonly ConcurrentDictionary<(Guid Tenant, string Version), PolicyPlugin> _custom = new();

    /// <summary>The version the tenant runs on; POLICY_FAILED when it is no longer loaded.</summary>
    public PolicyPlugin PluginOf(Tenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return PluginFor(tenant, tenant.Policy.PolicyId, tenant.Policy.Version);
    }

    /// <summary>A version of a policy the tenant can run (e.g. the one a complaint was graded with); POLICY_FAILED when not loaded.</summary>
    public PolicyPlugin PluginFor(Tenant tenant, string policyId, string version) =>
        Find(tenant, policyId, version)
            ?? throw new DomainException(ErrorCode.PolicyFailed, $"The policy {policyId} {version} is not loaded.");

    /// <summary>The newest loaded version of a policy the tenant may select, or BAD_USER_INPUT on input.policyId.</summary>
    public PolicyPlugin Selectable(Tenant tenant, string policyId)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return Find(tenant, policyId, null)
            ?? throw new DomainException(ErrorCode.BadUserInput, policyId == DeclarativePolicy.Id
                ? "This tenant has uploaded no custom policy yet: use uploadCustomPolicy first."
                : $"There is no policy '{policyId}'.", "input.policyId");
    }

    /// <summary>Every plugin, loaded or rejected, then the tenant's own custom versions; the plugins alone without a tenant.</summary>
    public IReadOnlyList<PolicyPlugin> VisibleTo(Tenant? tenant) =>
        tenant is null ? catalog.Plugins : [.. catalog.Plugins, .. tenant.CustomPolicies.Keys.Order(StringComparer.Ordinal).Select(v => Custom(tenant, v))];

    /// <summary>A kept version of the tenant's custom policy.</summary>
    public PolicyPlugin Custom(Tenant tenant, string version)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        return _custom.GetOrAdd((tenant.Id, version), key => PolicyPlugin.Loaded(
            null,
            new DeclarativePolicy(CustomPolicyDocument.Parse(tenant.CustomPolicies[key.Version], "customPolicies"))));
    }

    public Task<PolicyVerdict> GradeAsync(Tenant tenant, ComplaintFacts facts, Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var plugin = PluginOf(tenant);
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

    /// <summary>
    /// What each grade runs under the default settings, for an ordinary complaint (a calm customer's phone call in the
    /// policy's first category): how a company choosing a policy compares them. A grade's terms may differ for other facts.
    /// </summary>
    public Task<IReadOnlyList<GradeTerms>> GradeTermsAsync(PolicyPlugin plugin)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        var policy = plugin.Policy ?? throw new ArgumentException("The plugin is not loaded.", nameof(plugin));
        var settings = PolicySettings.Defaults(policy.Descriptor);
        var facts = new ComplaintFacts(
            FeedbackKind.Complaint, Channel.Phone, policy.Descriptor.Categories is [var first, ..] ? first : "other", null, 1, false, false, false,
            CustomerTier.Normal, CustomerEmotion.Calm, new Dictionary<string, string>());
        return guard.RunAsync<IReadOnlyList<GradeTerms>>(plugin, () => [.. policy.Descriptor.Grades.Select(g =>
            new GradeTerms(g, policy.Clocks(g.Code, facts, settings), policy.Approval(g.Code, facts, settings)))]);
    }

    /// <summary>A loaded version of a policy, or null; a custom policy is found only with its tenant (it holds the documents).</summary>
    public PolicyPlugin? Find(Tenant? tenant, string policyId, string? version)
    {
        if (policyId != DeclarativePolicy.Id)
        {
            return catalog.Find(policyId, version);
        }

        if (tenant is null)
        {
            return null;
        }

        var chosen = version ?? tenant.CustomPolicies.Keys.MaxBy(NuGetVersion.Parse);
        return chosen is not null && tenant.CustomPolicies.ContainsKey(chosen) ? Custom(tenant, chosen) : null;
    }
}

/// <summary>A sample complaint's grade (with its bilingual name), clocks from receipt and plan approvers under a policy.</summary>
public sealed record PolicyPreview(PolicyVerdict Verdict, GradeDescriptor Grade, ApprovalRule Approval);

/// <summary>The clocks and approvers of one grade; see <see cref="TenantPolicies.GradeTermsAsync"/>.</summary>
public sealed record GradeTerms(GradeDescriptor Grade, IReadOnlyList<ClockRule> Clocks, ApprovalRule Approval);

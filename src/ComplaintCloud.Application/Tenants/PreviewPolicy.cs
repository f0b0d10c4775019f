using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Plugins;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Tenants;

/// <summary>A sample complaint: the facts of <c>submitComplaint</c> a policy grades on, without the customer's words.</summary>
public sealed record PolicySample(
    Channel Channel,
    FeedbackKind Kind,
    string Category,
    CustomerTier CustomerTier,
    decimal? AmountInvolved,
    IntakeFacts Facts,
    Instant? ReceivedAt);

public sealed record PreviewPolicyCommand(string PolicyId, IReadOnlyDictionary<string, string?>? Settings, PolicySample Sample);

/// <summary>
/// Before a tenant selects or retunes a policy: how it would grade, clock and route a sample complaint on the tenant's
/// calendar. Checks the settings as <c>selectPolicy</c> would; saves nothing.
/// </summary>
public sealed class PreviewPolicyHandler(ComplaintCloudDbContext db, TenantContext tenantContext, TenantPolicies policies, IClock clock)
{
    public async Task<PolicyPreview> HandleAsync(PreviewPolicyCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireSignedInTenant();
        var facts = FactsOf(command.Sample);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var plugin = policies.Selectable(tenant, command.PolicyId);
        var settings = PolicySettingsValidation.Complete(plugin.Policy!.Descriptor, command.Settings ?? new Dictionary<string, string?>());
        return await policies.PreviewAsync(plugin, settings, tenant.Calendar(), facts, command.Sample.ReceivedAt ?? clock.GetCurrentInstant());
    }

    // The sample is checked by intake's own rules, with the fields named under input.sample.
    private static ComplaintFacts FactsOf(PolicySample sample)
    {
        var intake = new ComplaintIntake(
            sample.Channel, sample.Kind, sample.Category, "(preview)", new Customer("(preview)", null, null, sample.CustomerTier), null, sample.AmountInvolved, sample.Facts);
        try
        {
            intake.Validate();
        }
        catch (DomainException e) when (e.Field is { } field && field.StartsWith("input.", StringComparison.Ordinal))
        {
            throw new DomainException(e.Code, e.Message, "input.sample." + field["input.".Length..]);
        }

        return intake.ToPolicyFacts();
    }
}

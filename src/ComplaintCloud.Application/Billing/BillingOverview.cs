using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Tenancy;
using NodaTime;

namespace ComplaintCloud.Application.Billing;

/// <summary>How much of a counted limit is used; a null maximum is unlimited.</summary>
public sealed record PlanUsage(string Limit, int Used, int? Max);

/// <summary>What the billing page shows: plan, status, dates, usage against limits, and what needs doing.</summary>
public sealed record BillingOverview(
    bool Enabled,
    Plan Plan,
    SubscriptionStatus Status,
    Instant? CurrentPeriodEnd,
    Instant? TrialEnd,
    Instant? GraceEndsAt,
    bool ReadOnly,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<PlanUsage> Usage,
    IReadOnlyList<Plan> Plans);

public sealed class BillingOverviewQuery(BillingGate gate, BillingSettings settings, TenantContext tenantContext)
{
    public async Task<BillingOverview> GetAsync(CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireSignedInTenant();
        var billing = await gate.CurrentAsync(tenantId, cancellationToken);
        var limits = billing.Plan.Limits;
        var complaints = new PlanUsage(PlanLimitNames.ComplaintsPerMonth, await gate.ComplaintsThisMonthAsync(tenantId, cancellationToken), limits.ComplaintsPerMonth);
        var seats = new PlanUsage(PlanLimitNames.AgentSeats, await gate.SeatsInUseAsync(tenantId, cancellationToken), limits.AgentSeats);
        var warnings = new List<string>();
        if (billing.Standing.Warning is { } warning)
        {
            warnings.Add(warning);
        }

        if (complaints.Used >= complaints.Max)
        {
            warnings.Add($"This month's {complaints.Max} complaints are used up: customers' complaints are still taken and flagged, but agents cannot add more. Upgrade the plan.");
        }

        var account = billing.Account;
        return new BillingOverview(
            settings.Enabled,
            billing.Plan,
            account.Status,
            account.CurrentPeriodEnd,
            account.TrialEnd,
            billing.Standing.GraceEndsAt,
            !billing.Standing.Writable,
            warnings,
            [complaints, seats],
            settings.Enabled ? settings.Plans : [billing.Plan]);
    }
}

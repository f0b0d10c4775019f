using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Billing;
using ComplaintCloud.Infrastructure.Billing;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Billing;

/// <summary>A tenant's plan and standing now, with the account they come from (a fresh one when it never subscribed).</summary>
public sealed record TenantBilling(Plan Plan, BillingStanding Standing, BillingAccount Account);

/// <summary>What intake should do with one more complaint: public intake over the limit stores it and flags it.</summary>
public sealed record IntakeDecision(string PlanCode, bool OverPlanLimit);

/// <summary>
/// Where plan limits and a lapsed subscription bite: each check refuses with PLAN_LIMIT and names the limit in the
/// error's extensions. Public intake is never refused, so no customer's complaint is ever dropped.
/// </summary>
public sealed class BillingGate(ComplaintCloudDbContext db, BillingSettings settings, IClock clock)
{
    /// <summary>The policies every plan may run; any other is a custom policy.</summary>
    public static readonly IReadOnlySet<string> BuiltInPolicies = new HashSet<string> { "general-enterprise", "winery", "gas-station" };

    public async Task<TenantBilling> CurrentAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return new(Plan.Development, new BillingStanding(Plan.Development.Code, true, null, null), BillingAccount.Open(tenantId));
        }

        var account = await db.BillingAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.TenantId == tenantId, cancellationToken)
            ?? BillingAccount.Open(tenantId);
        var standing = account.StandingAt(clock.GetCurrentInstant(), settings.GracePeriod);
        return new(settings.Find(standing.PlanCode) ?? settings.Free, standing, account);
    }

    /// <summary>Refuses to work complaints (mutations) while the subscription has lapsed; reading stays open.</summary>
    public async Task EnsureWritableAsync(Guid tenantId, CancellationToken cancellationToken) =>
        EnsureWritable(await CurrentAsync(tenantId, cancellationToken));

    /// <summary>
    /// One more complaint this month. An agent over the limit (or on a read-only desk) is refused; a customer's public
    /// complaint is always taken, and over the limit the decision says to flag it.
    /// </summary>
    public async Task<IntakeDecision> CheckIntakeAsync(Guid tenantId, bool isPublic, CancellationToken cancellationToken)
    {
        var billing = await CurrentAsync(tenantId, cancellationToken);
        if (!isPublic)
        {
            EnsureWritable(billing);
        }

        var withinLimit = new IntakeDecision(billing.Plan.Code, OverPlanLimit: false);
        if (billing.Plan.Limits.ComplaintsPerMonth is not { } limit)
        {
            return withinLimit;
        }

        var used = await ComplaintsThisMonthAsync(tenantId, cancellationToken);
        if (used < limit)
        {
            return withinLimit;
        }

        return isPublic
            ? withinLimit with { OverPlanLimit = true }
            : throw Refusal(billing.Plan, Counted(PlanLimitNames.ComplaintsPerMonth, limit, used),
                $"The {billing.Plan.Name} plan takes {limit} complaints a month and this month's are used up; upgrade to take more.");
    }

    /// <summary>For inviting a user: refused when every seat of the plan is taken.</summary>
    public async Task EnsureSeatAvailableAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var billing = await CurrentAsync(tenantId, cancellationToken);
        if (billing.Plan.Limits.AgentSeats is { } seats && await SeatsInUseAsync(tenantId, cancellationToken) is var used && used >= seats)
        {
            throw Refusal(billing.Plan, Counted(PlanLimitNames.AgentSeats, seats, used), $"The {billing.Plan.Name} plan has {seats} seats and all are taken; upgrade to add users.");
        }
    }

    /// <summary>For selecting a policy: one other than the built-in ones needs a plan that allows custom policies.</summary>
    public async Task EnsurePolicyAllowedAsync(Guid tenantId, string policyId, CancellationToken cancellationToken)
    {
        var billing = await CurrentAsync(tenantId, cancellationToken);
        if (!BuiltInPolicies.Contains(policyId) && !billing.Plan.Limits.CustomPolicyAllowed)
        {
            throw Refusal(billing.Plan, NotAllowed(PlanLimitNames.CustomPolicy), $"The {billing.Plan.Name} plan runs the built-in policies only; upgrade to run '{policyId}'.");
        }
    }

    /// <summary>For issuing an integration API key: only plans that allow them.</summary>
    public async Task EnsureApiKeysAllowedAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var billing = await CurrentAsync(tenantId, cancellationToken);
        if (!billing.Plan.Limits.ApiKeysAllowed)
        {
            throw Refusal(billing.Plan, NotAllowed(PlanLimitNames.ApiKeys), $"The {billing.Plan.Name} plan has no API keys; upgrade to connect other systems.");
        }
    }

    /// <summary>Complaints received since the start of this month in the tenant's time zone, flagged ones included.</summary>
    public async Task<int> ComplaintsThisMonthAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
        var zone = tenant.Calendar().Zone;
        var today = clock.GetCurrentInstant().InZone(zone).Date;
        var monthStart = today.With(DateAdjusters.StartOfMonth).AtStartOfDayInZone(zone).ToInstant();
        return await db.Complaints.CountAsync(c => c.TenantId == tenantId && c.ReceivedAt >= monthStart, cancellationToken);
    }

    public Task<int> SeatsInUseAsync(Guid tenantId, CancellationToken cancellationToken) =>
        db.Users.CountAsync(u => u.TenantId == tenantId && u.DeactivatedAt == null, cancellationToken);

    private static void EnsureWritable(TenantBilling billing)
    {
        if (!billing.Standing.Writable)
        {
            throw Refusal(
                billing.Plan,
                new Dictionary<string, object?> { ["name"] = PlanLimitNames.Writable, ["billingStatus"] = billing.Account.Status.Code() },
                billing.Standing.Warning ?? "The subscription has lapsed.");
        }
    }

    private static Dictionary<string, object?> Counted(string name, int max, int used) => new() { ["name"] = name, ["max"] = max, ["used"] = used };

    private static Dictionary<string, object?> NotAllowed(string name) => new() { ["name"] = name, ["allowed"] = false };

    private static DomainException Refusal(Plan plan, Dictionary<string, object?> limit, string message) =>
        new(ErrorCode.PlanLimit, message, extensions: new Dictionary<string, object?> { ["plan"] = plan.Code, ["limit"] = limit });
}

using NodaTime;

namespace ComplaintCloud.Domain.Billing;

/// <summary>A subscription as Stripe reported it when we last asked.</summary>
public sealed record SubscriptionState(
    string SubscriptionId,
    string CustomerId,
    SubscriptionStatus Status,
    string PlanCode,
    Instant? CurrentPeriodEnd,
    Instant? TrialEnd);

/// <summary>
/// A tenant's side of billing: its Stripe customer and the subscription it pays with. It only ever takes the newest
/// state Stripe reported, so webhooks arriving late, twice or out of order cannot move it backwards. Billing never
/// deletes anything: a lapsed tenant becomes read-only.
/// </summary>
public sealed class BillingAccount : ITenantOwned
{
    private BillingAccount()
    {
        PlanCode = Plan.FreeCode;
    }

    public Guid TenantId { get; private set; }
    public string? StripeCustomerId { get; private set; }
    public string? StripeSubscriptionId { get; private set; }

    /// <summary>The plan the subscription pays for; FREE until one does.</summary>
    public string PlanCode { get; private set; }
    public SubscriptionStatus Status { get; private set; }
    public Instant? CurrentPeriodEnd { get; private set; }
    public Instant? TrialEnd { get; private set; }

    /// <summary>When we first saw the subscription past due: the grace period runs from here.</summary>
    public Instant? PastDueSince { get; private set; }

    /// <summary>When the applied state was read from Stripe; an older reading is ignored.</summary>
    public Instant? StateAsOf { get; private set; }

    public static BillingAccount Open(Guid tenantId) => new() { TenantId = tenantId, Status = SubscriptionStatus.None };

    public void AttachCustomer(string customerId) => StripeCustomerId = customerId;

    /// <summary>
    /// Takes a subscription's state read from Stripe at <paramref name="asOf"/>, unless a newer reading was applied
    /// already, or it is a dead subscription while another one is live (a late event of a replaced subscription).
    /// </summary>
    public bool Apply(SubscriptionState state, Instant asOf)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (StateAsOf is { } applied && asOf < applied)
        {
            return false;
        }

        if (StripeSubscriptionId is not null && StripeSubscriptionId != state.SubscriptionId && Status.IsLive() && !state.Status.IsLive())
        {
            return false;
        }

        PastDueSince = state.Status == SubscriptionStatus.PastDue ? PastDueSince ?? asOf : null;
        StripeCustomerId = state.CustomerId;
        StripeSubscriptionId = state.SubscriptionId;
        Status = state.Status;
        PlanCode = state.PlanCode;
        CurrentPeriodEnd = state.CurrentPeriodEnd;
        TrialEnd = state.TrialEnd;
        StateAsOf = asOf;
        return true;
    }

    /// <summary>What the tenant may do now: past due keeps full service for <paramref name="gracePeriod"/>, then read-only.</summary>
    public BillingStanding StandingAt(Instant now, Duration gracePeriod)
    {
        switch (Status)
        {
            case SubscriptionStatus.None or SubscriptionStatus.Incomplete or SubscriptionStatus.IncompleteExpired:
                // Never paid (or the first payment is still pending): the free plan, in full.
                return new(Plan.FreeCode, true, null, null);
            case SubscriptionStatus.Trialing:
                return new(PlanCode, true, null, TrialEnd is { } trialEnd ? $"The trial ends at {trialEnd}; add a payment method to keep the {PlanCode} plan." : null);
            case SubscriptionStatus.Active:
                return new(PlanCode, true, null, null);
            case SubscriptionStatus.PastDue when PastDueSince is { } since && now < since + gracePeriod:
                var graceEnds = since + gracePeriod;
                return new(PlanCode, true, graceEnds, $"The last payment failed: update the payment method before {graceEnds} or the desk becomes read-only.");
            default:
                return new(PlanCode, false, null, "The subscription has lapsed: complaints can still be read, exported and received from customers, but not worked until it is renewed.");
        }
    }
}

/// <summary>A tenant's plan and whether it may work complaints, with a warning to show when something needs doing.</summary>
public sealed record BillingStanding(string PlanCode, bool Writable, Instant? GraceEndsAt, string? Warning);

namespace ComplaintCloud.Domain.Billing;

/// <summary>A Stripe subscription's status, plus <see cref="None"/> for a tenant that never subscribed.</summary>
public enum SubscriptionStatus
{
    None,
    Incomplete,
    IncompleteExpired,
    Trialing,
    Active,
    PastDue,
    Unpaid,
    Paused,
    Canceled,
}

public static class SubscriptionStatuses
{
    /// <summary>A subscription that is (or may again become) the one the tenant pays with.</summary>
    public static bool IsLive(this SubscriptionStatus status) =>
        status is SubscriptionStatus.Trialing or SubscriptionStatus.Active or SubscriptionStatus.PastDue
            or SubscriptionStatus.Unpaid or SubscriptionStatus.Paused;

    /// <summary>The status as clients see it, e.g. PAST_DUE.</summary>
    public static string Code(this SubscriptionStatus status) => status switch
    {
        SubscriptionStatus.IncompleteExpired => "INCOMPLETE_EXPIRED",
        SubscriptionStatus.PastDue => "PAST_DUE",
        _ => status.ToString().ToUpperInvariant(),
    };
}

namespace ComplaintCloud.Domain.Billing;

/// <summary>A plan a tenant can be on. Plans come from configuration; <see cref="Development"/> stands in when billing is off.</summary>
public sealed record Plan(string Code, string Name, string? StripePriceId, PlanLimits Limits)
{
    public const string FreeCode = "FREE";

    /// <summary>Every tenant's plan while billing is off: nothing is limited.</summary>
    public static Plan Development { get; } = new("DEVELOPMENT", "Development", null, PlanLimits.Unlimited);
}

/// <summary>What a plan allows; a null number is unlimited.</summary>
public sealed record PlanLimits(int? ComplaintsPerMonth, int? AgentSeats, bool CustomPolicyAllowed, bool ApiKeysAllowed)
{
    public static PlanLimits Unlimited { get; } = new(null, null, true, true);
}

/// <summary>The limits named in a PLAN_LIMIT error's extensions and in the billing usage.</summary>
public static class PlanLimitNames
{
    public const string ComplaintsPerMonth = "complaintsPerMonth";
    public const string AgentSeats = "agentSeats";
    public const string CustomPolicy = "customPolicy";
    public const string ApiKeys = "apiKeys";
    public const string Writable = "writable";
}

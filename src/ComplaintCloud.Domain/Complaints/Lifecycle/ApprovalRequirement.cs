using System.Globalization;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>One approval a plan needs: for <see cref="Role"/>, given by a user holding one of <see cref="AcceptedRoles"/>.</summary>
/// <param name="Role">The role the policy requires for the grade.</param>
/// <param name="AcceptedRoles">Who may give it: the role itself, or, when the compensation is above its authority, the roles up its chain that cover it (empty when none does).</param>
/// <param name="AboveAuthority">Why the role itself may not give it, when it may not.</param>
public sealed record ApprovalSlot(string Role, IReadOnlyList<string> AcceptedRoles, string? AboveAuthority)
{
    /// <summary>A review the plan needs before it may be approved (seed 002's 审核), given by the role itself.</summary>
    public bool IsReview { get; init; }
}

/// <summary>Every approval a plan needs, all jointly (SPEC §2.7).</summary>
public sealed record ApprovalRequirement(IReadOnlyList<ApprovalSlot> Slots)
{
    /// <summary>
    /// Asks the policy who approves a plan of this grade. The money is decided by the required role with the largest
    /// compensation authority; compensation above it needs the first role up its escalation chain whose authority
    /// covers it (seed 004's special approval). The other roles (legal, PR…) approve jointly whatever the amount.
    /// </summary>
    public static ApprovalRequirement Decide(IComplaintPolicy policy, PolicySettings settings, string gradeCode, ComplaintFacts facts, decimal compensation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var rule = policy.Approval(gradeCode, facts, settings);
        var roles = rule.RequiredRoles;
        if (roles.Count == 0)
        {
            throw new DomainException(ErrorCode.PolicyFailed, $"The policy names nobody to approve a {gradeCode} plan.");
        }

        var money = roles.Select(role => policy.Authority(role, settings)).MaxBy(a => a.CompensationLimit)!;
        return new ApprovalRequirement([
            .. rule.ReviewingRoles.Select(role => new ApprovalSlot(role, [role], null) { IsReview = true }),
            .. roles.Select(role =>
            role != money.RoleCode || compensation <= money.CompensationLimit
                ? new ApprovalSlot(role, [role], null)
                : new ApprovalSlot(role, Covering(policy, settings, money, compensation), string.Create(
                    CultureInfo.InvariantCulture,
                    $"Compensation {compensation} is above {role}'s authority of {money.CompensationLimit}."))),
        ]);
    }

    // The roles above the deciding one, from the first whose limit covers the compensation up to the top.
    private static List<string> Covering(IComplaintPolicy policy, PolicySettings settings, RoleAuthority from, decimal compensation)
    {
        var chain = new List<RoleAuthority>();
        var seen = new HashSet<string> { from.RoleCode };
        for (var next = from.EscalatesTo; next is not null && seen.Add(next); next = chain[^1].EscalatesTo)
        {
            chain.Add(policy.Authority(next, settings));
        }

        var first = chain.FindIndex(a => a.CompensationLimit >= compensation);
        return first < 0 ? [] : [.. chain.Skip(first).Select(a => a.RoleCode)];
    }
}

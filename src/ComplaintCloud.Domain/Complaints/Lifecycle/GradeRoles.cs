using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>The roles a policy names for a complaint of a grade: those who approve (or review) its plan and those it goes to when graded.</summary>
public static class GradeRoles
{
    public static IReadOnlyList<string> Of(IComplaintPolicy policy, PolicySettings settings, string gradeCode, ComplaintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var approval = policy.Approval(gradeCode, facts, settings);
        return
        [
            .. approval.RequiredRoles
                .Concat(policy.Escalation(gradeCode, EscalationTrigger.Graded, facts, settings).Select(step => step.RoleCode))
                .Distinct(StringComparer.Ordinal),
        ];
    }
}

using ComplaintCloud.Domain.Complaints.Lifecycle;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>
/// Who may do which operation on the complaint as it stands. Every operation starts by asking here, and so does the
/// console's list of allowed actions, so the two cannot disagree; the input is checked by the operation afterwards.
/// </summary>
public sealed partial class Complaint
{
    /// <summary>Why <paramref name="actor"/> may not do <paramref name="action"/> now, or null when they may.</summary>
    public DomainException? Refusal(ComplaintAction action, Actor actor, PolicyAnswers policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return StepRefusal(action, actor, policy) ?? OwnersWorkRefusal(actor, policy.GradeRoles, action);
    }

    // What the operation itself guards; the owner's work is guarded after it (RequireOwnersWork), with the grade's roles.
    private DomainException? StepRefusal(ComplaintAction action, Actor actor, PolicyAnswers policy)
    {
        ArgumentNullException.ThrowIfNull(actor);
        return action switch
        {
            ComplaintAction.Acknowledge => StateRefusal("acknowledge it", ComplaintStatus.Received),
            ComplaintAction.Assign => (OwnerId is { } owner && IsOpen
                    ? new DomainException(ErrorCode.InvalidTransition, $"The complaint is owned by user {owner}; to give it to someone else, use handOverComplaint.")
                    : null)
                ?? StateRefusal("assign it", ComplaintStatus.Received, ComplaintStatus.Acknowledged, ComplaintStatus.Reopened),
            ComplaintAction.HandOver => OpenRefusal("hand it over") ?? HandOverRefusal(actor),
            ComplaintAction.Regrade => OpenRefusal("regrade it"),
            ComplaintAction.RecordInvestigation => StateRefusal("record an investigation on it", ComplaintStatus.Assigned, ComplaintStatus.Investigating),
            ComplaintAction.DecideResponsibility => StateRefusal("decide responsibility for it", ComplaintStatus.Investigating, ComplaintStatus.ResponsibilityDecided),
            ComplaintAction.ProposePlan => StateRefusal("propose a plan for it", ComplaintStatus.ResponsibilityDecided),
            ComplaintAction.ApprovePlan => StateRefusal("approve its plan", ComplaintStatus.PlanProposed) ?? ApprovalRefusal(actor, Required(policy)),
            ComplaintAction.RejectPlan => StateRefusal("reject its plan", ComplaintStatus.PlanProposed) ?? RejectionRefusal(actor, Required(policy)),
            ComplaintAction.NotifyCustomer => StateRefusal("notify the customer of its plan", ComplaintStatus.PlanApproved),
            ComplaintAction.RecordCustomerConfirmation => StateRefusal("record the customer's answer to its plan", ComplaintStatus.CustomerNotified),
            ComplaintAction.UpdateTask => StateRefusal("update its tasks", ComplaintStatus.CustomerConfirmed, ComplaintStatus.Executing),
            ComplaintAction.Resolve => StateRefusal("resolve it", ComplaintStatus.CustomerConfirmed, ComplaintStatus.Executing) ?? OpenTasksRefusal(),
            ComplaintAction.RecordCallback => StateRefusal("record its callback", ComplaintStatus.Resolved) ?? CallbackRefusal(actor, policy.CallbackRole),
            ComplaintAction.Reopen => StateRefusal("reopen it", ComplaintStatus.Resolved, ComplaintStatus.CallbackDone),
            ComplaintAction.Close => StateRefusal("close it", ComplaintStatus.CallbackDone, ComplaintStatus.Withdrawn),
            ComplaintAction.Escalate => OpenRefusal("escalate it"),
            ComplaintAction.Withdraw => OpenRefusal("withdraw it"),
            // Notes may be added in any state, closed included: they are how records are corrected.
            ComplaintAction.AddNote => null,
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    /// <summary>The approvals the plan still needs under <paramref name="requirement"/>.</summary>
    public IReadOnlyList<ApprovalSlot> OutstandingApprovals(ApprovalRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(requirement);
        return [.. requirement.Slots.Where(s => !s.IsReview && Approvals.All(a => a.Role != s.Role))];
    }

    private void RequireAllowed(ComplaintAction action, Actor actor, PolicyAnswers? policy = null)
    {
        if (StepRefusal(action, actor, policy ?? PolicyAnswers.None) is { } refusal)
        {
            throw refusal;
        }
    }

    private static ApprovalRequirement Required(PolicyAnswers policy) =>
        policy.Approvals ?? throw new InvalidOperationException("Deciding on a plan needs the policy's approval requirement.");

    private DomainException? HandOverRefusal(Actor actor) =>
        OwnerId is not { } owner ? new DomainException(ErrorCode.InvalidTransition, "Nobody owns the complaint yet; assign it.")
        : owner != actor.UserId && !actor.Holds(Tenants.PlatformRoles.TenantAdmin) ? new DomainException(ErrorCode.Forbidden, "Only the owner or a tenant admin can hand the complaint over.")
        : null;

    private DomainException? ApprovalRefusal(Actor actor, ApprovalRequirement requirement)
    {
        if (AlreadyDecidedRefusal(actor) is { } decided)
        {
            return decided;
        }

        var outstanding = OutstandingApprovals(requirement);
        if (outstanding.Any(s => s.AcceptedRoles.Any(actor.Holds)))
        {
            var toReview = requirement.Slots.Where(s => s.IsReview && Reviews.All(r => r.Role != s.Role)).Select(s => s.Role).ToList();
            return toReview.Count == 0 ? null
                : new DomainException(ErrorCode.InvalidTransition, $"The plan awaits review by {string.Join(", ", toReview)} (reviewPlan) before it is approved.");
        }

        var aboveAuthority = outstanding.FirstOrDefault(s => s.AboveAuthority is not null && actor.Holds(s.Role));
        return new DomainException(ErrorCode.Forbidden, aboveAuthority is not null
            ? $"{aboveAuthority.AboveAuthority} It needs {(aboveAuthority.AcceptedRoles.Count == 0 ? "a role the policy does not have" : string.Join(" or ", aboveAuthority.AcceptedRoles))}."
            : $"This plan needs approval by {string.Join(", ", outstanding.Select(s => string.Join(" or ", s.AcceptedRoles)))}.");
    }

    private static DomainException? RejectionRefusal(Actor actor, ApprovalRequirement requirement) =>
        requirement.Slots.Any(s => actor.Holds(s.Role) || s.AcceptedRoles.Any(actor.Holds))
            ? null
            : new DomainException(ErrorCode.Forbidden, $"Only an approver of this plan ({string.Join(", ", requirement.Slots.Select(s => s.Role))}) can reject it.");

    private DomainException? OpenTasksRefusal()
    {
        var open = CurrentTasks.Count(t => !t.Done);
        return open > 0 ? new DomainException(ErrorCode.InvalidTransition, $"{open} task(s) of the plan are not done.") : null;
    }

    private DomainException? CallbackRefusal(Actor actor, string? callerRole)
    {
        // The customer answering the survey on their tracking page is the one asked, and never handled it.
        if (ReferenceEquals(actor, Actor.Customer))
        {
            return null;
        }

        var role = callerRole ?? throw new InvalidOperationException("Recording a callback needs the role the policy names for it.");
        return !actor.Holds(role) && !actor.Holds(Tenants.PlatformRoles.TenantAdmin) ? new DomainException(ErrorCode.Forbidden, $"The callback is made by {role}.")
            : HandlerIds.Contains(actor.UserId) ? new DomainException(ErrorCode.Forbidden, "The callback must be made by someone who did not handle the complaint.")
            : null;
    }

    private void RequireState(string operation, params ComplaintStatus[] allowed)
    {
        if (StateRefusal(operation, allowed) is { } refusal)
        {
            throw refusal;
        }
    }

    private DomainException? StateRefusal(string operation, params ComplaintStatus[] allowed) =>
        allowed.Contains(Status) ? null : new DomainException(ErrorCode.InvalidTransition, $"The complaint is {ApiNames.Of(Status)}, so you cannot {operation}.");

    private DomainException? OpenRefusal(string operation) =>
        IsOpen ? null : new DomainException(ErrorCode.InvalidTransition, $"The complaint is {ApiNames.Of(Status)}, so you cannot {operation}.");
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>One lifecycle operation and why the signed-in user may not run it now; <see cref="Refusal"/> null when they may.</summary>
public sealed record ActionCheck(ComplaintAction Action, DomainException? Refusal);

/// <summary>
/// What the signed-in user may do to a complaint now, asked of the same <see cref="Complaint.Refusal"/> the operations
/// obey, so a console shows only the buttons that will work and says, in the API's words, why the others would not.
/// </summary>
public sealed class AllowedActions(ComplaintWork work)
{
    public async Task<IReadOnlyList<ActionCheck>> ForAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var actor = work.SignedIn();
        var mayWork = ComplaintWork.MayWork(actor.Roles);
        // The policy is asked for approvals and the callback only when the complaint's state can use them.
        var policy = new PolicyAnswers(
            await RequirementAsync(complaint, cancellationToken),
            complaint.Status == ComplaintStatus.Resolved ? (await work.CallbackAsync(complaint, cancellationToken)).ByRole : null,
            await work.GradeRolesAsync(complaint, cancellationToken));
        // A viewer is told what the state allows, then that viewers only read.
        return [.. Enum.GetValues<ComplaintAction>().Select(action =>
            new ActionCheck(action, complaint.Refusal(action, actor, policy) ?? (mayWork ? null : ComplaintWork.ViewerRefusal())))];
    }

    /// <summary>The approvals a proposed plan still needs, each with who may give it and why the role itself may not.</summary>
    public async Task<IReadOnlyList<ApprovalSlot>> OutstandingApprovalsAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return await RequirementAsync(complaint, cancellationToken) is { } requirement ? complaint.OutstandingApprovals(requirement) : [];
    }

    // An ungraded complaint gives the policy nothing to name approvers by: nobody may approve it.
    private async Task<ApprovalRequirement?> RequirementAsync(Complaint complaint, CancellationToken cancellationToken) =>
        complaint.Status != ComplaintStatus.PlanProposed ? null
        : complaint.Grade is null ? new ApprovalRequirement([])
        : await work.ApprovalsAsync(complaint, cancellationToken);
}

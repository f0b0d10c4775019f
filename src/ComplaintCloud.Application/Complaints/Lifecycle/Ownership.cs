using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

public sealed class AcknowledgeComplaintHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.Acknowledge(actor, now), cancellationToken);
}

/// <summary>The first responder takes the complaint (or gives it to someone): they own it until a handover.</summary>
public sealed class AssignComplaintHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, Guid? ownerId, CancellationToken cancellationToken)
    {
        var owner = ownerId ?? work.Actor().UserId;
        await work.RequireUserAsync(owner, "input.ownerId", cancellationToken);
        return await work.ChangeAsync(complaintId, (c, actor, now) => c.Assign(actor, owner, now), cancellationToken);
    }
}

public sealed class HandOverComplaintHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, Guid newOwnerId, string reason, CancellationToken cancellationToken)
    {
        await work.RequireUserAsync(newOwnerId, "input.newOwnerId", cancellationToken);
        return await work.ChangeAsync(complaintId, (c, actor, now) => c.HandOver(actor, newOwnerId, reason, now), cancellationToken);
    }
}

/// <summary>A manual grade override with a reason, among the grades of the complaint's own policy version.</summary>
public sealed class GradeComplaintHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, string gradeCode, string reason, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        var complaint = await work.LoadAsync(complaintId, cancellationToken);
        var grade = await work.GradeAsync(complaint, grades => grades.FirstOrDefault(g => g.Code == gradeCode), cancellationToken)
            ?? throw new DomainException(ErrorCode.BadUserInput, $"The policy {complaint.PolicyId} has no grade '{gradeCode}'.", "input.gradeCode");
        complaint.Regrade(actor, grade, reason, work.Now);
        return await work.SaveAsync(complaint, cancellationToken);
    }
}

/// <summary>Escalates to a role of the complaint's policy, audited, and tells the role.</summary>
public sealed class EscalateComplaintHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, string toRole, string reason, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        var complaint = await work.LoadAsync(complaintId, cancellationToken);
        var known = await work.AskPolicyAsync(complaint, (policy, _) => policy.Descriptor.Roles.Any(r => r.Code == toRole), cancellationToken);
        if (!known)
        {
            throw new DomainException(ErrorCode.BadUserInput, $"The policy {complaint.PolicyId} has no role '{toRole}'.", "input.toRole");
        }

        var now = work.Now;
        complaint.Escalate(actor, toRole, reason, now);
        // The role is told, as when the policy escalates.
        work.Db.OutboxMessages.AddRange(EscalationNotices.For(
            complaint, [new EscalationStep(EscalationAction.Escalate, toRole)], MessageKind.Escalation,
            $"complaint:{complaint.Id}:escalated:{now.ToUnixTimeTicks()}", now, ("reason", reason)));
        return await work.SaveAsync(complaint, cancellationToken);
    }
}

public sealed class WithdrawComplaintHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string reason, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.Withdraw(actor, reason, now), cancellationToken);
}

using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

public sealed record ProposePlanCommand(
    Guid ComplaintId,
    string ShortTermMeasures,
    string? LongTermMeasures,
    IReadOnlyList<Remedy> Remedies,
    decimal? Compensation,
    IReadOnlyList<PlanTaskDraft> Tasks);

public sealed class ProposePlanHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(ProposePlanCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        await work.RequireUsersAsync(command.Tasks.Select((t, i) => (t.OwnerId, $"input.tasks[{i}].ownerId")), cancellationToken);
        return await work.ChangeOwnersWorkAsync(
            command.ComplaintId,
            ComplaintAction.ProposePlan,
            (c, actor, now) => c.ProposePlan(actor, command.ShortTermMeasures, command.LongTermMeasures, command.Remedies, command.Compensation, command.Tasks, now),
            cancellationToken);
    }
}

/// <summary>Approves the plan for the roles the complaint's policy requires at its grade, within their authority.</summary>
public sealed class ApprovePlanHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, CancellationToken cancellationToken) =>
        Decide(work, complaintId, (c, actor, requirement, now) => c.ApprovePlan(actor, requirement, now), cancellationToken);

    internal static async Task<Complaint> Decide(
        ComplaintWork work, Guid complaintId, Action<Complaint, Domain.Complaints.Lifecycle.Actor, ApprovalRequirement, Instant> decide, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        var complaint = await work.LoadAsync(complaintId, cancellationToken);
        var requirement = complaint.Status == ComplaintStatus.PlanProposed
            ? await work.ApprovalsAsync(complaint, cancellationToken)
            : new ApprovalRequirement([]);
        decide(complaint, actor, requirement, work.Now);
        return await work.SaveAsync(complaint, cancellationToken);
    }
}

/// <summary>A reviewer the complaint's policy names for its grade reviews the plan before it is approved (seed 002).</summary>
public sealed class ReviewPlanHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, CancellationToken cancellationToken) =>
        ApprovePlanHandler.Decide(work, complaintId, (c, actor, requirement, now) => c.ReviewPlan(actor, requirement, now), cancellationToken);
}

public sealed class RejectPlanHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string reason, CancellationToken cancellationToken) =>
        ApprovePlanHandler.Decide(work, complaintId, (c, actor, requirement, now) => c.RejectPlan(actor, requirement, reason, now), cancellationToken);
}

public sealed class NotifyCustomerHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string message, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.NotifyCustomer(actor, message, now), cancellationToken);
}

public sealed class RecordCustomerConfirmationHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, bool accepted, string? note, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.RecordCustomerConfirmation(actor, accepted, note, now), cancellationToken);
}

using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

public sealed class UpdateTaskHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, Guid taskId, int? progress, bool done, string? note, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.UpdateTask(actor, taskId, progress, done, note, now), cancellationToken);
}

public sealed class ResolveComplaintHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string summary, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.Resolve(actor, summary, now), cancellationToken);
}

/// <summary>
/// Records the callback by the role the complaint's policy names for its kind and channel; an unsatisfied customer
/// reopens the complaint one grade higher when the policy has one.
/// </summary>
public sealed class RecordCallbackHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, Satisfaction satisfaction, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        return await RecordAsync(work, await work.LoadAsync(complaintId, cancellationToken), actor, satisfaction, cancellationToken);
    }

    /// <summary>The callback by <paramref name="actor"/>: a member of staff, or the customer answering online.</summary>
    internal static async Task<Complaint> RecordAsync(ComplaintWork work, Complaint complaint, Actor actor, Satisfaction satisfaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(satisfaction);
        var callerRole = (await work.CallbackAsync(complaint, cancellationToken)).ByRole;
        var higher = satisfaction.Unsatisfied ? await ReopenComplaintHandler.HigherGradeAsync(work, complaint, cancellationToken) : null;
        complaint.RecordCallback(actor, satisfaction, callerRole, higher, work.Now);
        return await work.SaveAsync(complaint, cancellationToken);
    }
}

/// <summary>Reopens a resolved complaint with its priority raised one step (seed 003).</summary>
public sealed class ReopenComplaintHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, string reason, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        var complaint = await work.LoadAsync(complaintId, cancellationToken);
        complaint.Reopen(actor, reason, await HigherGradeAsync(work, complaint, cancellationToken), work.Now);
        return await work.SaveAsync(complaint, cancellationToken);
    }

    internal static Task<Plugins.Abstractions.GradeDescriptor?> HigherGradeAsync(ComplaintWork work, Complaint complaint, CancellationToken cancellationToken) =>
        work.GradeAsync(complaint, grades => grades.FirstOrDefault(g => g.Rank > (complaint.Grade?.Rank ?? 0)), cancellationToken);
}

public sealed class CloseComplaintHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.Close(actor, now), cancellationToken);
}

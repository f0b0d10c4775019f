using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

public sealed class RecordInvestigationHandler(ComplaintWork work)
{
    public async Task<Complaint> HandleAsync(Guid complaintId, IReadOnlyList<EvidenceDraft> evidence, IReadOnlyList<string>? rootCause, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        await work.RequireUsersAsync(evidence.Select((e, i) => (e.OnSite?.CheckedBy, $"input.evidence[{i}].onSite.checkedBy")), cancellationToken);
        return await work.ChangeOwnersWorkAsync(complaintId, ComplaintAction.RecordInvestigation, (c, actor, now) => c.RecordInvestigation(actor, evidence, rootCause, now), cancellationToken);
    }
}

public sealed class DecideResponsibilityHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, Responsibility responsibility, string reason, CancellationToken cancellationToken) =>
        work.ChangeOwnersWorkAsync(complaintId, ComplaintAction.DecideResponsibility, (c, actor, now) => c.DecideResponsibility(actor, responsibility, reason, now), cancellationToken);
}

public sealed class AddNoteHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string text, NoteVisibility visibility, CancellationToken cancellationToken) =>
        work.ChangeAsync(complaintId, (c, actor, now) => c.AddNote(actor, text, visibility, now), cancellationToken);
}

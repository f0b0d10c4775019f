using ComplaintCloud.Domain.Complaints;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Lifecycle;

/// <summary>Seed 002: the analysis report of a handled complaint, by the role its policy names for its grade.</summary>
public sealed class WriteAnalysisReportHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string cause, string fix, CancellationToken cancellationToken) =>
        ChangeAsync(work, complaintId, (c, actor, byRole, now) => c.WriteAnalysisReport(actor, byRole, cause, fix, now), cancellationToken);

    internal static async Task<Complaint> ChangeAsync(
        ComplaintWork work, Guid complaintId, Action<Complaint, Domain.Complaints.Lifecycle.Actor, string?, Instant> change, CancellationToken cancellationToken)
    {
        var actor = work.Actor();
        var complaint = await work.LoadAsync(complaintId, cancellationToken);
        var byRole = complaint.Grade is { } grade
            ? await work.AskPolicyAsync(complaint, (policy, settings) => policy.AnalysisReport(grade.Code, settings)?.ByRole, cancellationToken)
            : null;
        change(complaint, actor, byRole, work.Now);
        return await work.SaveAsync(complaint, cancellationToken);
    }
}

/// <summary>The audit of the fix an analysis report set out, by the same role.</summary>
public sealed class AuditAnalysisReportHandler(ComplaintWork work)
{
    public Task<Complaint> HandleAsync(Guid complaintId, string result, bool fixEffective, CancellationToken cancellationToken) =>
        WriteAnalysisReportHandler.ChangeAsync(work, complaintId, (c, actor, byRole, now) => c.AuditAnalysisReport(actor, byRole, result, fixEffective, now), cancellationToken);
}

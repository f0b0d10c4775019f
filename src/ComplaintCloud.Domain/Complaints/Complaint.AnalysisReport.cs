using ComplaintCloud.Domain.Complaints.Lifecycle;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

public sealed partial class Complaint
{
    /// <summary>The analysis report its policy asks for at its grade, once written (seed 002).</summary>
    public AnalysisReport? AnalysisReport { get; private set; }

    /// <summary>
    /// Writes (or, until audited, rewrites) the analysis report of a handled complaint, by <paramref name="byRole"/>, the
    /// role the policy names for the grade (null: the grade needs none), or a tenant admin.
    /// </summary>
    public void WriteAnalysisReport(Actor actor, string? byRole, string cause, string fix, Instant at)
    {
        RequireAnalyst(actor, byRole, "write the analysis report of");
        if (AnalysisReport?.Audit is not null)
        {
            throw new DomainException(ErrorCode.InvalidTransition, "The analysis report has been audited; correct it with a note.");
        }

        var report = new AnalysisReport(
            Rules.RequireText(cause, MaxReasonLength, "input.cause", "The cause"),
            Rules.RequireText(fix, MaxReasonLength, "input.fix", "The fix"),
            actor.UserId,
            at,
            null);
        var before = new { analysisReport = AnalysisReport };
        AnalysisReport = report;
        Record("ANALYSIS_REPORT_WRITTEN", actor, at, before, new { analysisReport = report });
    }

    /// <summary>Audits the fix the analysis report set out, once, by the same role (or a tenant admin).</summary>
    public void AuditAnalysisReport(Actor actor, string? byRole, string result, bool fixEffective, Instant at)
    {
        RequireAnalyst(actor, byRole, "audit the fix of");
        var report = AnalysisReport ?? throw new DomainException(ErrorCode.InvalidTransition, "Write the analysis report before auditing its fix.");
        if (report.Audit is not null)
        {
            throw new DomainException(ErrorCode.InvalidTransition, "The fix has been audited already.");
        }

        var audit = new AnalysisAudit(Rules.RequireText(result, MaxReasonLength, "input.result", "The result"), fixEffective, actor.UserId, at);
        AnalysisReport = report with { Audit = audit };
        Record("ANALYSIS_REPORT_AUDITED", actor, at, new { audit = (AnalysisAudit?)null }, new { audit });
    }

    // The report comes after the handling: from resolution on, while the complaint is not closed.
    private void RequireAnalyst(Actor actor, string? byRole, string operation)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireState(operation, ComplaintStatus.Resolved, ComplaintStatus.CallbackDone);
        var role = byRole ?? throw new DomainException(ErrorCode.InvalidTransition, $"Under its policy a {Grade?.Code ?? "ungraded"} complaint needs no analysis report.");
        RequireRoleOrTenantAdmin(actor, role, $"The analysis report is the business of {role}.");
    }
}

namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>
/// A tenant's complaint policy. Every member is a pure function of its arguments:
/// the host may call it from any thread, cache nothing on its behalf, and time it out.
/// </summary>
public interface IComplaintPolicy
{
    /// <summary>What the policy is: id, version, names, grades, roles, categories and settings.</summary>
    PolicyDescriptor Descriptor { get; }

    /// <summary>Grades a complaint from its facts.</summary>
    GradeDecision Grade(ComplaintFacts facts, PolicySettings settings);

    /// <summary>The SLA clocks a complaint of this grade runs.</summary>
    IReadOnlyList<ClockRule> Clocks(string gradeCode, ComplaintFacts facts, PolicySettings settings);

    /// <summary>Who must approve the resolution plan of a complaint of this grade.</summary>
    ApprovalRule Approval(string gradeCode, ComplaintFacts facts, PolicySettings settings);

    /// <summary>What a role may decide alone; anything beyond goes to <see cref="RoleAuthority.EscalatesTo"/>.</summary>
    RoleAuthority Authority(string roleCode, PolicySettings settings);

    /// <summary>Who is involved, and how, when a clock of this grade is breached.</summary>
    IReadOnlyList<EscalationStep> Escalation(string gradeCode, EscalationTrigger trigger, ComplaintFacts facts, PolicySettings settings);

    /// <summary>The penalty points an outcome books; empty for policies without a ledger.</summary>
    IReadOnlyList<PenaltyRule> Penalties(string gradeCode, PenaltyOccasion occasion, PolicySettings settings);

    /// <summary>
    /// When and by whom the customer is called back after resolution; the channel matters because survey feedback
    /// is called back by someone who did not handle it (seed 003).
    /// </summary>
    CallbackRule Callback(FeedbackKind kind, Channel channel, PolicySettings settings);

    /// <summary>The analysis report a complaint of this grade needs once handled, or null (the default) when none.</summary>
    AnalysisReportRule? AnalysisReport(string gradeCode, PolicySettings settings) => null;
}

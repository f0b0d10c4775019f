namespace ComplaintCloud.Domain.Complaints.Lifecycle;

/// <summary>Every lifecycle operation, for asking whether someone may do it now (<see cref="Complaint.Refusal"/>).</summary>
public enum ComplaintAction
{
    Acknowledge,
    Assign,
    HandOver,
    Regrade,
    RecordInvestigation,
    DecideResponsibility,
    ProposePlan,
    ApprovePlan,
    RejectPlan,
    NotifyCustomer,
    RecordCustomerConfirmation,
    UpdateTask,
    Resolve,
    RecordCallback,
    Reopen,
    Close,
    Escalate,
    Withdraw,
    AddNote,
}

/// <summary>
/// What the complaint's policy says about who may act, for the operations that depend on it: who approves the plan,
/// who calls back, which roles may do the owner's work at its grade (<see cref="Lifecycle.GradeRoles"/>). Null where
/// the operation in question does not need it.
/// </summary>
public sealed record PolicyAnswers(ApprovalRequirement? Approvals = null, string? CallbackRole = null, IReadOnlyCollection<string>? GradeRoles = null)
{
    public static readonly PolicyAnswers None = new();
}

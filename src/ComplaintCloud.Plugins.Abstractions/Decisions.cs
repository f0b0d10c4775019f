namespace ComplaintCloud.Plugins.Abstractions;

/// <summary>The grade a policy gives, and why.</summary>
/// <param name="GradeCode">One of the descriptor's grade codes.</param>
/// <param name="Reason">Why, in words an agent understands.</param>
public sealed record GradeDecision(string GradeCode, string Reason);

/// <summary>An SLA clock a complaint runs.</summary>
/// <param name="Kind">SCREAMING_CASE kind: ACKNOWLEDGE, CONTACT, REPORT, ON_SITE, PLAN, RESOLVE, NOTIFY, CALLBACK or the policy's own.</param>
/// <param name="Target">How long it runs.</param>
/// <param name="StartsOn">What starts it.</param>
/// <param name="PausesWhileWaitingOnCustomer">Whether it stops while the complaint waits on the customer or a third party.</param>
/// <param name="WarningPercent">Share of the target elapsed at which a warning is raised (1–99).</param>
public sealed record ClockRule(
    string Kind,
    Duration Target,
    ClockStart StartsOn,
    bool PausesWhileWaitingOnCustomer = false,
    int WarningPercent = 80)
{
    /// <summary>
    /// Whether only a step the customer confirmed meets it: an ON_SITE clock is then met by an on-site check whose record
    /// the customer signed (seed 000: 由客户签字确认《现场核查记录》), not by one they did not. False by default.
    /// Since contract 1.2.
    /// </summary>
    public bool NeedsCustomerConfirmation { get; init; }

    /// <summary>
    /// For an ACKNOWLEDGE clock: the acknowledgement the host sends the customer automatically at intake meets it when
    /// it is delivered (not when it is queued). False (the default): only a person acknowledging the complaint does.
    /// Since contract 1.2.
    /// </summary>
    public bool MetByAutomaticAcknowledgement { get; init; }
}

/// <summary>A length of time in one of the units the seeds use.</summary>
/// <param name="Amount">How many units; positive.</param>
/// <param name="Unit">Which unit.</param>
public sealed record Duration(int Amount, TimeUnit Unit)
{
    /// <summary>Wall-clock minutes.</summary>
    public static Duration Minutes(int amount) => new(amount, TimeUnit.Minutes);
    /// <summary>Wall-clock hours.</summary>
    public static Duration Hours(int amount) => new(amount, TimeUnit.Hours);
    /// <summary>Hours within the tenant's working hours.</summary>
    public static Duration BusinessHours(int amount) => new(amount, TimeUnit.BusinessHours);
    /// <summary>Whole working days on the tenant's calendar.</summary>
    public static Duration WorkingDays(int amount) => new(amount, TimeUnit.WorkingDays);
}

/// <summary>Units of a <see cref="Duration"/>.</summary>
public enum TimeUnit
{
    /// <summary>Wall-clock minutes.</summary>
    Minutes,
    /// <summary>Wall-clock hours.</summary>
    Hours,
    /// <summary>Hours within working hours.</summary>
    BusinessHours,
    /// <summary>Working days.</summary>
    WorkingDays,
}

/// <summary>What starts a clock.</summary>
public enum ClockStart
{
    /// <summary>The complaint is received.</summary>
    Received,
    /// <summary>The resolution plan is approved.</summary>
    PlanApproved,
    /// <summary>The complaint is resolved.</summary>
    Resolved,
}

/// <summary>Who approves a resolution plan.</summary>
/// <param name="RequiredRoles">Roles that must all approve (jointly).</param>
public sealed record ApprovalRule(IReadOnlyList<string> RequiredRoles)
{
    /// <summary>Roles that must each review the plan before it is approved (seed 002: the unit leader reviews, winery leadership approves); none by default.</summary>
    public IReadOnlyList<string> ReviewingRoles { get; init; } = [];
}

/// <summary>The analysis report a complaint needs once handled: its root cause and fix, then an audit of the fix (seed 002).</summary>
/// <param name="ByRole">The role that writes the report and audits the fix.</param>
public sealed record AnalysisReportRule(string ByRole);

/// <summary>What a role may decide alone.</summary>
/// <param name="RoleCode">The role.</param>
/// <param name="CompensationLimit">Largest compensation it may approve or promise.</param>
/// <param name="EscalatesTo">The next role up, or null at the top.</param>
/// <param name="MustEscalateCategories">Categories it may never settle alone, e.g. "safety/incident".</param>
public sealed record RoleAuthority(
    string RoleCode,
    decimal CompensationLimit,
    string? EscalatesTo,
    IReadOnlyList<string> MustEscalateCategories);

/// <summary>Why an escalation happens.</summary>
public enum EscalationTrigger
{
    /// <summary>A clock reached its warning threshold.</summary>
    ClockWarning,
    /// <summary>A clock was breached.</summary>
    ClockBreached,
    /// <summary>A decision is beyond the deciding role's authority.</summary>
    AuthorityExceeded,
    /// <summary>The complaint was graded at intake (e.g. MAJOR goes to management at once): the host applies these
    /// steps as the complaint is received.</summary>
    Graded,
}

/// <summary>One step of an escalation chain.</summary>
/// <param name="Action">What happens.</param>
/// <param name="RoleCode">The role notified or given the complaint.</param>
/// <param name="Within">How long the step itself may take, when it is clocked.</param>
public sealed record EscalationStep(EscalationAction Action, string RoleCode, Duration? Within = null);

/// <summary>What an escalation step does.</summary>
public enum EscalationAction
{
    /// <summary>Tell the role.</summary>
    Notify,
    /// <summary>Give the complaint to the role.</summary>
    Reassign,
    /// <summary>Raise the complaint one grade.</summary>
    RaiseGrade,
    /// <summary>Form a cross-department emergency team: the role is one of its members.</summary>
    InvolveEmergencyTeam,
    /// <summary>Escalate the complaint to the role: the complaint shows it as escalated to it, and the role is told.</summary>
    Escalate,
}

/// <summary>When penalty points are booked.</summary>
public enum PenaltyOccasion
{
    /// <summary>The complaint is confirmed at its grade (per-complaint deductions).</summary>
    ComplaintConfirmed,
    /// <summary>A time limit was missed.</summary>
    DeadlineMissed,
    /// <summary>The customer was unhappy with the handling on callback.</summary>
    CallbackUnsatisfied,
}

/// <summary>Who a penalty falls on.</summary>
public enum PenaltyTarget
{
    /// <summary>The responsible department.</summary>
    Department,
    /// <summary>The department's head.</summary>
    DepartmentHead,
    /// <summary>The unit leader above the department.</summary>
    UnitLeader,
    /// <summary>The directly responsible person.</summary>
    ResponsiblePerson,
}

/// <summary>Points booked against a target for an outcome.</summary>
/// <param name="Target">Who loses the points.</param>
/// <param name="Points">Points deducted (positive number).</param>
/// <param name="Rule">The rule, in words, for the ledger.</param>
/// <param name="DecidedByDepartment">The points are a ceiling the department decides within.</param>
/// <param name="UpToDismissal">A flag for HR: the case may go as far as dismissal. Never automated.</param>
public sealed record PenaltyRule(
    PenaltyTarget Target,
    int Points,
    string Rule,
    bool DecidedByDepartment = false,
    bool UpToDismissal = false);

/// <summary>How the customer is called back after resolution.</summary>
/// <param name="Within">How soon after resolution.</param>
/// <param name="ByRole">The role that calls.</param>
/// <param name="MustNotHaveHandled">The caller must not have handled the complaint.</param>
public sealed record CallbackRule(Duration Within, string ByRole, bool MustNotHaveHandled)
{
    /// <summary>
    /// Whether the customer may answer the callback's satisfaction survey themselves, online on the tenant's tracking
    /// page, instead of being called. False (the default): the seeds' callback (回访) is a call. Since contract 1.3.
    /// </summary>
    public bool CustomerMayAnswerOnline { get; init; }
}

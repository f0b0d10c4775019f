using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>
/// The lifecycle every tenant shares (SPEC §2): each operation guards the state it may start from, changes the
/// complaint, and records an audit event with before and after. A refused operation changes nothing.
/// </summary>
public sealed partial class Complaint
{
    public const int MaxReasonLength = 2_000;
    public const int MaxWhys = 5;

    private readonly List<EvidenceItem> _evidence = [];
    private readonly List<PlanTask> _tasks = [];
    private readonly List<ComplaintNote> _notes = [];
    private readonly List<ComplaintEvent> _newEvents = [];
    private readonly List<PenaltyDue> _penaltiesDue = [];

    /// <summary>The first responder who owns it until a formal handover (seed 004); null until taken or after a reopen.</summary>
    public Guid? OwnerId { get; private set; }

    /// <summary>Everyone who has owned it: none of them may do the callback.</summary>
    public IReadOnlyList<Guid> HandlerIds { get; private set; } = [];

    /// <summary>The earlier complaint this one looks like a repeat of; flagged, never merged.</summary>
    public Guid? DuplicateOfId { get; private set; }
    public IReadOnlyList<string> RootCause { get; private set; } = [];
    public Responsibility? Responsibility { get; private set; }
    public string? ResponsibilityReason { get; private set; }
    public string? ShortTermMeasures { get; private set; }
    public string? LongTermMeasures { get; private set; }
    public IReadOnlyList<Remedy> Remedies { get; private set; } = [];
    public decimal? Compensation { get; private set; }

    /// <summary>Counts proposals; approvals and tasks belong to one revision.</summary>
    public int PlanRevision { get; private set; }
    public IReadOnlyList<PlanApproval> Approvals { get; private set; } = [];

    /// <summary>The reviews of this revision, each before any approval (seed 002's 审核 by the unit leader).</summary>
    public IReadOnlyList<PlanApproval> Reviews { get; private set; } = [];
    public string? EscalatedToRole { get; private set; }
    public CallbackRecord? LastCallback { get; private set; }
    public int ReopenCount { get; private set; }
    public Instant? ResolvedAt { get; private set; }

    /// <summary>Set when closed: archived complaints are never deleted and stay queryable.</summary>
    public Instant? ArchivedAt { get; private set; }

    public IReadOnlyList<EvidenceItem> Evidence => _evidence;
    public IReadOnlyList<PlanTask> Tasks => _tasks;
    public IReadOnlyList<ComplaintNote> Notes => _notes;

    public IEnumerable<PlanTask> CurrentTasks => _tasks.Where(t => t.PlanRevision == PlanRevision);

    public IReadOnlyList<Remedy> RemedyOptions => Responsibility is { } r ? Lifecycle.RemedyOptions.For(r) : [];

    public UrgencyFlags Urgency => new(
        Facts.SafetyRisk,
        Flag("majorServiceFailure") || Flag("coreFunctionAffected"),
        Facts.CustomerEmotion == CustomerEmotion.Angry);

    /// <summary>Being worked on: not yet resolved, or reopened. Handover, regrade, escalation and withdrawal need it.</summary>
    public bool IsOpen => Status is not (ComplaintStatus.Resolved or ComplaintStatus.CallbackDone or ComplaintStatus.Closed or ComplaintStatus.Withdrawn);

    /// <summary>The facts the complaint's policy decides on, as at intake.</summary>
    public ComplaintFacts PolicyFacts() => new(
        Kind, Channel, Category, AmountInvolved, Facts.AffectedCustomers, Facts.SafetyRisk, Facts.LegalRisk,
        Facts.PublicityRisk, Customer.Tier, Facts.CustomerEmotion, Facts.Attributes);

    /// <summary>The audit events recorded since the last call, to be stored with the change.</summary>
    public IReadOnlyList<ComplaintEvent> TakeNewEvents()
    {
        var events = _newEvents.ToList();
        _newEvents.Clear();
        return events;
    }

    /// <summary>The penalty occasions recorded since the last call, to be booked with the change.</summary>
    public IReadOnlyList<PenaltyDue> TakePenaltiesDue()
    {
        var due = _penaltiesDue.ToList();
        _penaltiesDue.Clear();
        return due;
    }

    /// <summary>Set once at intake, where the tenant's country is known to read a local phone number.</summary>
    public void KeyContactAs(string? contactKey) => ContactKey = contactKey;

    public void FlagDuplicateOf(Guid earlierId, string earlierNumber, Instant at)
    {
        DuplicateOfId = earlierId;
        Record("DUPLICATE_FLAGGED", null, at, new { duplicateOfId = (Guid?)null }, new { duplicateOfId = earlierId, earlierNumber });
    }

    public void Acknowledge(Actor actor, Instant at)
    {
        RequireAllowed(ComplaintAction.Acknowledge, actor);
        Transition(actor, at, "ACKNOWLEDGED", ComplaintStatus.Acknowledged, null);
    }

    /// <summary>Gives the complaint its first responder; once owned it changes hands only by handover.</summary>
    public void Assign(Actor actor, Guid ownerId, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireAllowed(ComplaintAction.Assign, actor);
        var before = new { status = Status, ownerId = OwnerId };
        OwnerId = ownerId;
        HandlerIds = [.. HandlerIds.Append(ownerId).Distinct()];
        Status = ComplaintStatus.Assigned;
        Record("ASSIGNED", actor, at, before, new { status = Status, ownerId });
    }

    public void HandOver(Actor actor, Guid newOwnerId, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireAllowed(ComplaintAction.HandOver, actor);
        var owner = OwnerId!.Value;
        Rules.Require(newOwnerId != owner, "input.newOwnerId", "The complaint already belongs to this user.");
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        OwnerId = newOwnerId;
        HandlerIds = [.. HandlerIds.Append(newOwnerId).Distinct()];
        Record("HANDED_OVER", actor, at, new { ownerId = owner }, new { ownerId = newOwnerId, reason = why });
    }

    /// <summary>A manual grade override; <paramref name="grade"/> comes from the complaint's own policy version.</summary>
    public void Regrade(Actor actor, GradeDescriptor grade, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(grade);
        RequireAllowed(ComplaintAction.Regrade, actor);
        Rules.Require(grade.Code != Grade?.Code, "input.gradeCode", $"The complaint is already {grade.Code}.");
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        ChangeGrade(actor, at, "REGRADED", grade, why);
    }

    public void RecordInvestigation(Actor actor, IReadOnlyList<EvidenceDraft> evidence, IReadOnlyList<string>? whys, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(evidence);
        RequireAllowed(ComplaintAction.RecordInvestigation, actor);
        Rules.Require(evidence.Count > 0 || whys is { Count: > 0 }, "input", "Record evidence, a root cause, or both.");
        Rules.Require(evidence.Count <= 20, "input.evidence", "At most 20 evidence items at a time.");
        var items = evidence.Select((draft, i) => EvidenceItem.From(this, draft, $"input.evidence[{i}]", actor.UserId, at)).ToList();
        var rootCause = whys is null ? RootCause : ValidWhys(whys);
        var before = new { status = Status, rootCause = RootCause };
        Status = ComplaintStatus.Investigating;
        // Only a new root cause touches the complaint row: evidence added alongside someone else's is its own row.
        if (!rootCause.SequenceEqual(RootCause))
        {
            RootCause = rootCause;
        }

        _evidence.AddRange(items);
        Record("INVESTIGATION_RECORDED", actor, at, before, new
        {
            status = Status,
            rootCause = RootCause,
            evidence = items.Select(e => new { e.Id, e.Kind, e.Text, e.CustomerConsent, e.FileName, e.FileSize }),
        });
        // The proof of a visit, not any entry, is what meets an ON_SITE clock.
        foreach (var check in items.Where(e => e.Kind == EvidenceKind.OnSiteCheck))
        {
            Record("ON_SITE_CHECKED", actor, at, new { }, new
            {
                evidenceId = check.Id,
                checkedBy = check.OnSiteCheckedBy,
                checkedAt = InstantPattern.ExtendedIso.Format(check.OnSiteCheckedAt!.Value),
                location = check.OnSiteLocation,
                customerConfirmed = check.OnSiteCustomerConfirmed,
            });
        }
    }

    public void DecideResponsibility(Actor actor, Responsibility responsibility, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireAllowed(ComplaintAction.DecideResponsibility, actor);
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        var before = new { status = Status, responsibility = Responsibility, reason = ResponsibilityReason };
        Responsibility = responsibility;
        ResponsibilityReason = why;
        Status = ComplaintStatus.ResponsibilityDecided;
        Record("RESPONSIBILITY_DECIDED", actor, at, before, new { status = Status, responsibility, reason = why, remedyOptions = RemedyOptions });
        // The company's fault confirms the complaint at its grade; an ungraded one gives the policy nothing to judge.
        if (responsibility == Lifecycle.Responsibility.Company && Grade is { } grade)
        {
            _penaltiesDue.Add(PenaltyDue.ComplaintConfirmed(Id, grade.Code, actor.UserId, at));
        }
    }

    public void ProposePlan(
        Actor actor, string shortTermMeasures, string? longTermMeasures, IReadOnlyList<Remedy> remedies, decimal? compensation,
        IReadOnlyList<PlanTaskDraft> tasks, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(remedies);
        ArgumentNullException.ThrowIfNull(tasks);
        RequireAllowed(ComplaintAction.ProposePlan, actor);
        var shortTerm = Rules.RequireText(shortTermMeasures, MaxReasonLength, "input.shortTermMeasures", "The short-term measures");
        Rules.Require((longTermMeasures?.Length ?? 0) <= MaxReasonLength, "input.longTermMeasures", $"The long-term measures must be at most {MaxReasonLength} characters.");
        Rules.Require(remedies.Count > 0 && remedies.All(RemedyOptions.Contains), "input.remedies", $"Choose remedies among {string.Join(", ", RemedyOptions.Select(ApiNames.Of))}.");
        Rules.Require(compensation is null or >= 0, "input.compensation", "Compensation must not be negative.");
        Rules.Require(
            compensation is null or 0 || Lifecycle.RemedyOptions.AllowsCompensation(Responsibility!.Value),
            "input.compensation",
            $"No compensation when the responsibility is {ApiNames.Of(Responsibility!.Value)}.");
        Rules.Require(tasks.Count <= 50, "input.tasks", "At most 50 tasks.");
        var revision = PlanRevision + 1;
        var newTasks = tasks.Select((draft, i) => PlanTask.From(this, revision, draft, $"input.tasks[{i}]", at)).ToList();

        var before = new { status = Status, planRevision = PlanRevision };
        ShortTermMeasures = shortTerm;
        LongTermMeasures = longTermMeasures;
        Remedies = [.. remedies.Distinct()];
        Compensation = compensation;
        PlanRevision = revision;
        ClearApprovals();
        _tasks.AddRange(newTasks);
        Status = ComplaintStatus.PlanProposed;
        Record("PLAN_PROPOSED", actor, at, before, new
        {
            status = Status,
            planRevision = revision,
            shortTermMeasures = shortTerm,
            longTermMeasures,
            remedies = Remedies,
            compensation,
            tasks = newTasks.Select(t => new { t.Id, t.Title, t.Department, t.OwnerId, dueAt = t.DueAt.ToString() }),
        });
    }

    /// <summary>
    /// Records the actor's approval for the first outstanding role they may approve for; the plan is approved when
    /// all required roles have approved, each by a different person.
    /// </summary>
    public void ApprovePlan(Actor actor, ApprovalRequirement requirement, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requirement);
        RequireAllowed(ComplaintAction.ApprovePlan, actor, new PolicyAnswers(Approvals: requirement));
        // One person fills one role: joint approval means as many approvers as roles.
        var mine = OutstandingApprovals(requirement).Where(s => s.AcceptedRoles.Any(actor.Holds)).Take(1).ToList();

        var before = new { status = Status, approvals = Approvals.Select(a => a.Role) };
        // The approver acts in the lowest of their roles the slot accepts: the required role when they hold it.
        var approval = new PlanApproval(mine[0].Role, actor.UserId, at, mine[0].AcceptedRoles.First(actor.Holds));
        Approvals = [.. Approvals, approval];
        var complete = requirement.Slots.All(s => s.IsReview || Approvals.Any(a => a.Role == s.Role));
        if (complete)
        {
            Status = ComplaintStatus.PlanApproved;
        }

        Record(complete ? "PLAN_APPROVED" : "PLAN_APPROVAL_RECORDED", actor, at, before, new
        {
            status = Status,
            planRevision = PlanRevision,
            approvedFor = mine.Select(s => s.Role),
            actedAs = approval.ActedAs,
            approvals = Approvals.Select(a => a.Role),
            outstanding = OutstandingApprovals(requirement).Select(s => s.Role),
        });
    }

    /// <summary>A reviewer the policy names for the grade reviews the plan before it may be approved (seed 002's 审核).</summary>
    public void ReviewPlan(Actor actor, ApprovalRequirement requirement, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requirement);
        RequireState("review its plan", ComplaintStatus.PlanProposed);
        var outstanding = requirement.Slots.Where(s => s.IsReview && Reviews.All(r => r.Role != s.Role)).ToList();
        if (outstanding.Count == 0)
        {
            throw new DomainException(ErrorCode.InvalidTransition, "This plan has no review outstanding.");
        }

        RequireNotYetDecidedBy(actor);
        var slot = outstanding.FirstOrDefault(s => actor.Holds(s.Role))
            ?? throw new DomainException(ErrorCode.Forbidden, $"This plan is reviewed by {string.Join(", ", outstanding.Select(s => s.Role))}.");
        var before = new { status = Status, reviews = Reviews.Select(r => r.Role) };
        Reviews = [.. Reviews, new PlanApproval(slot.Role, actor.UserId, at, slot.Role)];
        Record("PLAN_REVIEWED", actor, at, before, new
        {
            status = Status,
            planRevision = PlanRevision,
            reviewedFor = slot.Role,
            outstanding = outstanding.Where(s => s != slot).Select(s => s.Role),
        });
    }

    /// <summary>Whether the proposed plan waits for this user: the approval is theirs to give (<see cref="Refusal"/>).</summary>
    public bool AwaitsApprovalBy(Actor actor, ApprovalRequirement requirement) =>
        StepRefusal(ComplaintAction.ApprovePlan, actor, new PolicyAnswers(Approvals: requirement)) is null;

    public void RejectPlan(Actor actor, ApprovalRequirement requirement, string reason, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(requirement);
        RequireAllowed(ComplaintAction.RejectPlan, actor, new PolicyAnswers(Approvals: requirement));

        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        var before = new { status = Status, approvals = Approvals.Select(a => a.Role) };
        ClearApprovals();
        Status = ComplaintStatus.ResponsibilityDecided;
        Record("PLAN_REJECTED", actor, at, before, new { status = Status, planRevision = PlanRevision, reason = why });
    }

    public void NotifyCustomer(Actor actor, string message, Instant at)
    {
        RequireAllowed(ComplaintAction.NotifyCustomer, actor);
        var text = Rules.RequireText(message, ComplaintNote.MaxTextLength, "input.message", "The message");
        Transition(actor, at, "CUSTOMER_NOTIFIED", ComplaintStatus.CustomerNotified, new { message = text });
    }

    /// <summary>The customer accepts the plan, or declines it and the plan is redone.</summary>
    public void RecordCustomerConfirmation(Actor actor, bool accepted, string? note, Instant at)
    {
        Rules.Require((note?.Length ?? 0) <= ComplaintNote.MaxTextLength, "input.note", $"A note must be at most {ComplaintNote.MaxTextLength} characters.");
        RequireAllowed(ComplaintAction.RecordCustomerConfirmation, actor);
        if (!accepted)
        {
            ClearApprovals();
        }

        Transition(
            actor, at, accepted ? "CUSTOMER_CONFIRMED" : "CUSTOMER_DECLINED",
            accepted ? ComplaintStatus.CustomerConfirmed : ComplaintStatus.ResponsibilityDecided,
            new { accepted, note });
    }

    public void UpdateTask(Actor actor, Guid taskId, int? progress, bool done, string? note, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        RequireAllowed(ComplaintAction.UpdateTask, actor);
        var task = CurrentTasks.FirstOrDefault(t => t.Id == taskId)
            ?? throw new DomainException(ErrorCode.NotFound, "The current plan has no such task.");
        var before = new { status = Status, taskId, progress = task.Progress, done = task.Done };
        task.Update(progress ?? task.Progress, done, note, at);
        Status = ComplaintStatus.Executing;
        Record("TASK_UPDATED", actor, at, before, new { status = Status, taskId, progress = task.Progress, done = task.Done, note });
    }

    public void Resolve(Actor actor, string summary, Instant at)
    {
        RequireAllowed(ComplaintAction.Resolve, actor);
        var text = Rules.RequireText(summary, MaxReasonLength, "input.summary", "The summary");
        ResolvedAt = at;
        Transition(actor, at, "RESOLVED", ComplaintStatus.Resolved, new { summary = text });
    }

    /// <summary>
    /// Records the callback, by the role the policy names (<paramref name="callerRole"/>, or a tenant admin) and by
    /// someone who never owned the complaint (seed 003), or the customer's own answer to the online survey
    /// (<see cref="Actor.Customer"/>). An unsatisfied customer reopens it, one grade higher when the policy has one
    /// (<paramref name="higherGrade"/>), for a new owner to take.
    /// </summary>
    public void RecordCallback(Actor actor, Satisfaction satisfaction, string callerRole, GradeDescriptor? higherGrade, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(satisfaction);
        RequireAllowed(ComplaintAction.RecordCallback, actor, new PolicyAnswers(CallbackRole: callerRole));
        satisfaction.Validate();
        LastCallback = new CallbackRecord(satisfaction, actor.RecordedUserId, at);
        Transition(actor, at, "CALLBACK_RECORDED", ComplaintStatus.CallbackDone, satisfaction);
        if (satisfaction.Unsatisfied)
        {
            // The handling was judged at the grade it had, before the reopen raises it.
            var handledAt = Grade;
            Reopen(actor, "The customer was unsatisfied on callback.", higherGrade, at);
            if (handledAt is not null)
            {
                _penaltiesDue.Add(PenaltyDue.CallbackUnsatisfied(Id, ReopenCount, handledAt.Code, actor.RecordedUserId, at));
            }
        }
    }

    public void Reopen(Actor actor, string reason, GradeDescriptor? higherGrade, Instant at)
    {
        RequireAllowed(ComplaintAction.Reopen, actor);
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        if (higherGrade is not null)
        {
            ChangeGrade(actor, at, "REGRADED", higherGrade, $"Reopened: {why}");
        }

        var before = new { status = Status, ownerId = OwnerId, reopenCount = ReopenCount };
        // Reassigned: the owner lets go and the next person to take it owns it; past owners stay handlers.
        OwnerId = null;
        ReopenCount++;
        ResolvedAt = null;
        ClearApprovals();
        Status = ComplaintStatus.Reopened;
        Record("REOPENED", actor, at, before, new { status = Status, ownerId = OwnerId, reopenCount = ReopenCount, reason = why, grade = Grade?.Code });
    }

    public void Escalate(Actor actor, string toRole, string reason, Instant at)
    {
        RequireAllowed(ComplaintAction.Escalate, actor);
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        var before = new { escalatedTo = EscalatedToRole };
        EscalatedToRole = toRole;
        Record("ESCALATED", actor, at, before, new { escalatedTo = toRole, reason = why });
    }

    /// <summary>The customer withdraws the complaint before it is resolved.</summary>
    public void Withdraw(Actor actor, string reason, Instant at)
    {
        RequireAllowed(ComplaintAction.Withdraw, actor);
        var why = Rules.RequireText(reason, MaxReasonLength, "input.reason", "The reason");
        Transition(actor, at, "WITHDRAWN", ComplaintStatus.Withdrawn, new { reason = why });
    }

    /// <summary>Closes and archives: nothing is deleted, the complaint stays queryable.</summary>
    public void Close(Actor actor, Instant at)
    {
        RequireAllowed(ComplaintAction.Close, actor);
        ArchivedAt = at;
        Transition(actor, at, "CLOSED", ComplaintStatus.Closed, new { archivedAt = at.ToString() });
    }

    /// <summary>Notes may be added in any state, closed included: they are how records are corrected.</summary>
    public void AddNote(Actor actor, string text, NoteVisibility visibility, Instant at)
    {
        RequireAllowed(ComplaintAction.AddNote, actor);
        var note = ComplaintNote.Write(this, text, visibility, actor.UserId, at);
        _notes.Add(note);
        Record("NOTE_ADDED", actor, at, new { }, new { noteId = note.Id, visibility, text = note.Text });
    }

    // Joint decisions need as many people as roles: nobody reviews and approves, or approves twice.
    private void RequireNotYetDecidedBy(Actor actor)
    {
        if (AlreadyDecidedRefusal(actor) is { } refusal)
        {
            throw refusal;
        }
    }

    private DomainException? AlreadyDecidedRefusal(Actor actor) =>
        Approvals.Concat(Reviews).Any(a => a.UserId == actor.UserId)
            ? new DomainException(ErrorCode.Forbidden, "You have already reviewed or approved this plan; the others must come from other people.")
            : null;

    private static void RequireRoleOrTenantAdmin(Actor actor, string role, string refusal)
    {
        if (!actor.Holds(role) && !actor.Holds(Tenants.PlatformRoles.TenantAdmin))
        {
            throw new DomainException(ErrorCode.Forbidden, refusal);
        }
    }

    private void ClearApprovals()
    {
        Approvals = [];
        Reviews = [];
    }

    /// <summary>The customer wrote to the desk about this complaint (a reply by e-mail): a customer-visible note by no
    /// user, which the desk reads and nobody is notified of back.</summary>
    public void RecordCustomerReply(string text, Instant at)
    {
        var note = ComplaintNote.Write(this, text, NoteVisibility.CustomerVisible, null, at);
        _notes.Add(note);
        Record("CUSTOMER_WROTE", null, at, new { }, new { noteId = note.Id, text = note.Text });
    }

    /// <summary>Files the customer sent with the complaint (an e-mail's attachments), kept as evidence added by no user.</summary>
    public void AttachCustomerFiles(IReadOnlyList<EvidenceUpload> files, Instant at)
    {
        ArgumentNullException.ThrowIfNull(files);
        Rules.Require(files.Count <= 20, "input.attachments", "At most 20 attachments.");
        var items = files.Select((file, i) => EvidenceItem.From(
            this, new EvidenceDraft(EvidenceKind.Other, $"Sent by the customer: {file.FileName}", false, file), $"input.attachments[{i}]", null, at)).ToList();
        _evidence.AddRange(items);
        Record("CUSTOMER_FILES_RECEIVED", null, at, new { }, new { evidence = items.Select(e => new { e.Id, e.FileName, e.FileSize }) });
    }

    private void ChangeGrade(Actor actor, Instant at, string type, GradeDescriptor grade, string reason)
    {
        var before = new { grade = Grade?.Code, rank = Grade?.Rank };
        Grade = new AssignedGrade(grade.Code, grade.Rank, reason);
        // A plan approved for the old grade may need other approvers now.
        if (Status == ComplaintStatus.PlanProposed)
        {
            ClearApprovals();
        }

        Record(type, actor, at, before, new { grade = grade.Code, rank = grade.Rank, reason });
    }

    // Callers have checked the state they start from.
    private void Transition(Actor actor, Instant at, string type, ComplaintStatus to, object? details)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var before = new { status = Status };
        Status = to;
        Record(type, actor, at, before, new { status = to, details });
    }


    private static List<string> ValidWhys(IReadOnlyList<string> whys)
    {
        Rules.Require(whys.Count <= MaxWhys, "input.rootCause", $"At most {MaxWhys} whys.");
        return [.. whys.Select((why, i) => Rules.RequireText(why, MaxReasonLength, $"input.rootCause[{i}]", "A why"))];
    }

    private bool Flag(string attribute) =>
        Facts.Attributes.TryGetValue(attribute, out var value) && bool.TryParse(value, out var set) && set;

    private void Record(string type, Actor? actor, Instant at, object before, object after) =>
        _newEvents.Add(ComplaintEvent.Record(this, type, actor?.RecordedUserId, at, AuditData.Of(before, after)));
}

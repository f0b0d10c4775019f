using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using NodaTime;

namespace ComplaintCloud.Domain.PreventiveMeasures;

/// <summary>Which of the report's recurring problems a measure addresses: a category or a root cause.</summary>
public enum ProblemKind
{
    /// <summary>A complaint category, as <c>topCategories</c> ranks them.</summary>
    Category,

    /// <summary>The deepest of a complaint's 5 Whys, as <c>topRootCauses</c> ranks them.</summary>
    RootCause,
}

/// <summary>PROPOSED → SIGNED_OFF → IN_PROGRESS → DONE; follow-ups move it on, and DONE is final.</summary>
public enum MeasureStatus
{
    Proposed,
    SignedOff,
    InProgress,
    Done,
}

/// <summary>What someone asks for when recording a measure.</summary>
/// <param name="ProblemKind">Whether the problem is a category or a root cause.</param>
/// <param name="ProblemKey">The category or root cause exactly as the report gives it.</param>
/// <param name="RaisedFrom">First day of the report period the problem was seen in.</param>
/// <param name="RaisedTo">Last day of that period, included.</param>
/// <param name="Measure">What will be done so that the problem does not recur.</param>
/// <param name="OwnerId">The user of the tenant who sees it done.</param>
/// <param name="DueOn">A day in the tenant's time zone.</param>
public sealed record PreventiveMeasureDraft(
    ProblemKind ProblemKind, string ProblemKey, LocalDate RaisedFrom, LocalDate RaisedTo, string Measure, Guid OwnerId, LocalDate DueOn);

/// <summary>One follow-up: who reported what progress, when, and the status it left the measure in.</summary>
public sealed record MeasureFollowUp(Guid ById, Instant At, string Note, MeasureStatus Status);

/// <summary>
/// A preventive measure against a recurring problem of the monthly analysis (SPEC §2.12, §3b: "frequent causes get
/// preventive measures, signed off by leadership"): recorded, signed off by the policy's leadership, then followed up
/// until done. Each operation guards the state it may start from and records an audit event; a refusal changes nothing.
/// </summary>
public sealed class PreventiveMeasure : ITenantOwned
{
    public const int MaxMeasureLength = 2_000;
    public const int MaxNoteLength = 5_000;

    private readonly List<PreventiveMeasureEvent> _newEvents = [];

    private PreventiveMeasure()
    {
        ProblemKey = string.Empty;
        Measure = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public ProblemKind ProblemKind { get; private set; }

    /// <summary>The category or root cause exactly as the report gives it.</summary>
    public string ProblemKey { get; private set; }
    public LocalDate RaisedFrom { get; private set; }
    public LocalDate RaisedTo { get; private set; }
    public string Measure { get; private set; }
    public Guid OwnerId { get; private set; }
    public LocalDate DueOn { get; private set; }
    public MeasureStatus Status { get; private set; }
    public Guid RecordedById { get; private set; }
    public Instant RecordedAt { get; private set; }
    public Guid? SignedOffById { get; private set; }
    public Instant? SignedOffAt { get; private set; }

    /// <summary>The leadership role the sign-off was given in.</summary>
    public string? SignedOffAs { get; private set; }
    public Instant? DoneAt { get; private set; }
    public IReadOnlyList<MeasureFollowUp> FollowUps { get; private set; } = [];

    /// <summary>Records a proposed measure; <paramref name="today"/> is the current day in the tenant's time zone.</summary>
    public static PreventiveMeasure Record(Guid tenantId, Actor actor, PreventiveMeasureDraft draft, LocalDate today, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(draft);
        var key = Rules.RequireText(draft.ProblemKey, Complaint.MaxReasonLength, "input.problemKey", "The problem key");
        var text = Rules.RequireText(draft.Measure, MaxMeasureLength, "input.measure", "The measure");
        Rules.Require(draft.DueOn >= today, "input.dueOn", "The due date cannot be in the past.");
        var measure = new PreventiveMeasure
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ProblemKind = draft.ProblemKind,
            ProblemKey = key,
            RaisedFrom = draft.RaisedFrom,
            RaisedTo = draft.RaisedTo,
            Measure = text,
            OwnerId = draft.OwnerId,
            DueOn = draft.DueOn,
            Status = MeasureStatus.Proposed,
            RecordedById = actor.UserId,
            RecordedAt = at,
        };
        measure.Audit("RECORDED", actor, at, new { }, new
        {
            status = measure.Status,
            problemKind = measure.ProblemKind,
            problemKey = key,
            raisedFrom = draft.RaisedFrom.ToString(),
            raisedTo = draft.RaisedTo.ToString(),
            measure = text,
            ownerId = draft.OwnerId,
            dueOn = draft.DueOn.ToString(),
        });
        return measure;
    }

    /// <summary>Leadership signs the proposed measure off: a holder of one of <paramref name="leadershipRoles"/>.</summary>
    public void SignOff(Actor actor, IReadOnlyList<string> leadershipRoles, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(leadershipRoles);
        Refuse(Status != MeasureStatus.Proposed, "The measure is signed off already.");
        var role = leadershipRoles.FirstOrDefault(actor.Holds)
            ?? throw new DomainException(ErrorCode.Forbidden, $"A preventive measure is signed off by leadership: {string.Join(" or ", leadershipRoles)}.");
        var before = new { status = Status };
        Status = MeasureStatus.SignedOff;
        SignedOffById = actor.UserId;
        SignedOffAt = at;
        SignedOffAs = role;
        Audit("SIGNED_OFF", actor, at, before, new { status = Status, signedOffAs = role });
    }

    /// <summary>The owner or leadership reports progress on a signed-off measure, or that it is done.</summary>
    public void FollowUp(Actor actor, IReadOnlyList<string> leadershipRoles, string note, bool done, Instant at)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(leadershipRoles);
        Refuse(Status == MeasureStatus.Proposed, "Leadership must sign the measure off before it is followed up.");
        Refuse(Status == MeasureStatus.Done, "The measure is done; nothing follows a done measure.");
        if (actor.UserId != OwnerId && !leadershipRoles.Any(actor.Holds))
        {
            throw new DomainException(ErrorCode.Forbidden, $"A measure is followed up by its owner or by leadership: {string.Join(" or ", leadershipRoles)}.");
        }

        var text = Rules.RequireText(note, MaxNoteLength, "input.note", "The note");
        var before = new { status = Status };
        Status = done ? MeasureStatus.Done : MeasureStatus.InProgress;
        DoneAt = done ? at : null;
        FollowUps = [.. FollowUps, new MeasureFollowUp(actor.UserId, at, text, Status)];
        Audit(done ? "DONE" : "FOLLOWED_UP", actor, at, before, new { status = Status, note = text });
    }

    /// <summary>The audit events recorded since the last call, to be stored with the change.</summary>
    public IReadOnlyList<PreventiveMeasureEvent> TakeNewEvents()
    {
        var events = _newEvents.ToList();
        _newEvents.Clear();
        return events;
    }

    private static void Refuse(bool wrongState, string message)
    {
        if (wrongState)
        {
            throw new DomainException(ErrorCode.InvalidTransition, message);
        }
    }

    private void Audit(string type, Actor actor, Instant at, object before, object after) =>
        _newEvents.Add(PreventiveMeasureEvent.Record(this, type, actor.UserId, at, AuditData.Of(before, after)));
}

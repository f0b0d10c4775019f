using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>A complaint (or inquiry, suggestion, help request) and everything decided about it.</summary>
public sealed partial class Complaint : ITenantOwned
{
    private readonly List<SlaClock> _clocks = [];

    private Complaint()
    {
        Number = string.Empty;
        Category = string.Empty;
        Description = string.Empty;
        Customer = null!;
        Facts = null!;
        PolicyId = string.Empty;
        PolicyVersion = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>Date + channel + per-tenant sequence, e.g. 20261126-TEL-0001 (seed 003).</summary>
    public string Number { get; private set; }
    public ComplaintStatus Status { get; private set; }
    public FeedbackKind Kind { get; private set; }
    public Channel Channel { get; private set; }
    public string Category { get; private set; }

    /// <summary>The customer's words, verbatim; never edited (corrections are notes).</summary>
    public string Description { get; private set; }
    public string? Request { get; private set; }
    public decimal? AmountInvolved { get; private set; }
    public Customer Customer { get; private set; }

    /// <summary>The contact as the duplicate check compares it (trimmed, case-folded, a phone number in E.164); <see cref="Customer"/> keeps the customer's own.</summary>
    public string? ContactKey { get; private set; }
    public IntakeFacts Facts { get; private set; }
    public AssignedGrade? Grade { get; private set; }

    /// <summary>The policy that graded it; a complaint keeps its version when the tenant switches.</summary>
    public string PolicyId { get; private set; }
    public string PolicyVersion { get; private set; }
    public Instant ReceivedAt { get; private set; }

    /// <summary>Seconds the channel took to first answer the customer, when its system measured them (seed 001's standards).</summary>
    public int? FirstResponseSeconds { get; private set; }
    public IReadOnlyList<SlaClock> Clocks => _clocks;

    /// <summary>The clock whose deadline comes first among those that still matter (<see cref="SlaClock.DeadlineStates"/>).</summary>
    public SlaClock? NearestDeadline() => _clocks.Where(k => SlaClock.DeadlineStates.Contains(k.State)).MinBy(k => k.DueAt);

    /// <summary>The <see cref="NearestDeadline"/>'s due time as last saved: stored and indexed, so the board's
    /// nearest-deadline order is an index range scan rather than a look at every open complaint's clocks.</summary>
    public Instant? NearestDueAt { get; private set; }

    /// <summary>Brings <see cref="NearestDueAt"/> up to date with the clocks; called for every complaint whose clocks
    /// are saved, so it cannot drift from them.</summary>
    public void TrackNearestDeadline() => NearestDueAt = NearestDeadline()?.DueAt;

    /// <summary>Receives a complaint graded by the tenant's policy and starts the clocks that run from receipt.</summary>
    public static Complaint Receive(
        Guid tenantId,
        string number,
        ComplaintIntake intake,
        PolicyVerdict verdict,
        Instant receivedAt)
    {
        ArgumentNullException.ThrowIfNull(intake);
        ArgumentNullException.ThrowIfNull(verdict);
        intake.Validate();
        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            Number = number,
            Status = ComplaintStatus.Received,
            Kind = intake.Kind,
            Channel = intake.Channel,
            Category = intake.Category.Trim(),
            Description = intake.Description,
            Request = intake.Request,
            AmountInvolved = intake.AmountInvolved,
            Customer = intake.Customer,
            Facts = intake.Facts,
            Grade = verdict.Grade,
            PolicyId = verdict.PolicyId,
            PolicyVersion = verdict.PolicyVersion,
            ReceivedAt = receivedAt,
            FirstResponseSeconds = intake.FirstResponseSeconds,
        };
        complaint._clocks.AddRange(verdict.ClocksFromReceipt.Select(c => SlaClock.Start(complaint, c)));
        return complaint;
    }
}

/// <summary>A grade as the policy gave it.</summary>
public sealed record AssignedGrade(string Code, int Rank, string Reason);

/// <summary>What the tenant's policy decided about a new complaint.</summary>
public sealed record PolicyVerdict(
    string PolicyId,
    string PolicyVersion,
    AssignedGrade Grade,
    IReadOnlyList<PlannedClock> ClocksFromReceipt)
{
    /// <summary>What the policy asks to happen at once for the grade (e.g. a major complaint to management).</summary>
    public IReadOnlyList<EscalationStep> EscalationAtIntake { get; init; } = [];
}

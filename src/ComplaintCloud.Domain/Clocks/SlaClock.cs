using ComplaintCloud.Domain.Complaints;
using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>One SLA clock of a complaint, e.g. RESOLVE due in 3 working days.</summary>
public sealed class SlaClock : ITenantOwned
{
    private SlaClock()
    {
        Kind = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public string Kind { get; private set; }
    public Instant StartedAt { get; private set; }
    public Instant WarnAt { get; private set; }
    public Instant DueAt { get; private set; }
    public bool PausesWhileWaitingOnCustomer { get; private set; }
    public ClockState State { get; private set; }

    internal static SlaClock Start(Complaint complaint, PlannedClock plan) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = complaint.TenantId,
        ComplaintId = complaint.Id,
        Kind = plan.Kind,
        StartedAt = plan.StartedAt,
        WarnAt = plan.WarnAt,
        DueAt = plan.DueAt,
        PausesWhileWaitingOnCustomer = plan.PausesWhileWaitingOnCustomer,
        State = ClockState.Running,
    };
}

/// <summary>Where a clock stands.</summary>
public enum ClockState
{
    Running,
    Paused,
    Met,
    Warned,
    Breached,
}

using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>One entry of a complaint's append-only audit trail: who did what, when, with before/after.</summary>
public sealed class ComplaintEvent : AuditEvent
{
    private ComplaintEvent()
    {
    }

    public Guid ComplaintId { get; private set; }

    /// <summary>The user who acted; null for the customer or the system (e.g. an SLA job).</summary>
    public Guid? ActorId { get; private set; }

    public static ComplaintEvent Record(Complaint complaint, string type, Guid? actorId, Instant at, string data)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ComplaintEvent
        {
            TenantId = complaint.TenantId,
            ComplaintId = complaint.Id,
            At = at,
            ActorId = actorId,
            Type = type,
            Data = data,
        };
    }
}

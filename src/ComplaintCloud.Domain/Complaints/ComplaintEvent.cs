using NodaTime;

namespace ComplaintCloud.Domain.Complaints;

/// <summary>One entry of a complaint's append-only audit trail: who did what, when, with before/after in <see cref="Data"/>.</summary>
public sealed class ComplaintEvent : ITenantOwned
{
    private ComplaintEvent()
    {
        Type = string.Empty;
        Data = "{}";
    }

    public long Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid ComplaintId { get; private set; }
    public Instant At { get; private set; }

    /// <summary>The user who acted; null for the customer or the system (e.g. an SLA job).</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>SCREAMING_CASE, e.g. RECEIVED, GRADED, CLOCK_BREACHED.</summary>
    public string Type { get; private set; }

    /// <summary>A JSON object with the event's details.</summary>
    public string Data { get; private set; }

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

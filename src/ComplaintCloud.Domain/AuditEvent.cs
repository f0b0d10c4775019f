using NodaTime;

namespace ComplaintCloud.Domain;

/// <summary>An entry of an append-only audit trail: what happened (<see cref="Type"/>), when, with before/after in <see cref="Data"/>.</summary>
public abstract class AuditEvent : ITenantOwned
{
    public long Id { get; private set; }
    public Guid TenantId { get; protected init; }
    public Instant At { get; protected init; }

    /// <summary>SCREAMING_CASE, e.g. RECEIVED, CLOCK_BREACHED, SIGNED_OFF.</summary>
    public string Type { get; protected init; } = string.Empty;

    /// <summary>A JSON object with the event's details.</summary>
    public string Data { get; protected init; } = "{}";
}

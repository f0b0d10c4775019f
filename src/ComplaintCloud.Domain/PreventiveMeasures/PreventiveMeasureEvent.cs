using NodaTime;

namespace ComplaintCloud.Domain.PreventiveMeasures;

/// <summary>One entry of a preventive measure's append-only audit trail: RECORDED, SIGNED_OFF, FOLLOWED_UP or DONE.</summary>
public sealed class PreventiveMeasureEvent : AuditEvent
{
    private PreventiveMeasureEvent()
    {
    }

    public Guid MeasureId { get; private set; }

    /// <summary>The user who acted.</summary>
    public Guid ActorId { get; private set; }

    internal static PreventiveMeasureEvent Record(PreventiveMeasure measure, string type, Guid actorId, Instant at, string data) => new()
    {
        TenantId = measure.TenantId,
        MeasureId = measure.Id,
        At = at,
        ActorId = actorId,
        Type = type,
        Data = data,
    };
}

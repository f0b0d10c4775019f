using ComplaintCloud.Domain;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// A message to send, written in the same transaction as what caused it and delivered afterwards by
/// through the notification channel it names. The dedup key makes a
/// cause write its message once.
/// </summary>
public sealed class OutboxMessage : ITenantOwned
{
    public const int MaxAttempts = 8;

    private OutboxMessage()
    {
        Channel = string.Empty;
        Recipient = string.Empty;
        Topic = string.Empty;
        Payload = "{}";
        DedupKey = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid? ComplaintId { get; private set; }

    /// <summary>Which channel delivers it, e.g. "webhook".</summary>
    public string Channel { get; private set; }

    /// <summary>Who it is for: <c>role:CS_CENTRE</c>, <c>customer</c>.</summary>
    public string Recipient { get; private set; }

    /// <summary>SCREAMING_CASE, e.g. CLOCK_WARNING, ESCALATION, ACKNOWLEDGEMENT.</summary>
    public string Topic { get; private set; }

    /// <summary>A JSON object, sent as the body.</summary>
    public string Payload { get; private set; }
    public string DedupKey { get; private set; }
    public Instant CreatedAt { get; private set; }
    public int Attempts { get; private set; }
    public Instant NextAttemptAt { get; private set; }
    public Instant? SentAt { get; private set; }

    /// <summary>Set when the channel gave up after <see cref="MaxAttempts"/>.</summary>
    public Instant? FailedAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboxMessage Create(Guid tenantId, Guid? complaintId, string channel, string recipient, string topic, string payload, string dedupKey, Instant now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = tenantId,
        ComplaintId = complaintId,
        Channel = channel,
        Recipient = recipient,
        Topic = topic,
        Payload = payload,
        DedupKey = dedupKey,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Sent(Instant now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Schedules the next attempt with exponential backoff (2 s, 4 s, 8 s … capped at 10 minutes), or gives up.</summary>
    public void AttemptFailed(Instant now, string error)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            FailedAt = now;
            return;
        }

        NextAttemptAt = now + NodaTime.Duration.FromSeconds(Math.Min(600, Math.Pow(2, Attempts)));
    }
}

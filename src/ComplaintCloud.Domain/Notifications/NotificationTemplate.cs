using NodaTime;

namespace ComplaintCloud.Domain.Notifications;

/// <summary>A tenant's own wording of one kind of message in one language; without one, the kind's default is used.</summary>
public sealed class NotificationTemplate : ITenantOwned
{
    private NotificationTemplate()
    {
        Kind = string.Empty;
        Language = string.Empty;
        Subject = string.Empty;
        Body = string.Empty;
    }

    public Guid TenantId { get; private set; }

    /// <summary>A <see cref="MessageKind"/> code.</summary>
    public string Kind { get; private set; }
    public string Language { get; private set; }
    public string Subject { get; private set; }
    public string Body { get; private set; }
    public Guid UpdatedBy { get; private set; }
    public Instant UpdatedAt { get; private set; }

    public TemplateText Text => new(Subject, Body);

    public static NotificationTemplate Write(Guid tenantId, MessageKind kind, string language, TemplateText text, Guid by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(text);
        var template = new NotificationTemplate { TenantId = tenantId, Kind = kind.Code, Language = language };
        template.Rewrite(text, by, at);
        return template;
    }

    public void Rewrite(TemplateText text, Guid by, Instant at)
    {
        ArgumentNullException.ThrowIfNull(text);
        Subject = text.Subject;
        Body = text.Body;
        UpdatedBy = by;
        UpdatedAt = at;
    }
}

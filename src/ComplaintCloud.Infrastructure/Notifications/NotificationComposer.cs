using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Auth;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// Makes outbox messages ready to send, in a scope acting for their tenant: finds whom the recipient names (the
/// customer's contact, the e-mail of every active user holding a role, one user) and renders the tenant's template for the
/// message's kind and language, else the default one. The plan offered and the callback survey link to the complaint's
/// tracking page, signed afresh at each delivery (<see cref="TrackingLinks"/>), when the console's public address is set.
/// </summary>
public sealed class NotificationComposer(ComplaintCloudDbContext db, TrackingLinks trackingLinks)
{
    public const string CustomerRecipient = "customer";
    public const string RolePrefix = "role:";
    public const string UserPrefix = "user:";

    private readonly Dictionary<(string Kind, string Language), TemplateText> _templates = [];

    public async Task<Delivery> ComposeAsync(OutboxMessage message, Sender tenant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(tenant);
        var payload = MessagePayload.Parse(message.Payload);
        var addresses = await AddressesAsync(message.Recipient, payload, tenant.Id, cancellationToken);
        if (MessageKind.Find(message.Topic) is not { } kind)
        {
            return new Delivery(message, tenant, addresses, payload, null);
        }

        var values = new Dictionary<string, string>(payload.Values) { ["tenantName"] = tenant.Name };
        if (LinkPlaceholder(kind) is { } placeholder && message.ComplaintId is { } complaintId
            && trackingLinks.LinkFor(tenant.Slug, tenant.Id, complaintId) is { } link)
        {
            values[placeholder] = link;
        }

        var template = await TemplateAsync(kind, payload.Language, cancellationToken);
        return new Delivery(message, tenant, addresses, payload, template.Render(kind, values));
    }

    /// <summary>The tenant's wording of a kind in a language, else the default.</summary>
    public async Task<TemplateText> TemplateAsync(MessageKind kind, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (!_templates.TryGetValue((kind.Code, language), out var template))
        {
            var own = await db.NotificationTemplates.AsNoTracking()
                .SingleOrDefaultAsync(t => t.Kind == kind.Code && t.Language == language, cancellationToken);
            template = own?.Text ?? kind.Defaults[language];
            _templates[(kind.Code, language)] = template;
        }

        return template;
    }

    private static string? LinkPlaceholder(MessageKind kind) =>
        kind.Code == MessageKind.PlanOffered ? "responseLink" : kind.Code == MessageKind.CallbackSurvey ? "surveyLink" : null;

    private async Task<IReadOnlyList<string>> AddressesAsync(string recipient, MessagePayload payload, Guid tenantId, CancellationToken cancellationToken)
    {
        if (recipient == CustomerRecipient)
        {
            return payload.Contact is { Length: > 0 } contact ? [contact] : [];
        }

        if (recipient.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            var role = recipient[RolePrefix.Length..];
            return await db.Database
                .SqlQuery<string>($"SELECT email AS \"Value\" FROM users WHERE tenant_id = {tenantId} AND {role} = ANY(roles) AND deactivated_at IS NULL ORDER BY email")
                .ToListAsync(cancellationToken);
        }

        if (recipient.StartsWith(UserPrefix, StringComparison.Ordinal) && Guid.TryParse(recipient[UserPrefix.Length..], out var userId))
        {
            return await db.Users.Where(u => u.Id == userId).Select(u => u.Email).ToListAsync(cancellationToken);
        }

        return [];
    }
}

using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Notifications;

/// <summary>A kind's template in one language as the tenant sends it: its own wording, else the default.</summary>
public sealed record NotificationTemplateView(MessageKind Kind, string Language, TemplateText Text, bool Customized);

/// <summary>A saved template and a sample rendered with it.</summary>
public sealed record NotificationTemplatePreview(NotificationTemplateView Template, RenderedMessage Preview);

/// <summary>Every kind's template in every language, for tenant admins (issue 14.3).</summary>
public sealed class NotificationTemplatesQuery(ComplaintCloudDbContext db, TenantContext tenantContext)
{
    public async Task<IReadOnlyList<NotificationTemplateView>> ListAsync(CancellationToken cancellationToken)
    {
        tenantContext.RequireTenantAdmin("read the notification templates");
        var own = await db.NotificationTemplates.AsNoTracking().ToDictionaryAsync(t => (t.Kind, t.Language), cancellationToken);
        return [.. MessageKind.All.SelectMany(kind => MessageKind.Languages.Select(language =>
            own.TryGetValue((kind.Code, language), out var template)
                ? new NotificationTemplateView(kind, language, template.Text, Customized: true)
                : new NotificationTemplateView(kind, language, kind.Defaults[language], Customized: false)))];
    }
}

/// <summary>
/// A tenant admin rewrites a kind's template in one language. Only the kind's placeholders are accepted
/// (BAD_USER_INPUT naming the unknown one); the answer renders a sample with the tenant's name.
/// </summary>
public sealed class UpdateNotificationTemplateHandler(ComplaintCloudDbContext db, TenantContext tenantContext, IClock clock)
{
    public async Task<NotificationTemplatePreview> HandleAsync(string kindCode, string language, string subject, string body, CancellationToken cancellationToken)
    {
        var tenantId = tenantContext.RequireTenantAdmin("change the notification templates");
        var kind = MessageKind.Require(kindCode, "input.kind");
        MessageKind.RequireLanguage(language, "input.language");
        var text = TemplateText.Validate(kind, subject, body, "input");

        var template = await db.NotificationTemplates.SingleOrDefaultAsync(t => t.Kind == kind.Code && t.Language == language, cancellationToken);
        if (template is null)
        {
            db.NotificationTemplates.Add(NotificationTemplate.Write(tenantId, kind, language, text, tenantContext.UserId!.Value, clock.GetCurrentInstant()));
        }
        else
        {
            template.Rewrite(text, tenantContext.UserId!.Value, clock.GetCurrentInstant());
        }

        await db.SaveChangesAsync(cancellationToken);
        var tenantName = await db.Tenants.Where(t => t.Id == tenantId).Select(t => t.Name).SingleAsync(cancellationToken);
        var preview = text.Render(kind, new Dictionary<string, string>(MessageKind.Samples) { ["tenantName"] = tenantName });
        return new NotificationTemplatePreview(new NotificationTemplateView(kind, language, text, Customized: true), preview);
    }
}

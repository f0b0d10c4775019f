using ComplaintCloud.Application.Notifications;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Notifications;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Plugins.Abstractions;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace ComplaintCloud.Application.Complaints.Intake;

/// <summary>What an anonymous customer may tell a tenant's public complaint form.</summary>
public sealed record PublicIntakeCommand(
    Channel? Channel,
    FeedbackKind Kind,
    string Category,
    string Description,
    string CustomerName,
    string Contact,
    string? Request,
    decimal? AmountInvolved,
    string? IdempotencyKey)
{
    /// <summary>The customer's files (photos of the fault, a receipt), kept as evidence of the complaint.</summary>
    public IReadOnlyList<EvidenceUpload> Attachments { get; init; } = [];

    /// <summary>A field the form hides from people: only a bot fills it in.</summary>
    public string? Website { get; init; }
}

/// <summary>
/// The feedback number, and the acknowledgement the customer is shown at once (seed 000: "您反馈的[问题简述]已记录，我们将在
/// 24小时内联系您处理"), by language (<see cref="MessageKind.Languages"/>).
/// </summary>
public sealed record PublicIntakeReceipt(string Number, Instant ReceivedAt, IReadOnlyDictionary<string, string> Acknowledgement);

/// <summary>
/// A customer complains without signing in, to the tenant named by X-Tenant or the sub-domain. The customer types it
/// in themselves, so the form says which of the <see cref="SelfServiceChannels"/> it is (a web page by default), the
/// tier is normal (VIP status is the tenant's to grant) and a contact is required: staff need a way to call back.
/// Grading, numbering and clocks are the staff intake's own; the customer gets back only the feedback number.
/// </summary>
public sealed class PublicIntakeHandler(SubmitComplaintHandler intake, TenantContext tenantContext, ComplaintCloudDbContext db, NotificationComposer templates)
{
    /// <summary>
    /// A form that names no channel is a web page, the tenant's own or our console's feedback page: the channel
    /// list (SPEC §2.1) has no "web form", and a customer typing into a page online is closest to ONLINE_CHAT. APP is
    /// for the app or mini-program to claim, as it knows it is one; a page cannot tell that it was opened inside one.
    /// </summary>
    public const Channel DefaultChannel = Channel.OnlineChat;

    /// <summary>
    /// Where a customer types a complaint in unaided: a web page, the app or mini-program, a social-media account's
    /// form, a survey's follow-up, a QR code or kiosk in store. A phone call is typed in by staff, and e-mail or
    /// tickets come through an integration with an API key: neither is a customer at an anonymous form.
    /// </summary>
    public static IReadOnlyList<Channel> SelfServiceChannels { get; } =
        [Channel.OnlineChat, Channel.App, Channel.SocialMedia, Channel.Survey, Channel.InStore];

    public async Task<PublicIntakeReceipt> HandleAsync(PublicIntakeCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var tenantId = tenantContext.RequireTenant();
        if (!string.IsNullOrEmpty(command.Website))
        {
            throw new DomainException(ErrorCode.BadUserInput, "Leave the website field empty: it is there to catch bots.", "input.website");
        }

        if (string.IsNullOrWhiteSpace(command.Contact))
        {
            throw new DomainException(ErrorCode.BadUserInput, "Leave a phone number or e-mail address so that we can call you back.", "input.customer.contact");
        }

        var channel = command.Channel ?? DefaultChannel;
        if (!SelfServiceChannels.Contains(channel))
        {
            throw new DomainException(
                ErrorCode.BadUserInput,
                "A customer's own form is ONLINE_CHAT, APP, SOCIAL_MEDIA, SURVEY or IN_STORE: calls, e-mail and tickets are taken in by staff or an integration.",
                "input.channel");
        }

        var complaint = await intake.ReceiveAsync(
            new SubmitComplaintCommand(
                new ComplaintIntake(
                    channel,
                    command.Kind,
                    command.Category,
                    command.Description,
                    new Customer(command.CustomerName, command.Contact.Trim(), null, CustomerTier.Normal),
                    command.Request,
                    command.AmountInvolved,
                    IntakeFacts.None),
                command.IdempotencyKey),
            tenantId,
            isPublic: true,
            cancellationToken,
            command.Attachments);
        return new PublicIntakeReceipt(complaint.Number, complaint.ReceivedAt, await AcknowledgementAsync(complaint, cancellationToken));
    }

    /// <summary>
    /// The acknowledgement the customer's contact is sent (the tenant's wording, urgent or not), in each language, naming
    /// the category as the tenant's tree names it in that language rather than by its code.
    /// </summary>
    private async Task<Dictionary<string, string>> AcknowledgementAsync(Complaint complaint, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == complaint.TenantId, cancellationToken);
        var category = await db.Categories.AsNoTracking().SingleAsync(c => c.Code == complaint.Category, cancellationToken);
        var (kindCode, values) = Notify.AcknowledgementOf(complaint, tenant.Calendar().Zone);
        var kind = MessageKind.Find(kindCode)!;
        var acknowledgement = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in MessageKind.Languages)
        {
            var template = await templates.TemplateAsync(kind, language, cancellationToken);
            var filled = Notify.Values(complaint, [.. values, ("category", category.Name(language)), ("tenantName", tenant.Name)]);
            acknowledgement[language] = template.Render(kind, filled).Text;
        }

        return acknowledgement;
    }
}

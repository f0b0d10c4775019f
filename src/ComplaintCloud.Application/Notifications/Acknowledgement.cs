using System.Globalization;
using System.Text.Json;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Infrastructure.Notifications;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// The message that tells the customer their feedback is recorded (SPEC §2.3): "we will contact you within 24 hours",
/// or by the CONTACT clock's deadline when the policy runs one (urgent: 30 minutes). Sent through the outbox, once
/// per complaint, to the contact the customer gave; without a contact there is no one to tell.
/// </summary>
public static class Acknowledgement
{
    public const string Topic = "ACKNOWLEDGEMENT";

    private static readonly LocalDateTimePattern LocalTime = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static OutboxMessage? For(Complaint complaint, BusinessCalendar calendar, Instant now)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        ArgumentNullException.ThrowIfNull(calendar);
        if (complaint.Customer.Contact is not { Length: > 0 } contact)
        {
            return null;
        }

        var contactBy = complaint.Clocks.FirstOrDefault(c => c.Kind == "CONTACT")?.DueAt;
        var (en, zh) = contactBy is { } due
            ? ($"by {LocalTime.Format(due.InZone(calendar.Zone).LocalDateTime)}", $"在{LocalTime.Format(due.InZone(calendar.Zone).LocalDateTime)}前")
            : ("within 24 hours", "24小时内");
        var payload = JsonSerializer.Serialize(new
        {
            complaint = complaint.Number,
            contact,
            text = new
            {
                en = string.Create(CultureInfo.InvariantCulture, $"Your feedback about {complaint.Category} is recorded as {complaint.Number}; we will contact you {en}."),
                zh = $"您关于{complaint.Category}的反馈已记录（编号{complaint.Number}），我们将{zh}与您联系。",
            },
        });
        return OutboxMessage.Create(
            complaint.TenantId, complaint.Id, WebhookChannel.ChannelName, "customer", Topic, payload, $"complaint:{complaint.Id}:{Topic}", now);
    }
}

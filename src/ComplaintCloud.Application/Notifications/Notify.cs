using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Notifications;
using ComplaintCloud.Infrastructure.Notifications;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Application.Notifications;

/// <summary>
/// Writes the outbox messages about a complaint, each under a dedup key naming its cause so a cause writes it once.
/// A customer is reached at the contact they gave (e-mail, else SMS; neither: no message); staff by e-mail, the users
/// holding a role. Messages are in the language of the customer's own words, which the desk handles the complaint in.
/// </summary>
public static class Notify
{
    private static readonly LocalDateTimePattern Minutes = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    /// <summary>The message to the customer, or null when their contact is no address to send to.</summary>
    public static OutboxMessage? Customer(Complaint complaint, string kind, string cause, Instant now, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        if (ContactRoute.Of(complaint.Customer.Contact) is not { } route)
        {
            return null;
        }

        var channel = route.Kind == ContactKind.Email ? EmailChannel.ChannelName : SmsChannel.ChannelName;
        var payload = new MessagePayload(LanguageOf(complaint), route.Address, Values(complaint, values));
        return OutboxMessage.Create(complaint.TenantId, complaint.Id, channel, NotificationComposer.CustomerRecipient, kind, payload.ToJson(), Key(complaint, kind, cause), now);
    }

    /// <summary>
    /// The customer's acknowledgement at intake (SPEC §2.3): "we will contact you within 24 hours", or, when the policy
    /// runs a CONTACT clock (urgent: 30 minutes), the urgent contact naming its deadline.
    /// </summary>
    public static OutboxMessage? Acknowledgement(Complaint complaint, DateTimeZone zone, Instant now)
    {
        var (kind, values) = AcknowledgementOf(complaint, zone);
        return Customer(complaint, kind, "intake", now, values);
    }

    /// <summary>Which acknowledgement a complaint gets and the values it needs beyond the complaint's own.</summary>
    public static (string Kind, (string Name, string Value)[] Values) AcknowledgementOf(Complaint complaint, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Clocks.FirstOrDefault(c => c.Kind == "CONTACT") is { } contact
            ? (MessageKind.UrgentContact, [("contactBy", LocalTime(contact.DueAt, zone))])
            : (MessageKind.Acknowledgement, []);
    }

    /// <summary>The message to every user holding <paramref name="role"/>.</summary>
    public static OutboxMessage Role(Complaint complaint, string kind, string role, string cause, Instant now, params (string Name, string Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        var payload = new MessagePayload(LanguageOf(complaint), null, Values(complaint, [.. values, ("role", role)]));
        return OutboxMessage.Create(
            complaint.TenantId, complaint.Id, EmailChannel.ChannelName, NotificationComposer.RolePrefix + role, kind, payload.ToJson(), Key(complaint, kind, $"{cause}:{role}"), now);
    }

    /// <summary>An instant as people read it in messages: the tenant's local time to the minute.</summary>
    public static string LocalTime(Instant at, DateTimeZone zone) => Minutes.Format(at.InZone(zone).LocalDateTime);

    /// <summary>Chinese when the customer wrote any Chinese, else English.</summary>
    public static string LanguageOf(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return complaint.Description.Any(c => c is >= '\u4e00' and <= '\u9fff') ? "zh" : "en";
    }

    private static string Key(Complaint complaint, string kind, string cause) => $"complaint:{complaint.Id}:{kind}:{cause}";

    /// <summary>A template's values for a complaint: its number, category, customer name and grade, then <paramref name="values"/>.</summary>
    internal static Dictionary<string, string> Values(Complaint complaint, params (string Name, string Value)[] values)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["complaintNumber"] = complaint.Number,
            ["category"] = complaint.Category,
            ["customerName"] = complaint.Customer.Name,
            ["grade"] = complaint.Grade?.Code ?? string.Empty,
        };
        foreach (var (name, value) in values)
        {
            all[name] = value;
        }

        return all;
    }
}

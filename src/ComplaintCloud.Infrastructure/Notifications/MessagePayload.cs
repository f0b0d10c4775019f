using System.Text.Json;
using ComplaintCloud.Domain.Notifications;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>
/// What an outbox message carries to be rendered at delivery: the language, the customer's address when it goes to
/// the customer, and the values of its template's placeholders (the tenant's name is added when sent).
/// </summary>
public sealed record MessagePayload(string Language, string? Contact, IReadOnlyDictionary<string, string> Values)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a payload; one of another shape (written by an older version) renders in the default language
    /// with no values.</summary>
    public static MessagePayload Parse(string json)
    {
        var payload = JsonSerializer.Deserialize<MessagePayload>(json, Json);
        return new MessagePayload(
            payload?.Language is { } language && MessageKind.Languages.Contains(language) ? language : MessageKind.Languages[0],
            payload?.Contact,
            payload?.Values ?? new Dictionary<string, string>());
    }
}

using ComplaintCloud.Domain.Notifications;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>The tenant a message speaks for.</summary>
public sealed record Sender(Guid Id, string Slug, string Name);

/// <summary>
/// An outbox message made ready to send: whom it reaches (e-mail addresses or mobile numbers, by its recipient), its
/// payload (language, values), and its text rendered from the tenant's template for its kind — null for a topic that has no template,
/// which only the webhook can carry.
/// </summary>
public sealed record Delivery(OutboxMessage Message, Sender Tenant, IReadOnlyList<string> Addresses, MessagePayload Payload, RenderedMessage? Content)
{
    public string Language => Payload.Language;

    /// <summary>The rendered text, or a failure for channels that send words to people.</summary>
    public RenderedMessage RequireContent() =>
        Content ?? throw new InvalidOperationException($"There is no template for {Message.Topic} messages.");

    /// <summary>The addresses, or a failure: a message to no one is not delivered.</summary>
    public IReadOnlyList<string> RequireAddresses() =>
        Addresses.Count > 0 ? Addresses : throw new InvalidOperationException($"No one to send {Message.Topic} to: {Message.Recipient} gave no address.");
}

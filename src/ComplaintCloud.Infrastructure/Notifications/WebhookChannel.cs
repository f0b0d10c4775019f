using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using NodaTime;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>Where webhooks go and the secret they are signed with (<c>Notifications:Webhook:Url</c>, <c>…:Secret</c>).</summary>
public sealed record WebhookSettings(Uri Url, string Secret);

/// <summary>
/// Posts each message as JSON to the configured URL, signed like Stripe's webhooks so receivers can reject forgeries
/// and replays: <c>X-ComplaintCloud-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.
/// The body carries the message as rendered for people too (subject, text), so a receiver can pass it on as it is.
/// The message id travels in <c>X-ComplaintCloud-Delivery</c> so a receiver can drop a retried duplicate.
/// </summary>
public sealed class WebhookChannel(HttpClient http, WebhookSettings settings, IClock clock) : INotificationChannel
{
    public const string ChannelName = "webhook";
    public const string SignatureHeader = "X-ComplaintCloud-Signature";
    public const string DeliveryHeader = "X-ComplaintCloud-Delivery";

    public string Name => ChannelName;

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var message = delivery.Message;
        using var payload = JsonDocument.Parse(message.Payload);
        var body = JsonSerializer.Serialize(new
        {
            id = message.Id,
            tenantId = message.TenantId,
            complaintId = message.ComplaintId,
            recipient = message.Recipient,
            topic = message.Topic,
            payload = payload.RootElement,
            language = delivery.Language,
            subject = delivery.Content?.Subject,
            text = delivery.Content?.Text,
        });
        var timestamp = clock.GetCurrentInstant().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(SignatureHeader, $"t={timestamp},v1={Sign(settings.Secret, timestamp, body)}");
        request.Headers.Add(DeliveryHeader, message.Id.ToString());
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));
}

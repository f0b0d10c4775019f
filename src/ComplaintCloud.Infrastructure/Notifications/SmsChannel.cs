using System.Net.Http.Headers;
using System.Text;
using ComplaintCloud.Domain.Notifications;
using Microsoft.Extensions.Configuration;

namespace ComplaintCloud.Infrastructure.Notifications;

/// <summary>Whoever carries text messages to phones.</summary>
public interface ISmsProvider
{
    /// <summary>Sends one text (the provider splits it into its segments); throws when the provider refused it.</summary>
    Task SendAsync(string mobileNumber, SmsText text, CancellationToken cancellationToken);
}

/// <summary>
/// An SMS provider account (<c>Notifications:Sms:Url</c>, <c>Account</c>, <c>Token</c>, <c>From</c>) and the country
/// code of numbers given without one (<c>DefaultCountryCode</c>, 86).
/// </summary>
public sealed record SmsSettings(Uri Url, string Account, string Token, string From, string DefaultCountryCode)
{
    public const string Section = "Notifications:Sms";

    /// <summary>The settings, or null (no SMS) when no URL is configured.</summary>
    public static SmsSettings? Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        if (section["Url"] is not { Length: > 0 } url)
        {
            return null;
        }

        string Required(string key) => section[key] is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {Section}:{key} for the SMS provider.");
        return new SmsSettings(new Uri(url.TrimEnd('/') + "/"), Required("Account"), Required("Token"), Required("From"), section["DefaultCountryCode"] ?? "86");
    }
}

/// <summary>
/// The HTTP API shape the large SMS providers share (Twilio's, and those modelled on it): a form-encoded POST of
/// <c>To</c>, <c>From</c> and <c>Body</c> to <c>{Url}/Accounts/{Account}/Messages.json</c>, authenticated with the
/// account and its token as HTTP Basic credentials; any status but 2xx is a failure.
/// </summary>
public sealed class FormPostSmsProvider(HttpClient http, SmsSettings settings) : ISmsProvider
{
    public async Task SendAsync(string mobileNumber, SmsText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.Url, $"Accounts/{Uri.EscapeDataString(settings.Account)}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["To"] = mobileNumber, ["From"] = settings.From, ["Body"] = text.Text }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.Account}:{settings.Token}")));
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The SMS provider answered {(int)response.StatusCode}: {answer[..Math.Min(answer.Length, 300)]}", null, response.StatusCode);
        }
    }
}

/// <summary>Sends a message's text (not its subject) to each mobile number, cut to at most ten segments.</summary>
public sealed class SmsChannel(ISmsProvider provider, SmsSettings settings) : INotificationChannel
{
    public const string ChannelName = "sms";

    public string Name => ChannelName;

    public async Task SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var text = SmsText.Of(delivery.RequireContent().Text);
        foreach (var number in delivery.RequireAddresses())
        {
            await provider.SendAsync(ContactRoute.InternationalNumber(number, settings.DefaultCountryCode), text, cancellationToken);
        }
    }
}

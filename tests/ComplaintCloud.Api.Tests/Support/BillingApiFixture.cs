using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Stripe;

namespace ComplaintCloud.Api.Tests.Support;

/// <summary>
/// The service with billing on, Stripe.net pointed at a <see cref="StripeDouble"/> on loopback, and small plan limits
/// so limit tests stay fast. Shared by the "billing" collection; tests keep apart by signing up a tenant each.
/// </summary>
public sealed class BillingApiFixture : ApiFixture
{
    public new const string Collection = "billing";
    public const string WebhookSecret = "whsec_test_secret_for_complaintcloud";
    public const string TeamPrice = "price_team_test";
    public const string BusinessPrice = "price_business_test";
    public const int FreeComplaintsPerMonth = 2;
    public const int FreeAgentSeats = 2;

    public StripeDouble Stripe { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Stripe = await StripeDouble.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    protected override void Configure(IWebHostBuilder host) => UseStripeDouble(host, Stripe);

    /// <summary>Billing on, Stripe.net pointed at the double, and the small plan limits: for any host of the service.</summary>
    public static void UseStripeDouble(IWebHostBuilder host, StripeDouble stripe)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(stripe);
        host.UseSetting("Stripe:SecretKey", "sk_test_complaintcloud");
        host.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        host.UseSetting("Stripe:ApiBase", stripe.BaseAddress.ToString().TrimEnd('/'));
        host.UseSetting("Billing:Plans:FREE:ComplaintsPerMonth", FreeComplaintsPerMonth.ToString(CultureInfo.InvariantCulture));
        host.UseSetting("Billing:Plans:FREE:AgentSeats", FreeAgentSeats.ToString(CultureInfo.InvariantCulture));
        host.UseSetting("Billing:Plans:TEAM:StripePriceId", TeamPrice);
        host.UseSetting("Billing:Plans:BUSINESS:StripePriceId", BusinessPrice);
    }

    /// <summary>
    /// Posts a Stripe event about <paramref name="dataObject"/> to the webhook, signed with <paramref name="secret"/> at
    /// <paramref name="signedAt"/> (now when omitted), as Stripe would.
    /// </summary>
    public Task<HttpResponseMessage> SendWebhookAsync(
        string eventId, string type, JsonObject dataObject, DateTimeOffset? signedAt = null, string secret = WebhookSecret) =>
        SendWebhookAsync(BaseAddress, eventId, type, dataObject, signedAt, secret);

    /// <summary>The same, to the service at <paramref name="service"/>.</summary>
    public static async Task<HttpResponseMessage> SendWebhookAsync(
        Uri service, string eventId, string type, JsonObject dataObject, DateTimeOffset? signedAt = null, string secret = WebhookSecret)
    {
        var at = signedAt ?? DateTimeOffset.UtcNow;
        var json = new JsonObject
        {
            ["id"] = eventId,
            ["object"] = "event",
            ["api_version"] = StripeDouble.ApiVersion,
            ["created"] = at.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new JsonObject { ["object"] = dataObject },
        }.ToJsonString();
        return await SendSignedWebhookAsync(service, json, at, secret);
    }

    /// <summary>Posts any body to the webhook, signed as Stripe signs its events.</summary>
    public Task<HttpResponseMessage> SendSignedWebhookAsync(string body, DateTimeOffset? signedAt = null, string secret = WebhookSecret) =>
        SendSignedWebhookAsync(BaseAddress, body, signedAt, secret);

    private static async Task<HttpResponseMessage> SendSignedWebhookAsync(Uri service, string body, DateTimeOffset? signedAt, string secret)
    {
        using var http = new HttpClient { BaseAddress = service };
        using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        content.Headers.Add("Stripe-Signature", EventUtility.GenerateSignatureHeader(body, secret, (signedAt ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
        return await http.PostAsync("/stripe/webhook", content);
    }
}

[CollectionDefinition(BillingApiFixture.Collection)]
public sealed class BillingCollectionDefinition : ICollectionFixture<BillingApiFixture>;

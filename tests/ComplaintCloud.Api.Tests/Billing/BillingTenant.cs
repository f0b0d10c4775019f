using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Billing;

/// <summary>A freshly signed-up tenant of the billing fixture, with what the billing tests do to it.</summary>
internal sealed class BillingTenant(BillingApiFixture api, SignedInTenant tenant)
{
    public const string Query = """
        { billing { enabled plan { code } status currentPeriodEnd trialEnd graceEndsAt readOnly warnings usage { limit used max } } }
        """;

    public string Id => tenant.TenantId;

    public string Slug => tenant.Slug;

    public GraphQLClient Client => tenant.Client;

    public string SubscriptionId { get; } = "sub_" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<BillingTenant> SignUpAsync(BillingApiFixture api) => new(api, await api.SignUpAsync());

    public async Task<JsonElement> BillingAsync()
    {
        var result = await Client.SendAsync(Query);
        result.AssertNoErrors();
        return result.Data.GetProperty("billing");
    }

    /// <summary>Makes the tenant's subscription look like this in Stripe, and returns it as an event would carry it.</summary>
    public JsonObject InStripe(string status, string price = BillingApiFixture.TeamPrice) =>
        api.Stripe.SetSubscription(SubscriptionId, Id, status, price);

    /// <summary>Stripe says the subscription is <paramref name="status"/> and sends customer.subscription.updated.</summary>
    public async Task SubscribeAsync(string status = "active", string price = BillingApiFixture.TeamPrice)
    {
        using var response = await api.SendWebhookAsync("evt_" + Guid.NewGuid().ToString("N"), "customer.subscription.updated", InStripe(status, price));
        response.EnsureSuccessStatusCode();
    }
}

using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Billing;

[Collection(BillingApiFixture.Collection)]
public sealed class CheckoutShould(BillingApiFixture api)
{
    private const string StartCheckout = """
        mutation($input: StartCheckoutInput!) { startCheckout(input: $input) { url } }
        """;

    private const string OpenPortal = "mutation { openBillingPortal { url } }";

    [Fact]
    public async Task CreateTheCustomerOnceAndOpenASubscriptionCheckoutNamingTheTenantWithIdempotencyKeys()
    {
        var tenant = await BillingTenant.SignUpAsync(api);

        var first = await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "TEAM" } });
        var second = await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "team" } });

        first.AssertNoErrors();
        second.AssertNoErrors();
        Assert.StartsWith("https://checkout.stripe.test/", first.Data.GetProperty("startCheckout").GetProperty("url").GetString(), StringComparison.Ordinal);
        var customer = Assert.Single(api.Stripe.RequestsTo("/v1/customers"), r => r.Form["metadata[tenant_id]"] == tenant.Id);
        Assert.Equal($"customer-{tenant.Id}", customer.IdempotencyKey);
        var sessions = api.Stripe.RequestsTo("/v1/checkout/sessions").Where(r => r.Form["client_reference_id"] == tenant.Id).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, session =>
        {
            Assert.Equal("subscription", session.Form["mode"]);
            Assert.Equal(BillingApiFixture.TeamPrice, session.Form["line_items[0][price]"]);
            Assert.Equal(tenant.Id, session.Form["subscription_data[metadata][tenant_id]"]);
            Assert.StartsWith($"checkout-{tenant.Id}-TEAM-", session.IdempotencyKey, StringComparison.Ordinal);
        });
        Assert.Single(sessions.Select(s => s.Form["customer"]).Distinct());
        Assert.NotEqual(sessions[0].IdempotencyKey, sessions[1].IdempotencyKey);
    }

    [Fact]
    public async Task SendTheSameIdempotencyKeyToStripeWhenTheClientRetries()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = "retry-42" };

        (await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "BUSINESS" } }, headers)).AssertNoErrors();
        (await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "BUSINESS" } }, headers)).AssertNoErrors();

        var keys = api.Stripe.RequestsTo("/v1/checkout/sessions").Where(r => r.Form["client_reference_id"] == tenant.Id).Select(r => r.IdempotencyKey).ToList();
        Assert.Equal([$"checkout-{tenant.Id}-BUSINESS-retry-42", $"checkout-{tenant.Id}-BUSINESS-retry-42"], keys);
    }

    [Theory]
    [InlineData("FREE")]
    [InlineData("PLATINUM")]
    public async Task RefuseAPlanThatCannotBeBoughtWithBadUserInputAndCallNoStripe(string plan)
    {
        var tenant = await BillingTenant.SignUpAsync(api);

        var result = await tenant.Client.SendAsync(StartCheckout, new { input = new { plan } });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.plan", result.FirstErrorField);
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Form.GetValueOrDefault("metadata[tenant_id]") == tenant.Id);
    }

    [Fact]
    public async Task RefuseAnOverlongIdempotencyKeyWithBadUserInputAndCallNoStripe()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = new('k', 181) };

        var result = await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "TEAM" } }, headers);

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("Idempotency-Key", result.FirstErrorField);
        Assert.DoesNotContain(api.Stripe.Requests, r => r.Form.GetValueOrDefault("metadata[tenant_id]") == tenant.Id);
    }

    [Fact]
    public async Task RefuseASecondCheckoutWhileSubscribedWithConflict()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        await tenant.SubscribeAsync("active");

        var result = await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "BUSINESS" } });

        Assert.Equal("CONFLICT", result.FirstErrorCode);
    }

    [Fact]
    public async Task OpenTheBillingPortalForTheTenantsCustomer()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var before = await tenant.Client.SendAsync(OpenPortal);
        (await tenant.Client.SendAsync(StartCheckout, new { input = new { plan = "TEAM" } })).AssertNoErrors();
        var customerId = api.Stripe.RequestsTo("/v1/checkout/sessions").Last(r => r.Form["client_reference_id"] == tenant.Id).Form["customer"];

        var portal = await tenant.Client.SendAsync(OpenPortal);

        Assert.Equal("BAD_USER_INPUT", before.FirstErrorCode);
        portal.AssertNoErrors();
        Assert.StartsWith("https://billing.stripe.test/", portal.Data.GetProperty("openBillingPortal").GetProperty("url").GetString(), StringComparison.Ordinal);
        var request = api.Stripe.RequestsTo("/v1/billing_portal/sessions").Last(r => r.Form["customer"] == customerId);
        Assert.StartsWith($"portal-{tenant.Id}-", request.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseAnonymousCallersWithUnauthenticated()
    {
        var result = await api.Client().SendAsync(StartCheckout, new { input = new { plan = "TEAM" } });

        Assert.Equal("UNAUTHENTICATED", result.FirstErrorCode);
    }
}

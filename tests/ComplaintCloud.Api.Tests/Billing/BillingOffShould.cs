using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Billing;

/// <summary>The default service has no Stripe key: billing is off and nothing is limited.</summary>
[Collection(ApiFixture.Collection)]
public sealed class BillingOffShould(ApiFixture api)
{
    [Fact]
    public async Task GiveEveryTenantTheUnlimitedDevelopmentPlan()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync("{ billing { enabled plan { code complaintsPerMonth agentSeats customPolicyAllowed apiKeysAllowed } readOnly } }");

        result.AssertNoErrors();
        var billing = result.Data.GetProperty("billing");
        Assert.False(billing.GetProperty("enabled").GetBoolean());
        Assert.False(billing.GetProperty("readOnly").GetBoolean());
        var plan = billing.GetProperty("plan");
        Assert.Equal("DEVELOPMENT", plan.GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, plan.GetProperty("complaintsPerMonth").ValueKind);
        Assert.True(plan.GetProperty("customPolicyAllowed").GetBoolean());
    }

    [Fact]
    public async Task RefuseCheckoutAndReceiveNoWebhooks()
    {
        var tenant = await api.SignUpAsync();

        var checkout = await tenant.Client.SendAsync("mutation { startCheckout(input: {plan: \"TEAM\"}) { url } }");
        using var webhook = await tenant.Client.Http.PostAsync("/stripe/webhook", new StringContent("{}"));

        Assert.Equal("BAD_USER_INPUT", checkout.FirstErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, webhook.StatusCode);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Billing;

[Collection(BillingApiFixture.Collection)]
public sealed class StripeWebhookShould(BillingApiFixture api)
{
    [Fact]
    public async Task PutTheTenantOnItsPlanWhenCheckoutCompletes()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        tenant.InStripe("active");

        using var response = await api.SendWebhookAsync(NewEventId(), "checkout.session.completed", new JsonObject
        {
            ["id"] = "cs_" + tenant.SubscriptionId,
            ["object"] = "checkout.session",
            ["mode"] = "subscription",
            ["client_reference_id"] = tenant.Id,
            ["subscription"] = tenant.SubscriptionId,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var billing = await tenant.BillingAsync();
        Assert.Equal("TEAM", billing.GetProperty("plan").GetProperty("code").GetString());
        Assert.Equal("ACTIVE", billing.GetProperty("status").GetString());
        Assert.True(billing.GetProperty("currentPeriodEnd").GetDateTime() > DateTime.UtcNow.AddDays(29));
        Assert.False(billing.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public async Task RefuseABadSignatureWith400AndChangeNothing()
    {
        var tenant = await BillingTenant.SignUpAsync(api);

        using var response = await api.SendWebhookAsync(NewEventId(), "customer.subscription.updated", tenant.InStripe("active"), secret: "whsec_someone_else");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(api.Stripe.RequestsTo($"/v1/subscriptions/{tenant.SubscriptionId}"));
        Assert.Equal("NONE", (await tenant.BillingAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefuseASignatureOlderThanFiveMinutesWith400AndChangeNothing()
    {
        var tenant = await BillingTenant.SignUpAsync(api);

        using var response = await api.SendWebhookAsync(
            NewEventId(), "customer.subscription.updated", tenant.InStripe("active"), signedAt: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("NONE", (await tenant.BillingAsync()).GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"id":"evt_signed_but_empty","object":"event","type":"customer.subscription.updated","data":null}""")]
    [InlineData("""{"id":"evt_signed_but_odd","object":"event","created":"yesterday","type":"customer.subscription.updated","data":{"object":{"id":"sub_x","object":"subscription"}}}""")]
    [InlineData("""{"id":["evt_not_a_string"],"object":"event","type":"invoice.paid","data":{"object":{"object":"invoice"}}}""")]
    public async Task RefuseASignedBodyThatIsNotAStripeEventWith400AndChangeNothing(string body)
    {
        var requestsBefore = api.Stripe.Requests.Count;

        using var response = await api.SendSignedWebhookAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("   at ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(requestsBefore, api.Stripe.Requests.Count);
    }

    [Fact]
    public async Task RefuseAFiveMegabyteBodyWith413()
    {
        using var response = await api.SendSignedWebhookAsync(new string('x', 5 * 1024 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AcknowledgeAReplayedEventAndNotActOnItAgain()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var eventId = NewEventId();
        using var first = await api.SendWebhookAsync(eventId, "customer.subscription.updated", tenant.InStripe("active"));
        tenant.InStripe("canceled");

        using var replay = await api.SendWebhookAsync(eventId, "customer.subscription.updated", tenant.InStripe("canceled"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("Replayed", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(api.Stripe.RequestsTo($"/v1/subscriptions/{tenant.SubscriptionId}"));
        Assert.Equal("ACTIVE", (await tenant.BillingAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task CountEachDeliveryByItsOutcome()
    {
        using var telemetry = new TelemetryCapture();
        var tenant = await BillingTenant.SignUpAsync(api);
        var eventId = NewEventId();

        using var applied = await api.SendWebhookAsync(eventId, "customer.subscription.updated", tenant.InStripe("active"));
        using var replayed = await api.SendWebhookAsync(eventId, "customer.subscription.updated", tenant.InStripe("active"));
        using var rejected = await api.SendWebhookAsync(NewEventId(), "customer.subscription.updated", tenant.InStripe("active"), secret: "whsec_someone_else");

        Assert.True(telemetry.Count("complaintcloud.stripe.webhooks", ("outcome", "Applied")) >= 1);
        Assert.True(telemetry.Count("complaintcloud.stripe.webhooks", ("outcome", "Replayed")) >= 1);
        Assert.True(telemetry.Count("complaintcloud.stripe.webhooks", ("outcome", "Rejected")) >= 1);
    }

    [Fact]
    public async Task EndActiveWhenUpdatedArrivesBeforeCreated()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        var created = tenant.InStripe("incomplete");
        var updated = tenant.InStripe("active");

        using var first = await api.SendWebhookAsync(NewEventId(), "customer.subscription.updated", updated);
        using var late = await api.SendWebhookAsync(NewEventId(), "customer.subscription.created", created, signedAt: DateTimeOffset.UtcNow.AddSeconds(-30));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var billing = await tenant.BillingAsync();
        Assert.Equal("ACTIVE", billing.GetProperty("status").GetString());
        Assert.Equal("TEAM", billing.GetProperty("plan").GetProperty("code").GetString());
    }

    [Fact]
    public async Task StayCanceledAndReadOnlyWhenALateUpdatedFollowsDeleted()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        await tenant.SubscribeAsync("active");
        var staleUpdate = tenant.InStripe("active");
        var deleted = tenant.InStripe("canceled");

        using var first = await api.SendWebhookAsync(NewEventId(), "customer.subscription.deleted", deleted);
        using var late = await api.SendWebhookAsync(NewEventId(), "customer.subscription.updated", staleUpdate, signedAt: DateTimeOffset.UtcNow.AddSeconds(-60));

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var billing = await tenant.BillingAsync();
        Assert.Equal("CANCELED", billing.GetProperty("status").GetString());
        Assert.True(billing.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public async Task KeepFullServiceWithAWarningWhenAPaymentFails()
    {
        var tenant = await BillingTenant.SignUpAsync(api);
        await tenant.SubscribeAsync("active");
        tenant.InStripe("past_due");

        using var response = await api.SendWebhookAsync(NewEventId(), "invoice.payment_failed", new JsonObject
        {
            ["id"] = "in_" + tenant.SubscriptionId,
            ["object"] = "invoice",
            ["parent"] = new JsonObject
            {
                ["type"] = "subscription_details",
                ["subscription_details"] = new JsonObject { ["subscription"] = tenant.SubscriptionId },
            },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var billing = await tenant.BillingAsync();
        Assert.Equal("PAST_DUE", billing.GetProperty("status").GetString());
        Assert.False(billing.GetProperty("readOnly").GetBoolean());
        // The default grace period: 7 days from the failure we saw.
        var graceEndsAt = billing.GetProperty("graceEndsAt").GetDateTime();
        Assert.InRange(graceEndsAt, DateTime.UtcNow.AddDays(7).AddMinutes(-1), DateTime.UtcNow.AddDays(7));
        Assert.Contains(billing.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("payment failed", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ShowTheTrialEndWhenStripeSaysItIsNear()
    {
        var tenant = await BillingTenant.SignUpAsync(api);

        using var response = await api.SendWebhookAsync(NewEventId(), "customer.subscription.trial_will_end", tenant.InStripe("trialing"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var billing = await tenant.BillingAsync();
        Assert.Equal("TRIALING", billing.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, billing.GetProperty("trialEnd").ValueKind);
        Assert.Single(billing.GetProperty("warnings").EnumerateArray());
    }

    private static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N");
}

using ComplaintCloud.Infrastructure.Billing;
using Microsoft.Extensions.Configuration;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Billing;

public sealed class BillingSettingsShould
{
    [Fact]
    public void RefuseAStripeKeyWithoutAWebhookSecret()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(new() { ["Stripe:SecretKey"] = "sk_test_x" }));

        Assert.Contains("Stripe:WebhookSecret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPlansWithAnEmptyLimitAsUnlimitedAndDefaultTheGracePeriodToSevenDays()
    {
        var settings = Read(new()
        {
            ["Stripe:SecretKey"] = "sk_test_x",
            ["Stripe:WebhookSecret"] = "whsec_x",
            ["Billing:Plans:free:ComplaintsPerMonth"] = "100",
            ["Billing:Plans:BUSINESS:StripePriceId"] = "price_b",
            ["Billing:Plans:BUSINESS:ComplaintsPerMonth"] = "",
            ["Billing:Plans:BUSINESS:ApiKeysAllowed"] = "true",
        });

        Assert.True(settings.Enabled);
        Assert.Equal(Duration.FromDays(7), settings.GracePeriod);
        Assert.Equal(100, settings.Free.Limits.ComplaintsPerMonth);
        var business = settings.ForPrice("price_b");
        Assert.NotNull(business);
        Assert.Null(business.Limits.ComplaintsPerMonth);
        Assert.True(business.Limits.ApiKeysAllowed);
        Assert.False(business.Limits.CustomPolicyAllowed);
    }

    [Fact]
    public void BeOffWithoutAStripeKey() => Assert.False(Read([]).Enabled);

    private static BillingSettings Read(Dictionary<string, string?> values) =>
        BillingSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
}

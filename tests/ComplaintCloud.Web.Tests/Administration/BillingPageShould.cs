using System.Text.RegularExpressions;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Administration;

/// <summary>
/// Issue 13, point 7: plan, status and usage; upgrades through Stripe Checkout (the local Stripe double's pages,
/// answered by the browser test itself); the read-only standing on every page.
/// </summary>
[Collection(BillingWebFixture.Collection)]
public sealed class BillingPageShould(BillingWebFixture web) : BrowserTest(web)
{
    private readonly string _subscriptionId = "sub_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task ShowThePlanStatusAndTheUsageAgainstItsLimits()
    {
        var tenant = await SignUpAsync();
        await new LifecycleDesk(web, tenant).SubmitAsync();
        await LogInAsync(tenant);

        await Page.GotoAsync("/settings/billing");

        await Expect(Page.GetByTestId("current-plan")).ToHaveTextAsync("Free");
        await Expect(Page.GetByTestId("subscription-status")).ToHaveTextAsync("Free plan, never subscribed");
        await Expect(Page.GetByTestId("usage-complaintsPerMonth")).ToContainTextAsync($"Complaints this month: 1 of {BillingApiFixture.FreeComplaintsPerMonth}");
        await Expect(Page.GetByTestId("usage-agentSeats")).ToContainTextAsync($"of {BillingApiFixture.FreeAgentSeats}");
        await Expect(Page.GetByTestId("billing-warning")).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Upgrade to Team" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task WarnOnceTheMonthsComplaintsAreUsedUp()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(web, tenant);
        for (var i = 0; i < BillingApiFixture.FreeComplaintsPerMonth; i++)
        {
            await desk.SubmitAsync();
        }

        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/billing");

        await Expect(Page.GetByTestId("billing-warning")).ToContainTextAsync($"This month's {BillingApiFixture.FreeComplaintsPerMonth} complaints are used up");
    }

    [Fact]
    public async Task SendTheAdminToStripeCheckoutForTheChosenPlan()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await AnswerStripesPagesAsync();
        await Page.GotoAsync("/settings/billing");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Upgrade to Business" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("^https://checkout\\.stripe\\.test/c/cs_"));
        var session = Assert.Single(web.Stripe.Requests, r => r.Path == "/v1/checkout/sessions" && r.Form.Values.Contains(tenant.TenantId));
        Assert.Contains(BillingApiFixture.BusinessPrice, session.Form.Values);
    }

    [Fact]
    public async Task SayThePaymentIsBeingConfirmedWhenCheckoutSendsTheAdminBack()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);

        await Page.GotoAsync("/settings/billing?checkout=done");

        await Expect(Page.GetByText("The plan changes as soon as Stripe confirms the payment")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OpenTheBillingPortalOfASubscribedTenant()
    {
        var tenant = await SignUpAsync();
        await SubscriptionEventAsync(tenant, "customer.subscription.updated", "active");
        await LogInAsync(tenant);
        await AnswerStripesPagesAsync();
        await Page.GotoAsync("/settings/billing");
        await Expect(Page.GetByTestId("current-plan")).ToHaveTextAsync("Team");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Manage payment and invoices" }).ClickAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("^https://billing\\.stripe\\.test/p/bps_"));
    }

    [Fact]
    public async Task ShowTheReadOnlyStandingAsABannerOnEveryPageWithWhatStillWorks()
    {
        var tenant = await SignUpAsync();
        await SubscriptionEventAsync(tenant, "customer.subscription.updated", "active");
        await SubscriptionEventAsync(tenant, "customer.subscription.deleted", "canceled");

        await LogInAsync(tenant);

        foreach (var page in new[] { "/", "/register", "/reports", "/settings/billing" })
        {
            await Page.GotoAsync(page);
            var banner = Page.GetByTestId("read-only-banner");
            await Expect(banner).ToContainTextAsync("The desk is read-only until the subscription is paid");
            await Expect(banner).ToContainTextAsync("customers' own complaints, which are still received");
        }

        await Expect(Page.GetByTestId("subscription-status")).ToHaveTextAsync("Canceled");
    }

    /// <summary>Stripe's hosted pages, as the double names them, answered here: the machine reaches no outside site.</summary>
    private async Task AnswerStripesPagesAsync()
    {
        foreach (var site in new[] { "https://checkout.stripe.test/**", "https://billing.stripe.test/**" })
        {
            await Page.RouteAsync(site, route => route.FulfillAsync(new() { ContentType = "text/html", Body = "<title>Stripe</title>" }));
        }
    }

    private async Task SubscriptionEventAsync(SignedInTenant tenant, string type, string status)
    {
        var subscription = web.Stripe.SetSubscription(_subscriptionId, tenant.TenantId, status, BillingApiFixture.TeamPrice);
        using var response = await BillingApiFixture.SendWebhookAsync(web.BaseAddress, "evt_" + Guid.NewGuid().ToString("N"), type, subscription);
        response.EnsureSuccessStatusCode();
    }
}

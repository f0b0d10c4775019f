using System.Globalization;
using System.Text.Json;
using ComplaintCloud.Infrastructure.Auth;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.CustomerPages;

/// <summary>Issue 13.9: a customer follows their complaint on the company's public tracking page, without an account.</summary>
public sealed class TrackPageShould(WebFixture web) : BrowserTest(web)
{
    private const string Contact = "13900001111";

    [Fact]
    public async Task CustomerSeesTheProgressAndTheMessageAndAcceptsThePlan()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (number, id) = await NotifiedOfPlanAsync(desk);

        await LookUpAsync(desk, number, Contact);

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("Please tell us whether you accept our proposal");
        await Expect(Page.GetByText("We will replace your kettle within two days.")).ToBeVisibleAsync();
        await Expect(Page.GetByText("Batch 2026-11 is suspect.")).ToHaveCountAsync(0);
        await Expect(Page.GetByText("Replace the kettle.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("You accepted; we are carrying it out");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Accept" })).ToHaveCountAsync(0);
        var history = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status history { type actorId } } }", new { id });
        var complaint = history.Data.GetProperty("complaint");
        Assert.Equal("CUSTOMER_CONFIRMED", complaint.GetProperty("status").GetString());
        var confirmed = complaint.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "CUSTOMER_CONFIRMED");
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("actorId").ValueKind);
    }

    [Fact]
    public async Task CustomerDeclinesThePlanWithAReason()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (number, id) = await NotifiedOfPlanAsync(desk);
        await LookUpAsync(desk, number, Contact);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Decline" }).ClickAsync();
        await Page.GetByLabel("Tell us what you would like instead (optional)").FillAsync("I want a refund.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Send: I decline" }).ClickAsync();

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("We are preparing a proposal");
        var seen = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status } }", new { id });
        Assert.Equal("RESPONSIBILITY_DECIDED", seen.Data.GetProperty("complaint").GetProperty("status").GetString());
    }

    [Fact]
    public async Task CustomerOpensTheSurveyLinkAndScoresTheHandling()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (_, id) = await desk.PublicComplaintResolvedAsync(Contact);
        // The link CALLBACK_SURVEY carries (TrackingLinksShould follows one out of a delivered e-mail).
        var token = Web.Services.GetRequiredService<TrackingLinks>().Issue(desk.TenantId, Guid.Parse(id));

        await Page.GotoAsync($"/{desk.Slug}/track?t={token}");

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("Resolved; we will call you back");
        await Expect(Page.GetByLabel("Feedback number")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        foreach (var (score, points) in (IEnumerable<(string, int)>)[("Overall", 4), ("The outcome", 4), ("Our attitude", 5), ("How fast we were", 3), ("How professional we were", 4)])
        {
            await Page.GetByRole(AriaRole.Radiogroup, new() { Name = score }).GetByText(points.ToString(CultureInfo.InvariantCulture), new() { Exact = true }).ClickAsync();
        }

        await Page.GetByLabel("Anything else you would like to tell us (optional)").FillAsync("Quick and kind.");
        await SaveAsync(Button("Send my answer"), Page.GetByText("Thank you: your answer is recorded."));

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("We have called you back");
        await Expect(Page.GetByText("Thank you: your answer is recorded.")).ToBeVisibleAsync();
        var seen = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status callback { overall attitude speed comment byId } } }", new { id });
        var callback = seen.Data.GetProperty("complaint").GetProperty("callback");
        Assert.Equal("4 5 3 Quick and kind.", $"{callback.GetProperty("overall")} {callback.GetProperty("attitude")} {callback.GetProperty("speed")} {callback.GetProperty("comment")}");
        Assert.Equal(JsonValueKind.Null, callback.GetProperty("byId").ValueKind);
    }

    [Fact]
    public async Task CustomerSeesTheSurveyInChinese()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (_, id) = await desk.PublicComplaintResolvedAsync(Contact);
        var token = Web.Services.GetRequiredService<TrackingLinks>().Issue(desk.TenantId, Guid.Parse(id));

        await Page.GotoAsync($"/{desk.Slug}/track?t={token}");
        await Page.GetByText("中文").ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "请评价我们的处理" })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Radiogroup, new() { Name = "服务态度" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task OfferNoSurveyWhereThePolicyCallsTheCustomerBackByPhone()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "winery");
        var (_, id) = await desk.WineryComplaintResolvedAsync();
        var token = Web.Services.GetRequiredService<TrackingLinks>().Issue(desk.TenantId, Guid.Parse(id));

        await Page.GotoAsync($"/{desk.Slug}/track?t={token}");

        await Expect(Page.GetByTestId("customer-status")).ToHaveTextAsync("Resolved; we will call you back");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "How did we do?" })).ToHaveCountAsync(0);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RevealNothingForAnAlteredLink()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (_, id) = await desk.PublicComplaintResolvedAsync(Contact);
        var token = Web.Services.GetRequiredService<TrackingLinks>().Issue(desk.TenantId, Guid.Parse(id));

        await Page.GotoAsync($"/{desk.Slug}/track?t={token[..^1]}{(token[^1] == 'A' ? 'B' : 'A')}");

        await Expect(Page.GetByText("This link has expired or is not valid; look your feedback up with its number and your contact instead.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("customer-status")).ToHaveCountAsync(0);
        await Expect(Page.GetByLabel("Feedback number")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RevealNothingForAWrongContact()
    {
        var desk = await LifecycleDesk.OpenAsync(Web, "general-enterprise");
        var (number, _) = await desk.SubmitPublicAsync(Contact);

        await LookUpAsync(desk, number, "13900002222");

        await Expect(Page.GetByText("No feedback has this number and contact; please check both and try again.")).ToBeVisibleAsync();
        await Expect(Page.GetByTestId("customer-status")).ToHaveCountAsync(0);
    }

    /// <summary>The page opened as the feedback page's link opens it, with the number filled in.</summary>
    private async Task LookUpAsync(LifecycleDesk desk, string number, string contact)
    {
        await Page.GotoAsync($"/{desk.Slug}/track?number={Uri.EscapeDataString(number)}");
        await Expect(Page.GetByLabel("Feedback number")).ToHaveValueAsync(number);
        await Page.GetByLabel("Contact").FillAsync(contact);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Look it up" }).ClickAsync();
    }

    /// <summary>A customer's complaint whose plan the desk told the customer, with a message for them and an internal note.</summary>
    private static async Task<(string Number, string Id)> NotifiedOfPlanAsync(LifecycleDesk desk)
    {
        var (number, id) = await desk.PublicComplaintNotifiedOfPlanAsync(Contact);
        await LifecycleDesk.DoAsync(desk.Admin, "addNote", id, new { text = "We will replace your kettle within two days.", visibility = "CUSTOMER_VISIBLE" });
        await LifecycleDesk.DoAsync(desk.Admin, "addNote", id, new { text = "Batch 2026-11 is suspect.", visibility = "INTERNAL" });
        return (number, id);
    }
}

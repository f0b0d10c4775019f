using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Desk;

/// <summary>Issue 13, quality: axe-core finds no serious or critical violation on the desk's pages.</summary>
public sealed class DeskAccessibilityShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task LeaveNoSeriousOrCriticalViolationOnTheLogInPageAndTheBoard()
    {
        var tenant = await SignUpAsync();
        await Page.GotoAsync("/login");
        await Expect(Page.GetByLabel("Company (tenant slug)")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await LogInAsync(tenant);
        // Once loaded: while it loads, antd dims the table under its spinner, which no reader is meant to read.
        await Expect(Page.GetByText("No open complaint matches")).ToBeVisibleAsync();
        await Expect(Page.Locator(".ant-spin-blur")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task LeaveNoSeriousOrCriticalViolationOnTheComplaintPage()
    {
        var tenant = await SignUpAsync();
        var submitted = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        submitted.AssertNoErrors();

        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()}");
        await Expect(Page.GetByTestId("complaint-status")).ToHaveAttributeAsync("data-status", "RECEIVED");
        await Expect(Page.Locator(".ant-spin-blur")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }
}

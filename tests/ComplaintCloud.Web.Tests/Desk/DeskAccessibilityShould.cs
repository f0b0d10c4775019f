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
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }
}

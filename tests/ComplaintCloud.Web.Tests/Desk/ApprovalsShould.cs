using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Desk;

public sealed class ApprovalsShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task ListThePlansWaitingForTheUsersRoleOldestFirst()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(Web, tenant);
        var older = await desk.SubmitAsync();
        var newer = await desk.SubmitAsync();
        var untouched = await desk.SubmitAsync();
        await LifecycleDesk.ToPlanProposedAsync(desk.Admin, newer);
        await LifecycleDesk.ToPlanProposedAsync(desk.Admin, older);
        // A NORMAL plan waits for a customer-service supervisor (SPEC §3a).
        var email = await CreateUserAsync(tenant, "CS_SUPERVISOR");

        await LogInAsync(tenant, email);
        await Page.GetByRole(AriaRole.Link, new() { Name = "My approvals" }).ClickAsync();

        var items = Page.GetByTestId("approval-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/complaints/{older}");
        await Expect(items.Nth(1).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", $"/complaints/{newer}");
        await Expect(Page.Locator($"a[href='/complaints/{untouched}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ShowNothingToARoleThatNeedNotApprove()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(Web, tenant);
        await LifecycleDesk.ToPlanProposedAsync(desk.Admin, await desk.SubmitAsync());
        var email = await CreateUserAsync(tenant, "AGENT");

        await LogInAsync(tenant, email);
        await Page.GotoAsync("/approvals");

        await Expect(Page.GetByText("No plan is waiting for your approval")).ToBeVisibleAsync();
    }
}

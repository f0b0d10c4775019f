using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Desk;

/// <summary>A 390-wide phone screen: the board collapses to cards, and the desk can be worked from the keyboard.</summary>
public sealed class SmallScreenShould(WebFixture web) : BrowserTest(web)
{
    protected override ViewportSize Screen => new() { Width = 390, Height = 844 };

    [Fact]
    public async Task ShowTheBoardAsCards()
    {
        var tenant = await SignUpAsync();
        var submitted = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var number = submitted.Data.GetProperty("submitComplaint").GetProperty("number").GetString()!;

        await LogInAsync(tenant);

        await Expect(Page.GetByTestId("board-card")).ToHaveCountAsync(1);
        await Expect(Page.GetByTestId("board-card")).ToContainTextAsync(number);
        await Expect(Page.GetByTestId("board-table")).ToHaveCountAsync(0);
        Assert.True(await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
    }

    [Fact]
    public async Task LetTheUserLogInAndOpenAComplaintFromTheKeyboard()
    {
        var tenant = await SignUpAsync();
        var submitted = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
        await Page.GotoAsync("/login");

        // The first field has the focus; Tab moves on, Enter submits.
        await Expect(Page.GetByLabel("Company (tenant slug)")).ToBeFocusedAsync();
        await Page.Keyboard.TypeAsync(tenant.Slug);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(tenant.AdminEmail);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.TypeAsync(Password);
        await Page.Keyboard.PressAsync("Enter");
        var link = Page.GetByTestId("board-card").GetByRole(AriaRole.Link);
        await Expect(link).ToBeVisibleAsync();
        await link.FocusAsync();
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/complaints/{id}$"));
    }
}

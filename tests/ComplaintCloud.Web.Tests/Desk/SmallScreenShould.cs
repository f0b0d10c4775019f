using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Desk;

/// <summary>
/// A 390-wide phone screen (issue 12, point 7): the board collapses to cards, the complaint page fits the width with its
/// actions within reach, and the desk can be worked from the keyboard.
/// </summary>
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
        await AssertNoSidewaysScrollAsync();
    }

    [Fact]
    public async Task FitTheComplaintPageToTheWidthWithItsActionsWithinReach()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);

        await Page.GotoAsync($"/complaints/{id}");
        await Expect(Page.GetByTestId("complaint-words")).ToHaveTextAsync(Operations.KettleStory);
        await AssertNoSidewaysScrollAsync();
        await Page.GetByTestId("action-ACKNOWLEDGE").ClickAsync();
        await Expect(Page.GetByTestId("action-form-ACKNOWLEDGE")).ToBeInViewportAsync();
        // The dialog fits the screen (while it is open the page behind it does not scroll).
        var dialog = await Page.Locator(".ant-modal").BoundingBoxAsync();
        Assert.True(dialog is { X: >= 0 } && dialog.X + dialog.Width <= Screen.Width, $"The dialog does not fit the screen: {dialog?.X} + {dialog?.Width}.");
        await SaveAsync(Button("Save"), Page.Locator("[data-testid=complaint-status][data-status=ACKNOWLEDGED]"));
    }

    [Fact]
    public async Task LetTheUserWorkAComplaintFromTheKeyboard()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
        await LogInAsync(tenant);
        await Page.GotoAsync($"/complaints/{id}");

        // Tab from the top of the page to the action, Enter opens its dialog; Tab to Save, Enter saves.
        await TabToAsync(Page.GetByTestId("action-ACKNOWLEDGE"));
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByTestId("action-form-ACKNOWLEDGE")).ToBeVisibleAsync();
        await TabToAsync(Button("Save"));
        await Page.Keyboard.PressAsync("Enter");

        await Expect(Page.GetByTestId("complaint-status")).ToHaveAttributeAsync("data-status", "ACKNOWLEDGED");
    }

    [Fact]
    public async Task LetTheUserLogInAndOpenAComplaintFromTheKeyboard()
    {
        var tenant = await SignUpAsync();
        var id = await SubmitAsync(tenant);
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

    private static async Task<string> SubmitAsync(SignedInTenant tenant)
    {
        var submitted = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        return submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
    }

    // Names the innermost elements reaching past the screen's right edge, if any.
    private async Task AssertNoSidewaysScrollAsync()
    {
        var overflowing = await Page.EvaluateAsync<string[]>("""
            () => [...document.body.querySelectorAll('*')]
              .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5
                && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5))
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} ${e.getAttribute('data-testid') ?? ''} "${(e.textContent ?? '').slice(0, 40)}" right ${Math.round(e.getBoundingClientRect().right)}`)
            """);
        var scrolls = await Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(scrolls, "The page scrolls sideways: " + string.Join("; ", overflowing));
    }

    // Presses Tab until the element has the focus, as a keyboard user would; fails if forty presses do not reach it.
    private async Task TabToAsync(ILocator target)
    {
        await Expect(target).ToBeVisibleAsync();
        for (var press = 0; press < 40 && !await target.EvaluateAsync<bool>("element => element === document.activeElement"); press++)
        {
            await Page.Keyboard.PressAsync("Tab");
        }

        await Expect(target).ToBeFocusedAsync();
    }
}

using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Desk;

public sealed class LogInShould(WebFixture web) : BrowserTest(web)
{
    // The transport answers a refused log-in and a dead token with HTTP 401, which the browser logs.
    private const string Unauthorised = "status of 401";

    [Fact]
    public async Task TakeTheUserToTheBoardAndLogOutBackToLogIn()
    {
        var tenant = await SignUpAsync();

        await LogInAsync(tenant);
        await Expect(Page).ToHaveURLAsync(new Regex("/$"));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Expect(Page).ToHaveURLAsync(new Regex("/login$"));
        await Page.GotoAsync("/");
        await Expect(Page).ToHaveURLAsync(new Regex("/login$"));
    }

    [Fact]
    public async Task ShowAWrongPasswordPlainly()
    {
        ExpectConsoleError(Unauthorised);
        var tenant = await SignUpAsync();
        await Page.GotoAsync("/login");

        await FillLogInAsync(tenant.Slug, tenant.AdminEmail, "not-the-password");

        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("UNAUTHENTICATED The tenant, e-mail or password is wrong.");
        await Expect(Page).ToHaveURLAsync(new Regex("/login$"));
    }

    [Fact]
    public async Task ShowTheLockoutAfterFiveWrongPasswordsPlainly()
    {
        ExpectConsoleError(Unauthorised);
        var tenant = await SignUpAsync();
        await Page.GotoAsync("/login");

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await FillLogInAsync(tenant.Slug, tenant.AdminEmail, "not-the-password");
            await Expect(Page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }

        await FillLogInAsync(tenant.Slug, tenant.AdminEmail, Password);
        await Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Too many wrong passwords: log-in is locked for 15 minutes.");
    }

    [Fact]
    public async Task SendA401BackToLogInAndReturnToThePageAfterwards()
    {
        ExpectConsoleError(Unauthorised);
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/approvals");
        await Expect(Page.GetByTestId("signed-in-user")).ToBeVisibleAsync();

        // The token stops being accepted (as when it expires or its signing key changes).
        await Page.EvaluateAsync("""
            () => {
              const session = JSON.parse(localStorage.getItem('complaintcloud.session'));
              localStorage.setItem('complaintcloud.session', JSON.stringify({ ...session, token: session.token + 'x' }));
            }
            """);
        await Page.ReloadAsync();

        await Expect(Page).ToHaveURLAsync(new Regex("/login\\?from=%2Fapprovals$"));
        await Expect(Page.GetByText("Your session has ended")).ToBeVisibleAsync();
        await FillLogInAsync(tenant.Slug, tenant.AdminEmail, Password);
        await Expect(Page).ToHaveURLAsync(new Regex("/approvals$"));
    }

    [Fact]
    public async Task RefreshTheTokenBeforeItExpires()
    {
        var tenant = await SignUpAsync();
        await Page.Clock.InstallAsync();
        await LogInAsync(tenant);

        // Tokens live 8 hours (Auth:TokenLifetimeHours); the console swaps its token at 80 % of that life.
        var refresh = await Page.RunAndWaitForResponseAsync(
            () => Page.Clock.RunForAsync((long)TimeSpan.FromHours(6.5).TotalMilliseconds),
            response => response.Url.EndsWith("/graphql", StringComparison.Ordinal) && response.Request.PostData!.Contains("RefreshToken", StringComparison.Ordinal));

        Assert.Equal(200, refresh.Status);
        Assert.Contains("\"token\"", await refresh.TextAsync(), StringComparison.Ordinal);
        await Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(tenant.AdminEmail);
    }

    [Fact]
    public async Task SpeakChineseWhenTheBrowserPrefersIt()
    {
        var context = await Web.Browser.NewContextAsync(new() { BaseURL = Web.BaseAddress.ToString(), Locale = "zh-CN" });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login");

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "登录" })).ToBeVisibleAsync();
        await page.GetByText("English").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Log in" })).ToBeVisibleAsync();
        await context.CloseAsync();
    }
}

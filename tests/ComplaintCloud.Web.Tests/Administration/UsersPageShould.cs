using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Administration;

/// <summary>Issue 13, point 5: invitations and the link an invitee opens, deactivation, API keys, lifecycle settings.</summary>
public sealed class UsersPageShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task InviteAColleagueWithAPlatformAndAPolicyRoleWhoJoinsThroughTheLink()
    {
        var tenant = await SignUpAsync();
        var email = $"invitee@{tenant.Slug}.example";
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/users");

        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Roles").ClickAsync();
        await Page.Locator(".ant-select-item-option[title='Agent']").ClickAsync();
        await Page.Locator(".ant-select-item-option[title='Customer-service supervisor']").ClickAsync();
        await Page.Keyboard.PressAsync("Escape");
        var link = Page.GetByTestId("invitation-link").Locator("code");
        await SaveAsync(Button("Invite"), link);
        await Expect(link).ToContainTextAsync("/accept-invitation?tenant=");
        await Expect(Page.GetByTestId("invitation-list").GetByRole(AriaRole.Row, new() { Name = email })).ToContainTextAsync("Customer-service supervisor");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        var url = await link.TextContentAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await Page.GotoAsync(url!);
        await Page.GetByLabel("Password", new() { Exact = true }).FillAsync("the-invitees-password");
        await Page.GetByLabel("Password again").FillAsync("the-invitees-password");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Join" }).ClickAsync();

        await Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(email);
        var users = await tenant.Client.SendAsync("{ users { email roles } }");
        var invitee = users.Data.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("email").GetString() == email);
        Assert.Equal(["AGENT", "CS_SUPERVISOR"], invitee.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task DeactivateAUserWhoThenCannotLogIn()
    {
        var tenant = await SignUpAsync();
        var agent = await CreateUserAsync(tenant, "AGENT");
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/users");

        var row = Page.GetByTestId("user-list").GetByRole(AriaRole.Row, new() { Name = agent });
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate" }).ClickAsync();

        await Expect(row).ToContainTextAsync("Deactivated");
        var logIn = await Web.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, email = agent, password = Password } });
        Assert.NotNull(logIn.FirstErrorCode);
    }

    [Fact]
    public async Task ShowANewApiKeyOnlyOnceAndRevokeIt()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/users");

        await Page.GetByLabel("Used by").FillAsync("call centre");
        await SaveAsync(Button("Create key"), Page.GetByTestId("api-key-secret"));

        var secret = await Page.GetByTestId("api-key-secret").Locator("code").TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(secret));
        await Page.ReloadAsync();
        var row = Page.GetByTestId("api-key-list").GetByRole(AriaRole.Row, new() { Name = "call centre" });
        await Expect(row).ToContainTextAsync("complaints:submit");
        await Expect(Page.GetByText(secret!)).ToHaveCountAsync(0);
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(row).ToContainTextAsync("Revoked");
    }

    [Fact]
    public async Task SaveTheLifecycleSettingsAndShowTheApisRefusalUnderItsField()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/users");
        var retention = Page.GetByLabel("Keep closed complaints (years, at least 2)");
        await Expect(retention).Not.ToHaveValueAsync("");

        await retention.FillAsync("1");
        await Button("Save").ClickAsync();
        await Expect(Page.GetByTestId("error-notice")).ToContainTextAsync("BAD_USER_INPUT");
        await Expect(Page.Locator("#retentionYears_help")).ToContainTextAsync("Complaints are kept 2 to 100 years.");

        await retention.FillAsync("5");
        await Page.GetByLabel("Duplicate check looks back (days)").FillAsync("14");
        await SaveAsync(Button("Save"), Page.GetByText("Saved", new() { Exact = true }));
        var saved = (await tenant.Client.SendAsync("{ tenant { duplicateWindowDays retentionYears } }")).Data.GetProperty("tenant");
        Assert.Equal(5, saved.GetProperty("retentionYears").GetInt32());
        Assert.Equal(14, saved.GetProperty("duplicateWindowDays").GetInt32());
    }
}

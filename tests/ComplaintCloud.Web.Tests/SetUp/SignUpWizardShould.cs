using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.SetUp;

/// <summary>Issue 13.1: a company signs up, chooses and tunes its policy, and is sent on to its calendar and users.</summary>
public sealed class SignUpWizardShould(WebFixture web) : BrowserTest(web)
{
    // A refused GraphQL request is answered with a 4xx, which the browser logs.
    private const string Refused = "status of 4\\d\\d";

    [Fact]
    public async Task TakeACompanyFromSignUpThroughItsPolicyToTheCalendarAndUsers()
    {
        var slug = NewSlug();
        await Page.GotoAsync("/login");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sign up your company" }).ClickAsync();

        await Page.GetByLabel("Company name").FillAsync("Château Wizard");
        await Page.GetByLabel("Slug (your address)").FillAsync(slug);
        await Expect(Page.GetByText($"“{slug}” is free")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByLabel("Your e-mail (the first admin)").FillAsync($"admin@{slug}.example");
        await Page.GetByLabel("Password").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create the account" }).ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose your complaint policy" })).ToBeVisibleAsync();
        var winery = Page.GetByTestId("policy-card-winery");
        // Seed 002 / SPEC §3b: a serious complaint is reported within 10 minutes; winery leadership approves its plan.
        await Expect(winery).ToContainTextAsync("Report within 10 minutes");
        await Expect(winery).ToContainTextAsync("Plan approved by: Winery leadership");
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await winery.GetByRole(AriaRole.Button, new() { Name = "Choose" }).ClickAsync();

        await Expect(Page.GetByLabel("Amount from which a complaint is serious (yuan)")).ToHaveValueAsync("5000");
        await Expect(Page.GetByTestId("switch-note")).ToContainTextAsync("Open complaints keep the version they were graded under");
        await Expect(Page.GetByTestId("policy-preview").GetByTestId("grade-tag")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("signup-wizard.png");
        await SaveAsync(Button("Save and use this policy"), Page.GetByText("Your complaint policy is set"));
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Business calendar" })).ToHaveAttributeAsync("href", "/settings/calendar");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveAttributeAsync("href", "/settings/users");
        var chosen = await Web.Client().SendAsync(
            "mutation($input: LogInInput!) { logIn(input: $input) { tenant { policy { policyId } } } }",
            new { input = new { tenantSlug = slug, email = $"admin@{slug}.example", password = Password } });
        chosen.AssertNoErrors();
        Assert.Equal("winery", chosen.Data.GetProperty("logIn").GetProperty("tenant").GetProperty("policy").GetProperty("policyId").GetString());
    }

    [Fact]
    public async Task BringTheAdminBackToThePolicyStepWhenLoggingInBeforeChoosingOne()
    {
        var slug = NewSlug();
        // Signed up, then the browser was closed before a policy was chosen.
        (await Web.Client().SendAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { token } }",
            new { input = new { companyName = "Left Halfway", slug, adminEmail = $"admin@{slug}.example", adminPassword = Password } })).AssertNoErrors();

        await Page.GotoAsync("/login");
        await FillLogInAsync(slug, $"admin@{slug}.example", Password);

        await Expect(Page).ToHaveURLAsync(new Regex("/signup/policy$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Choose your complaint policy" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SayASlugIsTakenWhileItIsTyped()
    {
        var taken = await SignUpAsync();
        await Page.GotoAsync("/signup");

        await Page.GetByLabel("Slug (your address)").FillAsync(taken.Slug);

        await Expect(Page.GetByText($"The slug '{taken.Slug}' is taken.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ShowTheServersRefusalOfASettingUnderItsField()
    {
        ExpectConsoleError(Refused);
        var tenant = await SignUpAsync("winery");
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/policy?policy=winery");

        await Page.GetByLabel("Amount from which a complaint is serious (yuan)").FillAsync("-1");

        var field = Page.Locator(".ant-form-item").Filter(new() { Has = Page.GetByLabel("Amount from which a complaint is serious (yuan)") });
        await Expect(field).ToContainTextAsync("'seriousAmountThreshold' must be between 0 and 100000000.");
    }

    private static string NewSlug() => "w-" + Guid.NewGuid().ToString("N")[..12];
}

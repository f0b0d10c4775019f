using System.Text.RegularExpressions;
using ComplaintCloud.Api.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintCloud.Web.Tests.Support;

/// <summary>
/// A test in its own browser context (1280×800 unless it asks for another screen), on its own tenant. It fails on any
/// error the page logs to the browser console or throws, except the failed requests a test expects (a 401, say).
/// </summary>
[Collection(WebFixture.Collection)]
public abstract class BrowserTest(WebFixture web) : IAsyncLifetime
{
    public const string Password = "a-long-password";

    private readonly List<string> _consoleErrors = [];
    private readonly List<Regex> _expectedErrors = [];
    private IBrowserContext? _context;

    protected WebFixture Web => web;

    protected IPage Page { get; private set; } = null!;

    protected virtual ViewportSize Screen => new() { Width = 1280, Height = 800 };

    /// <summary>The language the browser prefers, which the console follows.</summary>
    protected virtual string Locale => "en-US";

    public async Task InitializeAsync()
    {
        _context = await web.Browser.NewContextAsync(new()
        {
            BaseURL = web.BaseAddress.ToString(),
            ViewportSize = Screen,
            Locale = Locale,
        });
        Page = await _context.NewPageAsync();
        // Generous waits: the test machine may be busy building; a check still fails when its outcome never comes.
        Page.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(20_000);
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => _consoleErrors.Add(error);
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }

        var unexpected = _consoleErrors.Where(error => !_expectedErrors.Any(expected => expected.IsMatch(error))).ToList();
        Assert.True(unexpected.Count == 0, "The browser console showed errors:\n" + string.Join("\n", unexpected));
    }

    /// <summary>The browser logs every failed request as an error; a test that provokes one says so.</summary>
    protected void ExpectConsoleError(string pattern) => _expectedErrors.Add(new Regex(pattern));

    /// <summary>A fresh tenant on the policy, its admin signed up over the API.</summary>
    protected Task<SignedInTenant> SignUpAsync(string policyId = "general-enterprise") => web.SignUpAsync(policyId);

    /// <summary>A user of the tenant with the roles, created by its admin over the API; returns their e-mail.</summary>
    protected static async Task<string> CreateUserAsync(SignedInTenant tenant, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var email = $"u{Guid.NewGuid():N}@{tenant.Slug}.example";
        var created = await tenant.Client.SendAsync(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email, password = Password, roles } });
        created.AssertNoErrors();
        return email;
    }

    /// <summary>Logs in through the log-in page, as a person would, and waits for the board.</summary>
    protected async Task LogInAsync(SignedInTenant tenant, string? email = null, string password = Password)
    {
        await Page.GotoAsync("/login");
        await FillLogInAsync(tenant.Slug, email ?? tenant.AdminEmail, password);
        await Assertions.Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(email ?? tenant.AdminEmail);
    }

    protected async Task FillLogInAsync(string slug, string email, string password)
    {
        await Page.GetByLabel("Company (tenant slug)").FillAsync(slug);
        await Page.GetByLabel("E-mail").FillAsync(email);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    /// <summary>
    /// A button by its label, found also while antd shows it loading: its spinning icon (an image labelled "loading")
    /// joins the button's accessible name until the icon's exit animation ends, so "Save" reads "loading Save" then.
    /// </summary>
    protected ILocator Button(string label) =>
        Page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^(loading )?{Regex.Escape(label)}$") });

    /// <summary>
    /// Clicks a form's submit button and waits for what shows the save took effect. When it does not, the test fails
    /// with what the page shows instead — the API's refusal (code and message), a field's error — so it says why.
    /// </summary>
    protected async Task SaveAsync(ILocator submit, ILocator saved)
    {
        ArgumentNullException.ThrowIfNull(submit);
        await MotionSettledAsync();
        await submit.ClickAsync();
        try
        {
            await Assertions.Expect(saved).ToBeVisibleAsync();
        }
        catch (PlaywrightException notSaved)
        {
            var shown = await Page.Locator("[data-testid=error-notice], .ant-form-item-explain-error").AllInnerTextsAsync();
            Assert.Fail($"The save did not take effect; the page shows {(shown.Count == 0 ? "no error" : string.Join(" | ", shown))}.\n{notSaved.Message}");
        }
    }

    /// <summary>Picks an option of an antd select once its dropdown has finished sliding in.</summary>
    protected async Task PickAsync(ILocator select, ILocator option)
    {
        ArgumentNullException.ThrowIfNull(select);
        ArgumentNullException.ThrowIfNull(option);
        await select.ClickAsync();
        await MotionSettledAsync();
        await option.ClickAsync();
    }

    /// <summary>
    /// Waits until nothing on the page is still moving in (antd's dropdowns slide, its dialogs zoom). A click on an
    /// option or a dialog's button while it moves is now and then lost: the form then refuses "Required." or the
    /// dialog just stays open.
    /// </summary>
    protected Task MotionSettledAsync() =>
        Assertions.Expect(Page.Locator("[class*='-appear-'], [class*='-enter-']")).ToHaveCountAsync(0);

    /// <summary>A screenshot for the README, into docs/ of the checkout.</summary>
    protected async Task SaveScreenshotAsync(string fileName)
    {
        var docs = Path.Combine(ComplaintCloud.Api.Hosting.RepositoryLayout.FindRoot()!, "docs");
        Directory.CreateDirectory(docs);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(docs, fileName) });
    }
}

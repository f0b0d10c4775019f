using ComplaintCloud.Api.Tests.Support;
using Microsoft.Playwright;

namespace ComplaintCloud.Web.Tests.Support;

/// <summary>
/// The real service serving the built console (web/dist) over a throwaway PostgreSQL, as the API tests run it, and
/// one headless Debian Chromium shared by the "web" collection. Tests keep apart by a fresh tenant and a fresh browser
/// context each.
/// </summary>
public class WebFixture : ApiFixture
{
    public new const string Collection = "web";
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using (var http = new HttpClient { BaseAddress = BaseAddress })
        {
            var home = await http.GetStringAsync("/");
            Assert.True(home.Contains("<div id=\"root\">", StringComparison.Ordinal),
                "The service does not serve the console: build it first (./test.sh does; or npm ci && npm run build in web/).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root needs --no-sandbox; the rest keep Chromium from calling home on a machine without outside network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public override async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.CloseAsync();
            _playwright.Dispose();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(WebFixture.Collection)]
public sealed class WebCollectionDefinition : ICollectionFixture<WebFixture>;

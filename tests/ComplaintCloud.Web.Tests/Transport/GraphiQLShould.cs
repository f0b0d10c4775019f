using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.Transport;

/// <summary>GraphiQL at GET /graphql works offline and behind a strict firewall (issue 16, point 14).</summary>
public sealed partial class GraphiQLShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task ReferenceNoOutsideHostAndHaveItsAssetsServed()
    {
        using var http = new HttpClient { BaseAddress = Web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();

        var references = Reference().Matches(html).Select(m => m.Groups["url"].Value).Where(url => !url.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.StartsWith("/", url, StringComparison.Ordinal));
        Assert.All(references, url => Assert.False(url.StartsWith("//", StringComparison.Ordinal), url));
        foreach (var url in references)
        {
            using var asset = await http.GetAsync(url);
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{url}: {(int)asset.StatusCode}");
        }
    }

    [Fact]
    public async Task RunInABrowserWithoutAskingAnyOtherHost()
    {
        var hosts = new HashSet<string>();
        Page.Request += (_, request) =>
        {
            if (request.Url.StartsWith("http", StringComparison.Ordinal))
            {
                hosts.Add(new Uri(request.Url).Authority);
            }
        };

        await Page.GotoAsync("/graphql");

        await Expect(Page.Locator(".graphiql-container")).ToBeVisibleAsync();
        Assert.Equal([Web.BaseAddress.Authority], hosts);
    }

    [GeneratedRegex("""(?:src|href)="(?<url>[^"]+)""")]
    private static partial Regex Reference();
}

using System.Text.Json;
using ComplaintCloud.Api.Hosting;
using Microsoft.Playwright;

namespace ComplaintCloud.Web.Tests.Support;

/// <summary>
/// axe-core (web/node_modules, a dev dependency of the console) run in the page as it stands: the violations a test
/// may not leave are the serious and critical ones.
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeScript = new(() =>
        File.ReadAllText(Path.Combine(RepositoryLayout.FindRoot()!, "web", "node_modules", "axe-core", "axe.min.js")));

    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new() { Content = AxeScript.Value });
        }

        var violations = await page.EvaluateAsync<JsonElement>("""
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
              .filter(v => v.impact === 'serious' || v.impact === 'critical')
              .map(v => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map(n => `${n.target.join(' ')} (${n.html.slice(0, 120)}: ${n.failureSummary})`).join(', ')}`)
            """);
        var found = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(found.Count == 0, "axe-core found serious or critical violations:\n" + string.Join("\n", found));
    }
}

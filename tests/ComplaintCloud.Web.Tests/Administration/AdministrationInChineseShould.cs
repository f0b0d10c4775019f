using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Administration;

/// <summary>
/// Issue 13, quality: every page in zh and en. A browser that prefers Chinese gets the administration pages in Chinese,
/// with no English label left over and no raw translation key. Billing is on, so its page shows plan and usage.
/// </summary>
[Collection(BillingWebFixture.Collection)]
public sealed partial class AdministrationInChineseShould(BillingWebFixture web) : BrowserTest(web)
{
    private static readonly string[] Namespaces = ["common", "policy", "settings", "billing", "reports"];

    protected override string Locale => "zh-CN";

    [Theory]
    [InlineData("/settings/policy", "选择投诉政策", "无需编程，自定义政策 →")]
    [InlineData("/settings/policy?policy=general-enterprise", "调整政策参数", "← 其他政策")]
    [InlineData("/settings/policy/custom", "无需编程的自定义政策", "已保存的版本")]
    [InlineData("/settings/calendar", "工作日历", "保存日历")]
    [InlineData("/settings/users", "用户", "投诉生命周期")]
    [InlineData("/settings/billing", "计费", "套餐限额使用情况")]
    [InlineData("/reports", "报表", "按类型统计")]
    public async Task ShowTheAdministrationPageInChineseWithoutEnglishLeftOver(string path, string heading, string label)
    {
        var tenant = await SignUpAsync();
        await new LifecycleDesk(web, tenant).SubmitAsync();
        await Page.GotoAsync("/login");
        await Page.GetByLabel("企业标识").FillAsync(tenant.Slug);
        await Page.GetByLabel("邮箱").FillAsync(tenant.AdminEmail);
        await Page.GetByLabel("密码").FillAsync(Password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(Page.GetByTestId("signed-in-user")).ToHaveTextAsync(tenant.AdminEmail);

        await Page.GotoAsync(path);

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
        await Expect(Page.GetByText(label, new() { Exact = true }).First).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        var text = await Page.Locator("body").InnerTextAsync();
        Assert.Empty(RawKey().Matches(text).Select(m => m.Value));
        var leftOver = EnglishOnlyLabels().Where(english => text.Contains(english, StringComparison.Ordinal)).ToList();
        Assert.Empty(leftOver);
    }

    /// <summary>Something shaped like an i18n key (namespace or section, a dot, a key) where a label should be.</summary>
    [GeneratedRegex(@"\b(?:common|policy|settings|billing|reports|nav|calendar|users|apiKeys|lifecycle|custom|status|form|limit)[.:][a-zA-Z]+\b")]
    private static partial Regex RawKey();

    [GeneratedRegex("[A-Za-z]{2,} [A-Za-z]{2,}")]
    private static partial Regex Phrase();

    /// <summary>
    /// The English labels of the administration namespaces that are phrases (two words or more) and differ from their
    /// Chinese: one of them on a Chinese page is English left over, hard-coded or fallen back to.
    /// </summary>
    private static IEnumerable<string> EnglishOnlyLabels()
    {
        var locales = Path.Combine(ComplaintCloud.Api.Hosting.RepositoryLayout.FindRoot()!, "web", "src", "locales");
        foreach (var ns in Namespaces)
        {
            var english = Labels(JsonNode.Parse(File.ReadAllText(Path.Combine(locales, "en-US", $"{ns}.json")))!);
            var chinese = Labels(JsonNode.Parse(File.ReadAllText(Path.Combine(locales, "zh-CN", $"{ns}.json")))!);
            foreach (var (key, label) in english)
            {
                if (Phrase().IsMatch(label) && !label.Contains("{{", StringComparison.Ordinal) && chinese.GetValueOrDefault(key) != label)
                {
                    yield return label;
                }
            }
        }
    }

    private static Dictionary<string, string> Labels(JsonNode node, string prefix = "") =>
        node is JsonObject labels
            ? labels.SelectMany(entry => Labels(entry.Value!, $"{prefix}{entry.Key}.")).ToDictionary()
            : new Dictionary<string, string> { [prefix] = node.GetValue<string>() };
}

using System.Text.Json.Nodes;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.SetUp;

/// <summary>
/// Issue 13.3: a company writes its own policy as a document, checked as it types and by the server when kept, then
/// previewed; a kept version's document opens again in the editor.
/// </summary>
public sealed class CustomPolicyEditorShould(WebFixture web) : BrowserTest(web)
{
    private static readonly string Example = File.ReadAllText(
        Path.Combine(ComplaintCloud.Api.Hosting.RepositoryLayout.FindRoot()!, "src", "ComplaintCloud.Infrastructure", "Plugins", "Declarative", "custom-policy.example.json"));

    [Fact]
    public async Task ShowASchemaErrorAtItsPathAndKeepNothing()
    {
        var tenant = await TypeTheExampleAsync(document => document["version"] = "one");

        await Expect(Page.GetByTestId("document-problems")).ToContainTextAsync("version");
        await Expect(Page.GetByTestId("document-problems")).ToContainTextAsync("must match pattern");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Keep this version" })).ToBeDisabledAsync();
        Assert.Empty(await CustomVersionsAsync(tenant));
    }

    [Fact]
    public async Task KeepAValidDocumentAndPreviewIt()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/policy/custom");
        await Expect(Page.GetByText("None yet.")).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Keep this version" }).ClickAsync();

        await Expect(Page.GetByTestId("custom-versions")).ToContainTextAsync("1.0.0");
        await Expect(Page.GetByTestId("policy-preview").GetByTestId("grade-tag")).ToBeVisibleAsync();
        Assert.Equal(["1.0.0"], await CustomVersionsAsync(tenant));
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task ShowTheServersRefusalOfADocumentTheSchemaAcceptsUnderItsFieldAndKeepNothing()
    {
        var tenant = await TypeTheExampleAsync(document => document["grades"]![1]!["code"] = "ROUTINE");
        await Expect(Page.GetByTestId("document-problems")).ToHaveCountAsync(0);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Keep this version" }).ClickAsync();

        var problem = Page.GetByTestId("document-problems").GetByRole(AriaRole.Listitem);
        await Expect(problem).ToHaveCountAsync(1);
        await Expect(problem.GetByText("grades[1].code", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(problem).ToContainTextAsync("BAD_USER_INPUT The grade ROUTINE is declared twice.");
        Assert.Empty(await CustomVersionsAsync(tenant));
    }

    [Fact]
    public async Task OpenAKeptVersionsDocumentInTheEditor()
    {
        var tenant = await SignUpAsync();
        var second = JsonNode.Parse(Example)!;
        second["version"] = "1.1.0";
        second["defaultGrade"] = "PRIORITY";
        foreach (var document in (JsonNode[])[JsonNode.Parse(Example)!, second])
        {
            (await tenant.Client.SendAsync("mutation($i: UploadCustomPolicyInput!) { uploadCustomPolicy(input: $i) { version } }", new { i = new { document } })).AssertNoErrors();
        }

        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/policy/custom");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open 1.1.0" }).ClickAsync();

        await Expect(Page.GetByText("Version 1.1.0 is open in the editor")).ToBeVisibleAsync();
        var opened = JsonNode.Parse(await Page.GetByLabel("Policy document (JSON)").InputValueAsync());
        Assert.True(JsonNode.DeepEquals(second, opened), opened?.ToJsonString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Open 1.0.0" }).ClickAsync();
        await Expect(Page.GetByText("Version 1.0.0 is open in the editor")).ToBeVisibleAsync();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Example), JsonNode.Parse(await Page.GetByLabel("Policy document (JSON)").InputValueAsync())));
    }

    /// <summary>A fresh tenant's admin on the editor, having typed in the example document with one change.</summary>
    private async Task<SignedInTenant> TypeTheExampleAsync(Action<JsonNode> change)
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/policy/custom");
        var document = JsonNode.Parse(Example)!;
        change(document);
        await Page.GetByLabel("Policy document (JSON)").FillAsync(document.ToJsonString());
        return tenant;
    }

    private static async Task<List<string?>> CustomVersionsAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync("{ policies { id version } }");
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("policies").EnumerateArray().Where(p => p.GetProperty("id").GetString() == "custom").Select(p => p.GetProperty("version").GetString())];
    }
}

using System.Text.RegularExpressions;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.CustomerPages;

/// <summary>Issue 13.8: a customer uses the company's public feedback page, without an account.</summary>
public sealed class FeedbackPageShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task CustomerSendsAComplaintWithAPhotoAndSeesItsNumber()
    {
        var tenant = await SignUpAsync();
        await Page.GotoAsync($"/{tenant.Slug}/feedback");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Test {tenant.Slug} · Feedback" })).ToBeVisibleAsync();

        await FillAsync(English, "Malfunction", "The kettle leaks after three days.", "Han Meimei", "13900001111");
        await Page.GetByLabel("Choose a file").SetInputFilesAsync(new FilePayload { Name = "kettle.jpg", MimeType = "image/jpeg", Buffer = "a photo"u8.ToArray() });
        await SaveScreenshotAsync("public-feedback.png");
        await SaveAsync(Button("Send feedback"), Page.GetByTestId("feedback-number"));

        await Expect(Page.GetByTestId("feedback-number")).ToHaveTextAsync(new Regex(@"^Your feedback number: \d{8}-CHAT-\d{4}$"));
        await Expect(Page.GetByText("we will contact you within 24 hours")).ToBeVisibleAsync();
        var saved = await tenant.Client.SendAsync("{ complaints { nodes { number kind category description evidence { fileName } } } }");
        var complaint = saved.Data.GetProperty("complaints").GetProperty("nodes")[0];
        Assert.Equal(("COMPLAINT", "product/malfunction", "The kettle leaks after three days."),
            (complaint.GetProperty("kind").GetString(), complaint.GetProperty("category").GetString(), complaint.GetProperty("description").GetString()));
        Assert.Equal("kettle.jpg", complaint.GetProperty("evidence")[0].GetProperty("fileName").GetString());
        await Expect(Page.GetByTestId("feedback-number")).ToContainTextAsync(complaint.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task AnswerAChineseCustomerWithTheSeedsAcknowledgement()
    {
        var tenant = await SignUpAsync();
        await Page.GotoAsync($"/{tenant.Slug}/feedback");
        await Page.GetByText("中文").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Test {tenant.Slug} · 意见反馈" })).ToBeVisibleAsync();

        await Page.GetByText("建议").ClickAsync();
        await FillAsync(Chinese, "功能故障", "希望水壶的把手做得更防烫。", "韩梅梅", "13900001111");
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交反馈" }).ClickAsync();

        await Expect(Page.GetByText(new Regex("您反馈的功能故障问题已记录（编号\\d{8}-CHAT-\\d{4}），我们将在24小时内联系您处理"))).ToBeVisibleAsync();
        var saved = await tenant.Client.SendAsync("{ complaints { nodes { kind } } }");
        Assert.Equal("SUGGESTION", saved.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task LeaveNoSeriousOrCriticalAccessibilityViolationInEitherLanguage()
    {
        var tenant = await SignUpAsync();
        await Page.GotoAsync($"/{tenant.Slug}/feedback");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Test {tenant.Slug} · Feedback" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);

        await Page.GetByText("中文").ClickAsync();
        await FillAsync(Chinese, "功能故障", "水壶漏水。", "韩梅梅", "13900001111");
        await Expect(Page.Locator(".ant-select-dropdown")).ToBeHiddenAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await Page.GetByRole(AriaRole.Button, new() { Name = "提交反馈" }).ClickAsync();
        await Expect(Page.GetByTestId("feedback-number")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task AskForWhatIsMissingAndSendNothing()
    {
        var tenant = await SignUpAsync();
        await Page.GotoAsync($"/{tenant.Slug}/feedback");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Test {tenant.Slug} · Feedback" })).ToBeVisibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        // Category, what happened, name and contact.
        await Expect(Page.GetByText("Please fill this in")).ToHaveCountAsync(4);
        var saved = await tenant.Client.SendAsync("{ complaints { totalCount } }");
        Assert.Equal(0, saved.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task SayThereIsNoSuchCompanyForAnUnknownSlug()
    {
        ExpectConsoleError("status of 404");

        await Page.GotoAsync("/no-such-company-here/feedback");

        await Expect(Page.GetByText("There is no such company here; please check the address.")).ToBeVisibleAsync();
    }

    private static readonly FormLabels English = new("Category", "What happened", "Your name", "How to reach you");
    private static readonly FormLabels Chinese = new("问题类别", "问题描述", "您的称呼", "联系方式");

    /// <summary>The category found by typing part of its name, then the customer's words and contact.</summary>
    private async Task FillAsync(FormLabels labels, string category, string description, string name, string contact)
    {
        await Page.GetByLabel(labels.Category).ClickAsync();
        await Page.GetByLabel(labels.Category).FillAsync(category);
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByLabel(labels.Description).FillAsync(description);
        await Page.GetByLabel(labels.Name).FillAsync(name);
        await Page.GetByLabel(labels.Contact).FillAsync(contact);
    }

    private sealed record FormLabels(string Category, string Description, string Name, string Contact);
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Notifications;

namespace ComplaintCloud.UnitTests.Notifications;

/// <summary>Templates per kind and language (issue 14.3): placeholders checked when saved, HTML escaped when rendered.</summary>
public sealed class TemplateTextShould
{
    private static readonly MessageKind PlanOffered = MessageKind.Require(MessageKind.PlanOffered, "input.kind");

    [Fact]
    public void RefuseAnUnknownPlaceholderNamingIt()
    {
        var error = Assert.Throws<DomainException>(() => TemplateText.Validate(PlanOffered, "Plan {{complaintNumber}}", "Hello {{customerNickname}}", "input"));

        Assert.Equal((ErrorCode.BadUserInput, "input.body", "customerNickname"), (error.Code, error.Field, error.Extensions["placeholder"]));
        Assert.Contains("{{customerNickname}}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefuseAMalformedPlaceholder()
    {
        var error = Assert.Throws<DomainException>(() => TemplateText.Validate(PlanOffered, "Plan {{complaint number}}", "Hello", "input"));

        Assert.Equal("input.subject", error.Field);
    }

    [Fact]
    public void EscapeHtmlInTheHtmlPartOnly()
    {
        var rendered = new TemplateText("About {{complaintNumber}}", "Dear {{customerName}} & co").Render(PlanOffered, new Dictionary<string, string>
        {
            ["complaintNumber"] = "20261123-PHONE-0001",
            ["customerName"] = "<script>alert(1)</script>",
        });

        Assert.Equal("Dear <script>alert(1)</script> & co", rendered.Text);
        Assert.Equal("<p>Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>\n", rendered.Html);
        Assert.Equal("About 20261123-PHONE-0001", rendered.Subject);
    }

    [Fact]
    public void LeaveOutTheLineOfAnOptionalLinkThatDoesNotExistYet()
    {
        var template = PlanOffered.Defaults["en"];
        var values = new Dictionary<string, string> { ["plan"] = "A new bottle.", ["tenantName"] = "Acme" };

        var withoutLink = template.Render(PlanOffered, values);
        var withLink = template.Render(PlanOffered, new Dictionary<string, string>(values) { ["responseLink"] = "https://acme.example/t/abc" });

        Assert.DoesNotContain("Accept or decline", withoutLink.Text, StringComparison.Ordinal);
        Assert.Contains("Accept or decline it here: https://acme.example/t/abc", withLink.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ShipEveryKindInChineseAndEnglishUsingOnlyItsOwnPlaceholders()
    {
        foreach (var kind in MessageKind.All)
        {
            foreach (var language in MessageKind.Languages)
            {
                var text = kind.Defaults[language];
                Assert.Equal(text, TemplateText.Validate(kind, text.Subject, text.Body, "input"));
            }
        }
    }

    [Fact]
    public void AcknowledgeInTheSeedsWords()
    {
        var kind = MessageKind.Require(MessageKind.Acknowledgement, "input.kind");

        var rendered = kind.Defaults["zh"].Render(kind, new Dictionary<string, string> { ["category"] = "产品质量", ["complaintNumber"] = "20261123-PHONE-0001" });

        Assert.StartsWith("尊敬的客户，您反馈的产品质量问题已记录（编号20261123-PHONE-0001），我们将在24小时内联系您处理，感谢您的理解！", rendered.Text, StringComparison.Ordinal);
    }
}

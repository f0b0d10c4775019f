using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Notifications;

/// <summary>Templates per tenant and language (issue 14.3), edited by tenant admins over GraphQL.</summary>
[Collection(ApiFixture.Collection)]
public sealed class NotificationTemplatesShould(ApiFixture api)
{
    private const string List = "{ notificationTemplates { kind audience language subject body placeholders optionalPlaceholders customized } }";
    private const string Update = """
        mutation($i: UpdateNotificationTemplateInput!) {
          updateNotificationTemplate(input: $i) { template { kind language body customized } preview { subject text html } }
        }
        """;

    [Fact]
    public async Task ListEveryKindInChineseAndEnglishWithTheSeedsWordingByDefault()
    {
        var tenant = await api.SignUpAsync();

        var templates = await ListAsync(tenant.Client);

        Assert.Equal(11 * 2, templates.Count);
        Assert.All(templates, t => Assert.False(t.GetProperty("customized").GetBoolean()));
        var acknowledgement = templates.Single(t => t.GetProperty("kind").GetString() == "ACKNOWLEDGEMENT" && t.GetProperty("language").GetString() == "zh");
        Assert.Contains("我们将在24小时内联系您处理", acknowledgement.GetProperty("body").GetString(), StringComparison.Ordinal);
        var plan = templates.First(t => t.GetProperty("kind").GetString() == "PLAN_OFFERED");
        Assert.Equal(["responseLink"], plan.GetProperty("optionalPlaceholders").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            ["ACKNOWLEDGEMENT", "URGENT_CONTACT", "PLAN_OFFERED", "PROGRESS_UPDATE", "RESOLVED", "CALLBACK_SURVEY", "ESCALATION", "APPROVAL_WAITING", "CLOCK_WARNING", "CLOCK_BREACHED", "PASSWORD_RESET"],
            templates.Select(t => t.GetProperty("kind").GetString()).Distinct());
    }

    [Fact]
    public async Task SaveATenantsWordingAndPreviewASampleWithItsNameAndHtmlEscaped()
    {
        var tenant = await api.SignUpAsync();

        var saved = await tenant.Client.SendAsync(Update, new
        {
            i = new { kind = "ACKNOWLEDGEMENT", language = "en", subject = "Got it: {{complaintNumber}}", body = "Dear <b>{{customerName}}</b>,\nwe have {{complaintNumber}}.\n{{tenantName}}" },
        });

        saved.AssertNoErrors();
        var answer = saved.Data.GetProperty("updateNotificationTemplate");
        var preview = answer.GetProperty("preview");
        Assert.Equal("Got it: 20261123-PHONE-0001", preview.GetProperty("subject").GetString());
        Assert.Equal($"Dear <b>Wang</b>,\nwe have 20261123-PHONE-0001.\nTest {tenant.Slug}", preview.GetProperty("text").GetString());
        Assert.Contains("<p>Dear &lt;b&gt;Wang&lt;/b&gt;,</p>", preview.GetProperty("html").GetString(), StringComparison.Ordinal);
        var listed = (await ListAsync(tenant.Client)).Single(t => t.GetProperty("kind").GetString() == "ACKNOWLEDGEMENT" && t.GetProperty("language").GetString() == "en");
        Assert.True(listed.GetProperty("customized").GetBoolean());
        Assert.StartsWith("Dear <b>{{customerName}}</b>", listed.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseAnUnknownPlaceholderNamingItAndChangeNothing()
    {
        var tenant = await api.SignUpAsync();

        var refused = await tenant.Client.SendAsync(Update, new
        {
            i = new { kind = "RESOLVED", language = "zh", subject = "已解决", body = "{{customerName}}，您的{{orderNumber}}已解决" },
        });

        Assert.Equal(("BAD_USER_INPUT", "input.body"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal("orderNumber", refused.Errors[0].GetProperty("extensions").GetProperty("placeholder").GetString());
        Assert.All(await ListAsync(tenant.Client), t => Assert.False(t.GetProperty("customized").GetBoolean()));
    }

    [Fact]
    public async Task RefuseAnUnknownKindOrLanguage()
    {
        var tenant = await api.SignUpAsync();

        var kind = await tenant.Client.SendAsync(Update, new { i = new { kind = "NEWSLETTER", language = "en", subject = "Hi", body = "Hi" } });
        var language = await tenant.Client.SendAsync(Update, new { i = new { kind = "RESOLVED", language = "fr", subject = "Hi", body = "Hi" } });

        Assert.Equal(("BAD_USER_INPUT", "input.kind"), (kind.FirstErrorCode, kind.FirstErrorField));
        Assert.Equal(("BAD_USER_INPUT", "input.language"), (language.FirstErrorCode, language.FirstErrorField));
    }

    [Fact]
    public async Task LetOnlyTenantAdminsReadOrChangeTemplates()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");

        var read = await agent.SendAsync(List);
        var changed = await agent.SendAsync(Update, new { i = new { kind = "RESOLVED", language = "en", subject = "Done", body = "Done" } });

        Assert.Equal(("FORBIDDEN", "FORBIDDEN"), (read.FirstErrorCode, changed.FirstErrorCode));
    }

    private static async Task<List<JsonElement>> ListAsync(GraphQLClient client)
    {
        var result = await client.SendAsync(List);
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("notificationTemplates").EnumerateArray()];
    }
}

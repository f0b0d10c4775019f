using System.Text.Json;
using System.Text.RegularExpressions;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Notifications;

/// <summary>
/// Issue 14.3 and 13.9: the plan offered and the callback survey link to the complaint's tracking page with a signed
/// token, so the customer who follows the link needs neither number nor contact; a token altered or taken to another
/// tenant shows nothing.
/// </summary>
[Collection(MailApiFixture.Collection)]
public sealed partial class TrackingLinksShould(MailApiFixture api)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    private const string Track = """
        query($token: String) { trackComplaint(token: $token) { number status mayAnswerPlan mayAnswerSurvey } }
        """;

    [Fact]
    public async Task LinkThePlanOfferedToTheTrackingPageOfThatComplaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(contact);

        var token = await LinkedTokenAsync(desk, contact, $"关于您的反馈{number}的处理方案");
        var tracked = await TrackAsync(desk.Slug, token);

        Assert.Equal((number, "CUSTOMER_NOTIFIED", true), (tracked.GetProperty("number").GetString(), tracked.GetProperty("status").GetString(), tracked.GetProperty("mayAnswerPlan").GetBoolean()));
        var answered = await api.Client().SendAsync(
            "mutation($input: AnswerPlanAsCustomerInput!) { answerPlanAsCustomer(input: $input) { status } }",
            new { input = new { token, accepted = true } }, Headers(desk.Slug));
        answered.AssertNoErrors();
        Assert.Equal("CUSTOMER_CONFIRMED", answered.Data.GetProperty("answerPlanAsCustomer").GetProperty("status").GetString());
    }

    [Fact]
    public async Task LinkTheCallbackSurveyToTheTrackingPageWhereItIsAnswered()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var (number, _) = await desk.PublicComplaintResolvedAsync(contact);

        var token = await LinkedTokenAsync(desk, contact, $"请评价我们对{number}的处理");
        var tracked = await TrackAsync(desk.Slug, token);

        Assert.Equal((number, "RESOLVED", true), (tracked.GetProperty("number").GetString(), tracked.GetProperty("status").GetString(), tracked.GetProperty("mayAnswerSurvey").GetBoolean()));
    }

    [Fact]
    public async Task ShowNothingForAnAlteredTokenExactlyAsForAnUnknownNumber()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(contact);
        var token = await LinkedTokenAsync(desk, contact, $"关于您的反馈{number}的处理方案");
        var altered = token[..^1] + (token[^1] == 'A' ? 'B' : 'A');

        var byAltered = await api.Client().SendAsync(Track, new { token = altered }, Headers(desk.Slug));
        var byUnknownNumber = await api.Client().SendAsync(Track.Replace("$token: String", "$number: String", StringComparison.Ordinal)
            .Replace("token: $token", "number: $number, contact: \"13900001111\"", StringComparison.Ordinal), new { number = number[..^4] + "9999" }, Headers(desk.Slug));

        Assert.Equal(byUnknownNumber.Text, byAltered.Text);
        Assert.Equal(JsonValueKind.Null, byAltered.Data.GetProperty("trackComplaint").ValueKind);
    }

    [Fact]
    public async Task ShowNothingForAnotherTenantsToken()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var other = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(contact);
        var token = await LinkedTokenAsync(desk, contact, $"关于您的反馈{number}的处理方案");

        var elsewhere = await api.Client().SendAsync(Track, new { token }, Headers(other.Slug));

        elsewhere.AssertNoErrors();
        Assert.Equal(JsonValueKind.Null, elsewhere.Data.GetProperty("trackComplaint").ValueKind);
    }

    [Fact]
    public async Task GrantNoStaffRightsToTheTokensHolder()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contact = $"c{Guid.NewGuid():N}@example.com";
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(contact);
        var token = await LinkedTokenAsync(desk, contact, $"关于您的反馈{number}的处理方案");

        var asBearer = await api.Client(token).SendAsync("{ complaints { totalCount } }");

        Assert.True(asBearer.Status != System.Net.HttpStatusCode.OK || asBearer.Errors.Count > 0, asBearer.Text);
        Assert.DoesNotContain("totalCount", asBearer.Text, StringComparison.Ordinal);
    }

    /// <summary>The t parameter of the tracking link in the mail whose subject is <paramref name="subject"/>.</summary>
    private async Task<string> LinkedTokenAsync(Desk desk, string contact, string subject)
    {
        var received = await api.Mail.WaitForAsync(contact, m => m.Subject == subject, Delivery);
        var text = received.Single(m => m.Subject == subject).TextBody ?? string.Empty;
        var link = LinkPattern().Match(text);
        Assert.True(link.Success, $"No tracking link in: {text}");
        Assert.Equal($"{MailApiFixture.PublicUrl}/{desk.Slug}/track", link.Groups["page"].Value);
        return link.Groups["token"].Value;
    }

    private async Task<JsonElement> TrackAsync(string slug, string token)
    {
        var tracked = await api.Client().SendAsync(Track, new { token }, Headers(slug));
        tracked.AssertNoErrors();
        return tracked.Data.GetProperty("trackComplaint");
    }

    private static Dictionary<string, string> Headers(string slug) => new() { ["X-Tenant"] = slug };

    [GeneratedRegex(@"(?<page>https://\S+/track)\?t=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex LinkPattern();
}

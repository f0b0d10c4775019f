using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.ApiContract;

/// <summary>Issue 16, point 10: what a client shows of a refusal reads as a sentence in the API's own words.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ErrorMessagesShould(ApiFixture api)
{
    [Fact]
    public async Task ReadAsSentencesNamingValuesAsTheApiSpellsThem()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        var refusals = new[]
        {
            await Desk.TryAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "QA_REPORT", text = "QA report." } } }),
            await desk.Admin.SendAsync("{ complaints(first: 500) { totalCount } }"),
            await desk.Admin.SendAsync(
                "query($p: ReportPeriodInput!) { report(period: $p) { total } }", new { p = new { from = "2026-10-10", to = "2026-10-05" } }),
        };
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);
        var consent = await Desk.TryAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "CHAT_LOG", text = "The chat of 26 Nov." } } });

        var messages = refusals.Append(consent).Select(r => r.Errors[0].GetProperty("message").GetString()!).ToList();
        Assert.Equal("The complaint is RECEIVED, so you cannot record an investigation on it.", messages[0]);
        Assert.Equal("Evidence of kind CHAT_LOG needs the customer's consent.", messages[^1]);
        Assert.All(messages, ApiWording.AssertReadsLikeTheApi);
    }
}

using System.Text.Json;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>
/// Issue 13.9 and SPEC §2.10: once resolved, the customer answers the callback survey on their tracking page (seed 003:
/// callback "by phone or online"), scoring 1–5; the answer is the callback, with the same consequences. Only where the
/// policy lets the customer answer online (CallbackRule.CustomerMayAnswerOnline): the general enterprise does, the
/// winery's customer-service centre calls back by phone (seed 002).
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class OnlineSurveyShould(ApiFixture api)
{
    private const string Contact = "13900001111";
    private const string WineryContact = "13812345678";

    private const string Answer = """
        mutation($input: AnswerSurveyAsCustomerInput!) { answerSurveyAsCustomer(input: $input) { status mayAnswerSurvey } }
        """;

    private const string Track = """
        query($number: String!, $contact: String!) { trackComplaint(number: $number, contact: $contact) { status mayAnswerSurvey } }
        """;

    private static readonly object Satisfied = new { overall = 4, outcome = 4, attitude = 5, speed = 3, professionalism = 4, comment = "Quick and kind." };
    private static readonly object Unsatisfied = new { overall = 2, outcome = 1, attitude = 3, speed = 2, professionalism = 3 };

    [Fact]
    public async Task RecordTheCustomersScoresAsTheCallbackAuditedAsTheCustomer()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, id) = await desk.PublicComplaintResolvedAsync(Contact);
        var resolved = await TrackAsync(desk, number, Contact);

        var answered = await AnswerAsync(desk, number, Contact, Satisfied);

        Assert.True(resolved.GetProperty("mayAnswerSurvey").GetBoolean());
        answered.AssertNoErrors();
        Assert.Equal("CALLBACK_DONE", answered.Data.GetProperty("answerSurveyAsCustomer").GetProperty("status").GetString());
        var read = await desk.Admin.SendAsync(
            "query($id: ID!) { complaint(id: $id) { callback { overall outcome attitude speed professionalism comment byId } history { type actorId } } }", new { id });
        var callback = read.Data.GetProperty("complaint").GetProperty("callback");
        Assert.Equal("4 4 5 3 4 Quick and kind.", string.Join(' ', ((string[])["overall", "outcome", "attitude", "speed", "professionalism", "comment"]).Select(p => callback.GetProperty(p).ToString())));
        Assert.Equal(JsonValueKind.Null, callback.GetProperty("byId").ValueKind);
        var recorded = read.Data.GetProperty("complaint").GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "CALLBACK_RECORDED");
        Assert.Equal(JsonValueKind.Null, recorded.GetProperty("actorId").ValueKind);
    }

    [Fact]
    public async Task ReopenTheComplaintOneGradeHigherWhenTheCustomerScoresOverallTwoOrLess()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, id) = await desk.PublicComplaintResolvedAsync(Contact);
        var gradeBefore = await GradeRankAsync(desk, id);

        var answered = await AnswerAsync(desk, number, Contact, Unsatisfied);

        answered.AssertNoErrors();
        Assert.Equal("REOPENED", answered.Data.GetProperty("answerSurveyAsCustomer").GetProperty("status").GetString());
        Assert.Equal(gradeBefore + 1, await GradeRankAsync(desk, id));
    }

    [Fact]
    public async Task OfferNoSurveyWhereThePolicyCallsTheCustomerBackByPhone()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (number, _) = await desk.WineryComplaintResolvedAsync();

        var tracked = await TrackAsync(desk, number, WineryContact);

        Assert.Equal("RESOLVED False", $"{tracked.GetProperty("status").GetString()} {tracked.GetProperty("mayAnswerSurvey").GetBoolean()}");
    }

    [Fact]
    public async Task RefuseAnAnswerAsForbiddenWhereThePolicyCallsTheCustomerBackByPhoneAndChangeNothing()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (number, _) = await desk.WineryComplaintResolvedAsync();

        var refused = await AnswerAsync(desk, number, WineryContact, Unsatisfied);

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal("RESOLVED", (await TrackAsync(desk, number, WineryContact)).GetProperty("status").GetString());
        var ledger = await desk.ReportAroundNowAsync("""
            query($period: ReportPeriodInput!) { report(period: $period) { pointsLedger { entries { occasion } } } }
            """);
        Assert.DoesNotContain(ledger.GetProperty("pointsLedger").GetProperty("entries").EnumerateArray(), e => e.GetProperty("occasion").GetString() == "CALLBACK_UNSATISFIED");
    }

    [Fact]
    public async Task CountTheAnswerInTheReportsCallbackSatisfaction()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintResolvedAsync(Contact);

        (await AnswerAsync(desk, number, Contact, Satisfied)).AssertNoErrors();

        var report = await desk.ReportAroundNowAsync("""
            query($period: ReportPeriodInput!) { report(period: $period) { satisfaction { callbacks overall attitude speed } callbackSatisfaction { count outOf } } }
            """);
        var satisfaction = report.GetProperty("satisfaction");
        Assert.Equal("1 4 5 3", $"{satisfaction.GetProperty("callbacks")} {satisfaction.GetProperty("overall")} {satisfaction.GetProperty("attitude")} {satisfaction.GetProperty("speed")}");
        Assert.Equal("1/1", $"{report.GetProperty("callbackSatisfaction").GetProperty("count")}/{report.GetProperty("callbackSatisfaction").GetProperty("outOf")}");
    }

    [Fact]
    public async Task TakeOneAnswerOnly()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, id) = await desk.PublicComplaintResolvedAsync(Contact);
        (await AnswerAsync(desk, number, Contact, Satisfied)).AssertNoErrors();

        var again = await AnswerAsync(desk, number, Contact, Unsatisfied);

        Assert.Equal("INVALID_TRANSITION", again.FirstErrorCode);
        var read = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status callback { overall } } }", new { id });
        Assert.Equal("CALLBACK_DONE 4", $"{read.Data.GetProperty("complaint").GetProperty("status")} {read.Data.GetProperty("complaint").GetProperty("callback").GetProperty("overall")}");
        Assert.False((await TrackAsync(desk, number, Contact)).GetProperty("mayAnswerSurvey").GetBoolean());
    }

    [Fact]
    public async Task RefuseAnAnswerBeforeTheComplaintIsResolved()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(Contact);

        var refused = await AnswerAsync(desk, number, Contact, Satisfied);

        Assert.Equal("INVALID_TRANSITION", refused.FirstErrorCode);
        Assert.Equal("CUSTOMER_NOTIFIED", (await TrackAsync(desk, number, Contact)).GetProperty("status").GetString());
        Assert.False((await TrackAsync(desk, number, Contact)).GetProperty("mayAnswerSurvey").GetBoolean());
    }

    [Fact]
    public async Task RefuseAScoreOutsideOneToFiveNamingItAndChangeNothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintResolvedAsync(Contact);

        var refused = await AnswerAsync(desk, number, Contact, new { overall = 4, outcome = 4, attitude = 6, speed = 3, professionalism = 4 });

        Assert.Equal(("BAD_USER_INPUT", "input.attitude"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal("RESOLVED", (await TrackAsync(desk, number, Contact)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefuseAnAnswerWithAWrongContactAsNotFoundAndChangeNothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintResolvedAsync(Contact);

        var refused = await AnswerAsync(desk, number, "13900002222", Unsatisfied);

        Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
        Assert.Equal("RESOLVED", (await TrackAsync(desk, number, Contact)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefuseMoreAnswersFromOneAddressThanTheHoursLookupLimit()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintResolvedAsync(Contact);
        for (var i = 0; i < PublicPageLimits.DefaultLookupsPerHour; i++)
        {
            Assert.Equal("NOT_FOUND", (await AnswerAsync(desk, number, $"1390000{i:D4}", Satisfied)).FirstErrorCode);
        }

        var refused = await AnswerAsync(desk, number, Contact, Satisfied);

        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
    }

    private Task<GraphQLResult> AnswerAsync(Desk desk, string number, string contact, object scores)
    {
        var input = JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(scores))!;
        input["number"] = number;
        input["contact"] = contact;
        return api.Client().SendAsync(Answer, new { input }, Headers(desk));
    }

    private async Task<JsonElement> TrackAsync(Desk desk, string number, string contact)
    {
        var tracked = await api.Client().SendAsync(Track, new { number, contact }, Headers(desk));
        tracked.AssertNoErrors();
        return tracked.Data.GetProperty("trackComplaint");
    }

    private static async Task<int> GradeRankAsync(Desk desk, string id) =>
        (await desk.Admin.SendAsync(Operations.ReadOne, new { id })).Data.GetProperty("complaint").GetProperty("grade").GetProperty("rank").GetInt32();

    private static Dictionary<string, string> Headers(Desk desk) => new() { ["X-Tenant"] = desk.Slug };
}

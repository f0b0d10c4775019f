using System.Text.Json;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>Issue 13.9: a customer follows their complaint by its number and the contact they gave, without signing in.</summary>
[Collection(ApiFixture.Collection)]
public sealed class TrackingPageShould(ApiFixture api)
{
    private const string Contact = "13900001111";

    private const string Track = """
        query($number: String!, $contact: String!) {
          trackComplaint(number: $number, contact: $contact) { number status notes { text fromCustomer } plan { shortTermMeasures compensation } mayAnswerPlan }
        }
        """;

    private const string Answer = """
        mutation($input: AnswerPlanAsCustomerInput!) { answerPlanAsCustomer(input: $input) { status mayAnswerPlan } }
        """;

    [Fact]
    public async Task ShowTheStatusAndOnlyTheNotesMeantForTheCustomer()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, id) = await desk.SubmitPublicAsync(Contact);
        await Desk.DoAsync(desk.Admin, "addNote", id, new { text = "Supplier batch looks bad.", visibility = "INTERNAL" });
        await Desk.DoAsync(desk.Admin, "addNote", id, new { text = "We have asked the factory and will call you tomorrow.", visibility = "CUSTOMER_VISIBLE" });

        var tracked = await TrackAsync(desk, number, Contact);

        Assert.Equal("RECEIVED", tracked.GetProperty("status").GetString());
        var note = Assert.Single(tracked.GetProperty("notes").EnumerateArray());
        Assert.Equal("We have asked the factory and will call you tomorrow.", note.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, tracked.GetProperty("plan").ValueKind);
    }

    [Fact]
    public async Task FindTheComplaintByTheContactWrittenAnotherWay()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.SubmitPublicAsync(Contact);

        var tracked = await TrackAsync(desk, number, "+86 139 0000 1111");

        Assert.Equal(number, tracked.GetProperty("number").GetString());
    }

    [Fact]
    public async Task AnswerAWrongContactExactlyAsAnUnknownNumber()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.SubmitPublicAsync(Contact);

        var wrongContact = await api.Client().SendAsync(Track, new { number, contact = "13900002222" }, Headers(desk));
        var unknownNumber = await api.Client().SendAsync(Track, new { number = number[..^4] + "9999", contact = Contact }, Headers(desk));

        Assert.Equal(wrongContact.Text, unknownNumber.Text);
        Assert.Equal(JsonValueKind.Null, wrongContact.Data.GetProperty("trackComplaint").ValueKind);
    }

    [Fact]
    public async Task LetTheCustomerAcceptThePlanTheyWereToldAuditedAsTheCustomer()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, id) = await desk.PublicComplaintNotifiedOfPlanAsync(Contact);
        var offered = await TrackAsync(desk, number, Contact);

        var answered = await api.Client().SendAsync(Answer, new { input = new { number, contact = Contact, accepted = true } }, Headers(desk));

        Assert.Equal("Replace the kettle.", offered.GetProperty("plan").GetProperty("shortTermMeasures").GetString());
        Assert.True(offered.GetProperty("mayAnswerPlan").GetBoolean());
        answered.AssertNoErrors();
        Assert.Equal("CUSTOMER_CONFIRMED", answered.Data.GetProperty("answerPlanAsCustomer").GetProperty("status").GetString());
        var history = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { history { type actorId } } }", new { id });
        var confirmed = history.Data.GetProperty("complaint").GetProperty("history").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "CUSTOMER_CONFIRMED");
        Assert.Equal(JsonValueKind.Null, confirmed.GetProperty("actorId").ValueKind);
    }

    [Fact]
    public async Task SendADeclinedPlanBackToBeRedone()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(Contact);

        var answered = await api.Client().SendAsync(Answer, new { input = new { number, contact = Contact, accepted = false, note = "I want a refund." } }, Headers(desk));

        answered.AssertNoErrors();
        Assert.Equal("RESPONSIBILITY_DECIDED", answered.Data.GetProperty("answerPlanAsCustomer").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, (await TrackAsync(desk, number, Contact)).GetProperty("plan").ValueKind);
    }

    [Fact]
    public async Task RefuseAnAnswerWithAWrongContactAndChangeNothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.PublicComplaintNotifiedOfPlanAsync(Contact);

        var refused = await api.Client().SendAsync(Answer, new { input = new { number, contact = "13900002222", accepted = true } }, Headers(desk));

        Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
        Assert.Equal("CUSTOMER_NOTIFIED", (await TrackAsync(desk, number, Contact)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task RefuseAnAnswerBeforeThePlanWasTold()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.SubmitPublicAsync(Contact);

        var refused = await api.Client().SendAsync(Answer, new { input = new { number, contact = Contact, accepted = true } }, Headers(desk));

        Assert.Equal("INVALID_TRANSITION", refused.FirstErrorCode);
        Assert.False((await TrackAsync(desk, number, Contact)).GetProperty("mayAnswerPlan").GetBoolean());
    }

    [Fact]
    public async Task RefuseMoreTriesFromOneAddressThanTheHoursLimit()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (number, _) = await desk.SubmitPublicAsync(Contact);
        for (var i = 0; i < PublicPageLimits.DefaultLookupsPerHour; i++)
        {
            (await api.Client().SendAsync(Track, new { number, contact = $"1390000{i:D4}" }, Headers(desk))).AssertNoErrors();
        }

        var refused = await api.Client().SendAsync(Track, new { number, contact = Contact }, Headers(desk));

        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
    }

    private async Task<JsonElement> TrackAsync(Desk desk, string number, string contact)
    {
        var tracked = await api.Client().SendAsync(Track, new { number, contact }, Headers(desk));
        tracked.AssertNoErrors();
        return tracked.Data.GetProperty("trackComplaint");
    }

    private static Dictionary<string, string> Headers(Desk desk) => new() { ["X-Tenant"] = desk.Slug };
}

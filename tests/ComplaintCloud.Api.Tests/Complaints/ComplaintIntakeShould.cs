using System.Globalization;
using System.Net;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

[Collection(ApiFixture.Collection)]
public sealed class ComplaintIntakeShould(ApiFixture api)
{
    private static readonly string[] PhoneOnly = ["PHONE"];

    [Fact]
    public async Task TakeAComplaintFromSignUpToReadBackWithNumberGradeAndClocks()
    {
        var slug = "whole-" + Guid.NewGuid().ToString("N")[..8];
        var signUp = await api.Client().SendAsync(
            "mutation($i: SignUpInput!) { signUp(input: $i) { tenant { slug policy { policyId version } } } }",
            new { i = new { companyName = "Whole Path Ltd", slug, adminEmail = "boss@whole.example", adminPassword = "a-long-password", policyId = "general-enterprise" } });
        signUp.AssertNoErrors();
        Assert.Equal("general-enterprise", signUp.Data.GetProperty("signUp").GetProperty("tenant").GetProperty("policy").GetProperty("policyId").GetString());

        var logIn = await api.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token user { email roles } } }",
            new { i = new { tenantSlug = slug, email = "BOSS@whole.example", password = "a-long-password" } });
        logIn.AssertNoErrors();
        var agent = api.Client(logIn.Data.GetProperty("logIn").GetProperty("token").GetString());

        var submitted = await agent.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString();

        var read = await agent.SendAsync(Operations.ReadOne, new { id });
        read.AssertNoErrors();
        var complaint = read.Data.GetProperty("complaint");
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        Assert.Matches($"^({today}|\\d{{8}})-TEL-0001$", complaint.GetProperty("number").GetString());
        Assert.Equal("RECEIVED", complaint.GetProperty("status").GetString());
        Assert.Equal(Operations.KettleStory, complaint.GetProperty("description").GetString());
        Assert.Equal("NORMAL", complaint.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal("普通", complaint.GetProperty("grade").GetProperty("nameZh").GetString());
        var clocks = complaint.GetProperty("clocks").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!);
        // SPEC §3a: a non-urgent complaint is acknowledged within 1 hour.
        var acknowledge = clocks["ACKNOWLEDGE"];
        Assert.Equal(TimeSpan.FromHours(1), acknowledge.GetProperty("dueAt").GetDateTime() - acknowledge.GetProperty("startedAt").GetDateTime());
        Assert.Equal("RUNNING", acknowledge.GetProperty("state").GetString());
        Assert.True(clocks.ContainsKey("RESOLVE"));
        Assert.Equal("RECEIVED", complaint.GetProperty("history")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task RefuseAnAnonymousCallerWithUnauthenticatedAndNoData()
    {
        var tenant = await api.SignUpAsync();
        var submitted = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString();

        var read = await api.Client().SendAsync(Operations.ReadOne, new { id });
        var list = await api.Client().SendAsync("{ complaints { nodes { description } } }");
        var submit = await api.Client().SendAsync(Operations.Submit, Operations.CalmMalfunction());

        Assert.Equal("UNAUTHENTICATED", read.FirstErrorCode);
        Assert.Equal(JsonValueKind.Null, read.Data.GetProperty("complaint").ValueKind);
        Assert.Equal("UNAUTHENTICATED", list.FirstErrorCode);
        Assert.DoesNotContain("kettle", list.Text, StringComparison.Ordinal);
        Assert.Equal("UNAUTHENTICATED", submit.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseAForgedTokenWithUnauthenticated()
    {
        var result = await api.Client("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").SendAsync(Operations.Count);

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("UNAUTHENTICATED", result.FirstErrorCode);
    }

    [Fact]
    public async Task NumberComplaintsUniquelyWhenTheyArriveTogether()
    {
        var tenant = await api.SignUpAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())));

        var sequences = results.Select(r =>
        {
            r.AssertNoErrors();
            return int.Parse(r.Data.GetProperty("submitComplaint").GetProperty("number").GetString()!.Split('-')[^1], CultureInfo.InvariantCulture);
        }).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 12), sequences);
    }

    [Fact]
    public async Task ReturnTheSameComplaintWhenARetryCarriesTheSameIdempotencyKey()
    {
        var tenant = await api.SignUpAsync();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction(), key)));

        Assert.All(results, r => r.AssertNoErrors());
        Assert.Single(results.Select(r => r.Data.GetProperty("submitComplaint").GetProperty("id").GetString()).Distinct());
        Assert.Equal(1, await CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseAnIdempotencyKeyReusedForADifferentComplaint()
    {
        var tenant = await api.SignUpAsync();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction(), key)).AssertNoErrors();

        var reused = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction("Something else entirely."), key);

        Assert.Equal("CONFLICT", reused.FirstErrorCode);
        Assert.Equal(1, await CountAsync(tenant));
    }

    [Fact]
    public async Task NotFindAComplaintOfAnotherTenant()
    {
        var owner = await api.SignUpAsync();
        var other = await api.SignUpAsync();
        var submitted = await owner.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString();

        var read = await other.Client.SendAsync(Operations.ReadOne, new { id });

        Assert.Equal("NOT_FOUND", read.FirstErrorCode);
        Assert.Equal(0, await CountAsync(other));
    }

    [Fact]
    public async Task PageThroughComplaintsNewestFirstAndFilterByChannel()
    {
        var tenant = await api.SignUpAsync();
        foreach (var channel in new[] { "PHONE", "EMAIL", "PHONE" })
        {
            var input = Operations.CalmMalfunctionInput();
            input["channel"] = channel;
            (await tenant.Client.SendAsync(Operations.Submit, new { input })).AssertNoErrors();
        }

        const string page = "query($after: String, $filter: ComplaintFilter) { complaints(first: 1, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { number channel } } }";
        var phoneOnly = new { channel = PhoneOnly };
        var first = await tenant.Client.SendAsync(page, new { filter = phoneOnly });
        var connection = first.Data.GetProperty("complaints");
        var second = await tenant.Client.SendAsync(page, new { after = connection.GetProperty("pageInfo").GetProperty("endCursor").GetString(), filter = phoneOnly });
        var next = second.Data.GetProperty("complaints");

        Assert.Equal(2, connection.GetProperty("totalCount").GetInt32());
        Assert.True(connection.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.EndsWith("-0003", connection.GetProperty("nodes")[0].GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("-0001", next.GetProperty("nodes")[0].GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.False(next.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    internal static async Task<int> CountAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync(Operations.Count);
        result.AssertNoErrors();
        return result.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32();
    }
}

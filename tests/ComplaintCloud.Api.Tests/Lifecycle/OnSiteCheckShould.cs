using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// Seed 002: the winery's department head is on site within 10 minutes (ON_SITE); seed 000: an on-site check is
/// recorded and confirmed by the customer. Only such a record meets the clock, at the time the head was on site.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class OnSiteCheckShould(ApiFixture api)
{
    private const string Read = """
        query($id: ID!) { complaint(id: $id) { clocks { kind state } evidence { kind onSite { checkedBy checkedAt location customerConfirmed } } } }
        """;

    [Fact]
    public async Task Leave_the_ON_SITE_clock_running_after_an_investigation_entry_that_is_no_on_site_check()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        await Desk.DoAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "OTHER", text = "Went to see the customer." } } });

        Assert.Equal("RUNNING", await OnSiteClockAsync(desk, id));
    }

    [Fact]
    public async Task Meet_the_ON_SITE_clock_with_an_on_site_check_saying_who_when_where_and_whether_the_customer_confirmed_it()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (_, headId) = await desk.UserAsync("DEPARTMENT_HEAD");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);
        // The service's own clock may stand still in tests: the check at the moment of receipt is between receipt and now.
        var checkedAt = (await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { receivedAt } }", new { id }))
            .Data.GetProperty("complaint").GetProperty("receivedAt").GetString();

        await Desk.DoAsync(desk.Admin, "recordInvestigation", id, new
        {
            evidence = new[]
            {
                new
                {
                    kind = "ON_SITE_CHECK",
                    text = "Met the customer at the tasting room; the sediment is visible.",
                    onSite = new { checkedBy = headId, checkedAt, location = "Tasting room, Yantai", customerConfirmed = true },
                },
            },
        });

        Assert.Equal("MET", await OnSiteClockAsync(desk, id));
        var onSite = (await desk.Admin.SendAsync(Read, new { id })).Data.GetProperty("complaint").GetProperty("evidence")[0].GetProperty("onSite");
        Assert.Equal(headId, onSite.GetProperty("checkedBy").GetString());
        Assert.Equal("Tasting room, Yantai", onSite.GetProperty("location").GetString());
        Assert.True(onSite.GetProperty("customerConfirmed").GetBoolean());
    }

    [Fact]
    public async Task Refuse_an_on_site_check_that_does_not_say_who_when_and_where()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        var refused = await Desk.TryAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "ON_SITE_CHECK", text = "Was there." } } });

        Assert.Equal("input.evidence[0].onSite", refused.FirstErrorField);
        Assert.Equal("RUNNING", await OnSiteClockAsync(desk, id));
    }

    [Fact]
    public async Task Leave_the_ON_SITE_clock_running_after_an_on_site_check_whose_record_the_customer_did_not_sign()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (_, headId) = await desk.UserAsync("DEPARTMENT_HEAD");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        await RecordCheckAsync(desk.Admin, id, headId, await ReceivedAtAsync(desk.Admin, id), customerConfirmed: false);

        Assert.Equal("RUNNING", await OnSiteClockAsync(desk, id));
        await RecordCheckAsync(desk.Admin, id, headId, await ReceivedAtAsync(desk.Admin, id), customerConfirmed: true);
        Assert.Equal("MET", await OnSiteClockAsync(desk, id));
    }

    [Fact]
    public async Task Meet_the_ON_SITE_clock_with_an_unsigned_check_when_the_tenant_does_not_ask_for_the_customers_signature()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        (await desk.Admin.SendAsync(
            "mutation($i: SelectPolicyInput!) { selectPolicy(input: $i) { slug } }",
            new { i = new { policyId = "winery", settings = new { onSiteConfirmedByCustomer = false } } })).AssertNoErrors();
        var (_, headId) = await desk.UserAsync("DEPARTMENT_HEAD");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        await RecordCheckAsync(desk.Admin, id, headId, await ReceivedAtAsync(desk.Admin, id), customerConfirmed: false);

        Assert.Equal("MET", await OnSiteClockAsync(desk, id));
    }

    [Fact]
    public async Task Meet_the_ten_minute_ON_SITE_clock_when_the_head_was_on_site_eight_minutes_in_though_the_check_is_recorded_twenty_minutes_in()
    {
        var clock = new SettableClock();
        await using var variant = api.Variant("Testing");
        await using var clocked = variant.WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<IClock>(clock)));
        var desk = await Desk.OpenAsync(api, "winery");
        var (_, headId) = await desk.UserAsync("DEPARTMENT_HEAD");
        var admin = On(clocked, desk.Admin);
        var id = await desk.SubmitAsync();
        var receivedAt = InstantPattern.ExtendedIso.Parse(await ReceivedAtAsync(admin, id)).Value;
        clock.Now = receivedAt + Duration.FromMinutes(1);
        await Desk.DoAsync(admin, "assignComplaint", id);

        clock.Now = receivedAt + Duration.FromMinutes(20);
        var checkedAt = receivedAt + Duration.FromMinutes(8);
        await RecordCheckAsync(admin, id, headId, InstantPattern.ExtendedIso.Format(checkedAt), customerConfirmed: true);

        var onSite = await OnSiteClockFieldsAsync(admin, id);
        Assert.Equal("MET", onSite.GetProperty("state").GetString());
        Assert.Equal(checkedAt.ToDateTimeUtc(), onSite.GetProperty("metAt").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, onSite.GetProperty("breachedAt").ValueKind);
        Assert.Equal(2 * 60, onSite.GetProperty("remainingSeconds").GetInt32());
    }

    private static Task<string?> OnSiteClockAsync(Desk desk, string id) => OnSiteClockAsync(desk.Admin, id);

    private static async Task<string?> OnSiteClockAsync(GraphQLClient client, string id) =>
        (await OnSiteClockFieldsAsync(client, id)).GetProperty("state").GetString();

    private static async Task<JsonElement> OnSiteClockFieldsAsync(GraphQLClient client, string id)
    {
        var read = await client.SendAsync(
            "query($id: ID!) { complaint(id: $id) { clocks { kind state metAt breachedAt remainingSeconds } } }", new { id });
        read.AssertNoErrors();
        return read.Data.GetProperty("complaint").GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "ON_SITE");
    }

    private static async Task<string> ReceivedAtAsync(GraphQLClient client, string id) =>
        (await client.SendAsync("query($id: ID!) { complaint(id: $id) { receivedAt } }", new { id }))
            .Data.GetProperty("complaint").GetProperty("receivedAt").GetString()!;

    private static Task<JsonElement> RecordCheckAsync(GraphQLClient client, string id, string headId, string checkedAt, bool customerConfirmed) =>
        Desk.DoAsync(client, "recordInvestigation", id, new
        {
            evidence = new[]
            {
                new
                {
                    kind = "ON_SITE_CHECK",
                    text = "Met the customer at the tasting room.",
                    onSite = new { checkedBy = headId, checkedAt, location = "Tasting room, Yantai", customerConfirmed },
                },
            },
        });

    private static GraphQLClient On(WebApplicationFactory<Program> instance, GraphQLClient signedIn)
    {
        var http = instance.CreateClient();
        http.DefaultRequestHeaders.Authorization = signedIn.Http.DefaultRequestHeaders.Authorization;
        return new GraphQLClient(http);
    }

}

using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// Seed 002: the winery's department head is on site within 10 minutes (ON_SITE); seed 000: an on-site check is
/// recorded and confirmed by the customer. Only such a record meets the clock.
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

    private static async Task<string?> OnSiteClockAsync(Desk desk, string id)
    {
        var read = await desk.Admin.SendAsync(Read, new { id });
        read.AssertNoErrors();
        return read.Data.GetProperty("complaint").GetProperty("clocks").EnumerateArray()
            .Single(c => c.GetProperty("kind").GetString() == "ON_SITE").GetProperty("state").GetString();
    }
}

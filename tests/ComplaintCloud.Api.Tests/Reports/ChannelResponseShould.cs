using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// Issue 16, point 13 — seed 001's channel standards: phone answered in 15 s (VIP 10 s), online chat first reply in
/// 30 s, a ticket acknowledged in 1 h, a major complaint reaching the responsible head in 5 minutes.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ChannelResponseShould(ApiFixture api)
{
    private const string Report = """
        query($period: ReportPeriodInput!) { report(period: $period) { channelResponse { channel tier standardSeconds compliance { count outOf value } } } }
        """;

    [Fact]
    public async Task Keep_the_first_response_time_the_telephony_system_measured()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var complaint = await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 12 });

        Assert.Equal(12, complaint.GetProperty("firstResponseSeconds").GetInt32());
    }

    [Fact]
    public async Task Measure_the_first_response_from_when_the_customer_reached_the_channel_to_when_it_answered()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var contacted = new DateTime(2026, 12, 1, 2, 0, 0, DateTimeKind.Utc);

        var complaint = await SubmitAsync(desk, "ONLINE_CHAT", "NORMAL", new() { ["contactedAt"] = contacted, ["answeredAt"] = contacted.AddSeconds(25) });

        Assert.Equal(25, complaint.GetProperty("firstResponseSeconds").GetInt32());
    }

    [Theory]
    [InlineData("answeredAt", "input.contactedAt")]
    [InlineData("both", "input.answeredAt")]
    [InlineData("negative", "input.firstResponseSeconds")]
    public async Task Refuse_a_first_response_it_cannot_measure_and_take_nothing_in(string input, string field)
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var answered = new DateTime(2026, 12, 1, 2, 0, 30, DateTimeKind.Utc);
        var extra = input switch
        {
            "answeredAt" => new Dictionary<string, object?> { ["answeredAt"] = answered },
            "both" => new Dictionary<string, object?> { ["answeredAt"] = answered, ["contactedAt"] = answered.AddSeconds(-30), ["firstResponseSeconds"] = 30 },
            _ => new Dictionary<string, object?> { ["firstResponseSeconds"] = -1 },
        };

        var result = await desk.Admin.SendAsync(Operations.Submit, new { input = Input("PHONE", "NORMAL", extra) });

        Assert.Equal(("BAD_USER_INPUT", field), (result.FirstErrorCode, result.FirstErrorField));
        var count = await desk.Admin.SendAsync(Operations.Count);
        Assert.Equal(0, count.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Show_compliance_per_channel_and_tier_against_seed_001s_standards()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 12 });
        await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 20 });
        await SubmitAsync(desk, "PHONE", "VIP", new() { ["firstResponseSeconds"] = 12 });
        await SubmitAsync(desk, "ONLINE_CHAT", "VIP", new() { ["firstResponseSeconds"] = 30 });
        await SubmitAsync(desk, "API", "NORMAL", new() { ["firstResponseSeconds"] = 3000 });
        await SubmitAsync(desk, "PHONE", "NORMAL", []);

        var rows = await ChannelResponseAsync(desk);

        Assert.Equal(
            [
                "API NORMAL 3600 1/1", "API VIP 3600 0/0", "ONLINE_CHAT NORMAL 30 0/0", "ONLINE_CHAT VIP 30 1/1",
                "PHONE NORMAL 15 1/2", "PHONE VIP 10 0/1",
            ],
            rows);
    }

    [Fact]
    public async Task Export_each_channel_and_tiers_standard_and_compliance_in_report_csv()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 12 });
        await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 20 });

        var lines = await desk.ReportCsvAroundNowAsync();

        Assert.Contains("channel_standard,PHONE,NORMAL,,,,15", lines);
        Assert.Contains("channel_response,PHONE,NORMAL,1,2,,0.5", lines);
        Assert.Contains("channel_standard,PHONE,VIP,,,,10", lines);
        Assert.Contains("channel_response,PHONE,VIP,0,0,,", lines);
    }

    [Fact]
    public async Task Measure_against_the_standards_the_tenant_set()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var updated = await desk.Admin.SendAsync(
            "mutation($i: UpdateChannelStandardsInput!) { updateChannelStandards(input: $i) { channelStandards { channel tier seconds } } }",
            new { i = new { standards = new[] { new { channel = "PHONE", tier = "NORMAL", seconds = 30 } } } });
        updated.AssertNoErrors();
        await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["firstResponseSeconds"] = 20 });

        Assert.Equal(["PHONE NORMAL 30 1/1"], await ChannelResponseAsync(desk));
    }

    [Fact]
    public async Task Refuse_channel_standards_from_anyone_but_a_tenant_admin()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");

        var refused = await agent.SendAsync(
            "mutation($i: UpdateChannelStandardsInput!) { updateChannelStandards(input: $i) { slug } }",
            new { i = new { standards = new[] { new { channel = "PHONE", tier = "NORMAL", seconds = 30 } } } });

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
    }

    // Seed 001: a major complaint reaches the responsible head within 5 minutes.
    [Fact]
    public async Task Give_a_major_complaint_a_five_minute_head_alert_clock()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var complaint = await SubmitAsync(desk, "PHONE", "NORMAL", new() { ["facts"] = new { publicityRisk = true } });

        var report = complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "REPORT");
        Assert.Equal(TimeSpan.FromMinutes(5), report.GetProperty("dueAt").GetDateTime() - report.GetProperty("startedAt").GetDateTime());
    }

    private static async Task<JsonElement> SubmitAsync(Desk desk, string channel, string tier, Dictionary<string, object?> extra)
    {
        var result = await desk.Admin.SendAsync(
            "mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { firstResponseSeconds clocks { kind startedAt dueAt } } }",
            new { input = Input(channel, tier, extra) });
        result.AssertNoErrors();
        return result.Data.GetProperty("submitComplaint");
    }

    private static Dictionary<string, object?> Input(string channel, string tier, Dictionary<string, object?> extra)
    {
        var input = Operations.CalmMalfunctionInput();
        input["channel"] = channel;
        input["customer"] = new { name = "Li Lei", tier };
        foreach (var (key, value) in extra)
        {
            input[key] = value;
        }

        return input;
    }

    private static async Task<List<string>> ChannelResponseAsync(Desk desk) =>
    [
        .. (await desk.ReportAroundNowAsync(Report)).GetProperty("channelResponse").EnumerateArray().Select(r =>
            $"{r.GetProperty("channel").GetString()} {r.GetProperty("tier").GetString()} {r.GetProperty("standardSeconds").GetInt32()} " +
            $"{r.GetProperty("compliance").GetProperty("count").GetInt32()}/{r.GetProperty("compliance").GetProperty("outOf").GetInt32()}"),
    ];
}

using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>The report of the known October (see <see cref="KnownMonth"/>), every figure asserted exactly.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportShould(ApiFixture api)
{
    private const string Report = """
        query($period: ReportPeriodInput!) { report(period: $period) {
          from to previousFrom previousTo total
          byKind { key count } byCategory { key count } byGrade { key count } byChannel { key count } byStatus { key count } byDepartment { key count }
          resolution { count outOf value } firstContactResolution { count outOf value } reopen { count outOf value }
          duplicate { count outOf value } callbackSatisfaction { count outOf value }
          resolutionHoursP50 resolutionHoursP90
          satisfaction { callbacks overall attitude speed professionalism outcome }
          sla { clockKind grade met breached running compliance { value } }
          topCategories { key count previousCount trend } topRootCauses { key count previousCount trend }
          typicalCases { id number grade category status }
        } }
        """;

    [Fact]
    public async Task Count_the_days_of_the_month_in_the_tenants_time_zone()
    {
        var report = await OctoberAsync();

        Assert.Equal("2026-10-01", report.GetProperty("from").GetString());
        Assert.Equal("2026-10-31", report.GetProperty("to").GetString());
        Assert.Equal(5, report.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Compare_a_month_with_the_previous_calendar_month()
    {
        var report = await OctoberAsync();

        Assert.Equal("2026-09-01", report.GetProperty("previousFrom").GetString());
        Assert.Equal("2026-09-30", report.GetProperty("previousTo").GetString());
    }

    [Fact]
    public async Task Count_a_quarter_in_the_tenants_time_zone()
    {
        var month = await KnownMonth.LoadAsync(api);

        var report = await ReportAsync(month, new { quarter = "2026-Q4" });

        Assert.Equal("2026-12-31", report.GetProperty("to").GetString());
        Assert.Equal(6, report.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Count_a_date_range_with_both_ends_included()
    {
        var month = await KnownMonth.LoadAsync(api);

        var report = await ReportAsync(month, new { from = "2026-10-05", to = "2026-10-10" });

        Assert.Equal(2, report.GetProperty("total").GetInt32());
        Assert.Equal("2026-09-29", report.GetProperty("previousFrom").GetString());
    }

    [Fact]
    public async Task Break_the_total_down_by_kind_category_grade_channel_status_and_department()
    {
        var report = await OctoberAsync();

        Assert.Equal("COMPLAINT 3, INQUIRY 1, SUGGESTION 1", Tallies(report, "byKind"));
        Assert.Equal("产品/质量问题 3, 服务/态度 1, 物流/配送延迟 1", Tallies(report, "byCategory"));
        Assert.Equal("NORMAL 3, MAJOR 1, URGENT 1", Tallies(report, "byGrade"));
        Assert.Equal("PHONE 2, APP 1, EMAIL 1, ONLINE_CHAT 1", Tallies(report, "byChannel"));
        Assert.Equal("RESOLVED 2, CALLBACK_DONE 1, CLOSED 1, INVESTIGATING 1", Tallies(report, "byStatus"));
        Assert.Equal("质检部 2, 物流部 1", Tallies(report, "byDepartment"));
    }

    [Fact]
    public async Task Rate_resolution_over_all_and_first_contact_resolution_over_the_resolved()
    {
        var report = await OctoberAsync();

        Assert.Equal("4/5=0.8", Rate(report, "resolution"));
        // C2 was handed over and C3 reopened: 2 of the 4 resolved were resolved at first contact.
        Assert.Equal("2/4=0.5", Rate(report, "firstContactResolution"));
    }

    [Fact]
    public async Task Rate_reopened_and_duplicate_complaints_over_all()
    {
        var report = await OctoberAsync();

        Assert.Equal("1/5=0.2", Rate(report, "reopen"));
        Assert.Equal("1/5=0.2", Rate(report, "duplicate"));
    }

    [Fact]
    public async Task Give_the_resolution_time_percentiles_in_hours()
    {
        var report = await OctoberAsync();

        // 10, 20, 30, 40 hours: the median interpolates to 25, the 90th percentile to 30 + 0.7 × 10.
        Assert.Equal(25, report.GetProperty("resolutionHoursP50").GetDouble());
        Assert.Equal(37, report.GetProperty("resolutionHoursP90").GetDouble());
    }

    [Fact]
    public async Task Average_callback_satisfaction_overall_and_per_dimension()
    {
        var satisfaction = (await OctoberAsync()).GetProperty("satisfaction");

        Assert.Equal(3, satisfaction.GetProperty("callbacks").GetInt32());
        Assert.Equal(4, satisfaction.GetProperty("overall").GetDouble());
        Assert.Equal(4.33, satisfaction.GetProperty("attitude").GetDouble());
        Assert.Equal(3.33, satisfaction.GetProperty("speed").GetDouble());
        Assert.Equal(4, satisfaction.GetProperty("professionalism").GetDouble());
        Assert.Equal(3.67, satisfaction.GetProperty("outcome").GetDouble());
    }

    [Fact]
    public async Task Rate_callback_satisfaction_as_an_overall_score_of_four_or_more()
    {
        var report = await OctoberAsync();

        Assert.Equal("2/3=0.6667", Rate(report, "callbackSatisfaction"));
    }

    [Fact]
    public async Task Report_sla_compliance_per_clock_kind_then_per_grade()
    {
        var report = await OctoberAsync();

        var rows = report.GetProperty("sla").EnumerateArray().Select(s =>
            $"{s.GetProperty("clockKind").GetString()}/{s.GetProperty("grade").GetString() ?? "*"} " +
            $"{s.GetProperty("met").GetInt32()}-{s.GetProperty("breached").GetInt32()}-{s.GetProperty("running").GetInt32()} " +
            $"{s.GetProperty("compliance").GetProperty("value")}");
        Assert.Equal(
            [
                "ACKNOWLEDGE/* 2-0-0 1", "ACKNOWLEDGE/MAJOR 1-0-0 1", "ACKNOWLEDGE/URGENT 1-0-0 1",
                "RESOLVE/* 2-1-1 0.6667", "RESOLVE/MAJOR 1-0-0 1", "RESOLVE/NORMAL 1-0-1 1", "RESOLVE/URGENT 0-1-0 0",
            ],
            rows);
    }

    [Fact]
    public async Task Rank_the_top_three_categories_with_their_trend_against_the_previous_month()
    {
        var report = await OctoberAsync();

        Assert.Equal("产品/质量问题 3<1 UP, 服务/态度 1<0 NEW, 物流/配送延迟 1<2 DOWN", Problems(report, "topCategories"));
    }

    [Fact]
    public async Task Rank_root_causes_by_the_deepest_why()
    {
        var report = await OctoberAsync();

        Assert.Equal("储存温度过高 2<1 UP, 司机绕路 1<0 NEW", Problems(report, "topRootCauses"));
    }

    [Fact]
    public async Task List_typical_cases_highest_grade_first()
    {
        var month = await KnownMonth.LoadAsync(api);

        var cases = (await ReportAsync(month, new { month = "2026-10" })).GetProperty("typicalCases").EnumerateArray().ToList();

        Assert.Equal(
            [month.Ids["C1"], month.Ids["C2"], month.Ids["C3"], month.Ids["C4"], month.Ids["C5"]],
            cases.Select(c => Guid.Parse(c.GetProperty("id").GetString()!)));
        Assert.Equal("MAJOR 产品/质量问题 CLOSED", $"{cases[0].GetProperty("grade")} {cases[0].GetProperty("category")} {cases[0].GetProperty("status")}");
    }

    [Fact]
    public async Task Show_nothing_of_another_tenants_complaints()
    {
        await KnownMonth.LoadAsync(api);
        var stranger = await api.SignUpAsync();

        var result = await stranger.Client.SendAsync(Report, new { period = new { month = "2026-10" } });

        result.AssertNoErrors();
        Assert.Equal(0, result.Data.GetProperty("report").GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("report").GetProperty("resolution").GetProperty("value").ValueKind);
    }

    [Theory]
    [InlineData("{\"month\": \"2026-10\", \"quarter\": \"2026-Q4\"}", "period")]
    [InlineData("{}", "period")]
    [InlineData("{\"month\": \"2026-13\"}", "period.month")]
    [InlineData("{\"month\": \"9999-12\"}", "period.month")]
    [InlineData("{\"quarter\": \"2026-Q5\"}", "period.quarter")]
    [InlineData("{\"from\": \"9999-12-01\", \"to\": \"9999-12-31\"}", "period.from")]
    [InlineData("{\"from\": \"2026-10-01\"}", "period.to")]
    [InlineData("{\"from\": \"2026-10-31\", \"to\": \"2026-10-01\"}", "period.to")]
    public async Task Refuse_a_period_that_is_not_exactly_one_well_formed_range_month_or_quarter(string period, string field)
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Report, new { period = JsonDocument.Parse(period).RootElement });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal(field, result.FirstErrorField);
    }

    private async Task<JsonElement> OctoberAsync() => await ReportAsync(await KnownMonth.LoadAsync(api), new { month = "2026-10" });

    private static async Task<JsonElement> ReportAsync(KnownMonth month, object period)
    {
        var result = await month.Tenant.Client.SendAsync(Report, new { period });
        result.AssertNoErrors();
        return result.Data.GetProperty("report");
    }

    private static string Tallies(JsonElement report, string name) =>
        string.Join(", ", report.GetProperty(name).EnumerateArray().Select(t => $"{t.GetProperty("key").GetString()} {t.GetProperty("count").GetInt32()}"));

    private static string Rate(JsonElement report, string name)
    {
        var rate = report.GetProperty(name);
        return $"{rate.GetProperty("count").GetInt32()}/{rate.GetProperty("outOf").GetInt32()}={rate.GetProperty("value")}";
    }

    private static string Problems(JsonElement report, string name) =>
        string.Join(", ", report.GetProperty(name).EnumerateArray().Select(p =>
            $"{p.GetProperty("key").GetString()} {p.GetProperty("count").GetInt32()}<{p.GetProperty("previousCount").GetInt32()} {p.GetProperty("trend").GetString()}"));
}

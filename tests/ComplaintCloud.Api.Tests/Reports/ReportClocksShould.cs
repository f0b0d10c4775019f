using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>The report's <c>sla</c> counts each clock under its complaint's receipt and current grade, however they were written.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportClocksShould(ApiFixture api)
{
    private const string Sla = "query($period: ReportPeriodInput!) { report(period: $period) { sla { clockKind grade met breached running } } }";

    [Fact]
    public async Task Count_a_regraded_complaints_clocks_under_its_new_grade()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        var before = await GradesAsync(desk);
        await Desk.DoAsync(desk.Admin, "gradeComplaint", id, new { gradeCode = "MAJOR", reason = "A journalist is asking." });

        var after = await GradesAsync(desk);

        Assert.Equal(["NORMAL"], before);
        Assert.Equal(["MAJOR"], after);
    }

    [Fact]
    public async Task Count_the_clocks_the_sla_handler_breached_as_breached()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await desk.BreachClocksAsync(id);

        var report = await desk.ReportAroundNowAsync(Sla);

        var totals = report.GetProperty("sla").EnumerateArray().Where(s => s.GetProperty("grade").GetString() is null)
            .Select(s => $"{s.GetProperty("clockKind").GetString()} {s.GetProperty("met").GetInt32()}-{s.GetProperty("breached").GetInt32()}-{s.GetProperty("running").GetInt32()}");
        Assert.Equal(["ACKNOWLEDGE 0-1-0", "RESOLVE 0-1-0"], totals);
    }

    private static async Task<string[]> GradesAsync(Desk desk) =>
        [.. (await desk.ReportAroundNowAsync(Sla)).GetProperty("sla").EnumerateArray()
            .Select(s => s.GetProperty("grade").GetString()).OfType<string>().Distinct()];
}

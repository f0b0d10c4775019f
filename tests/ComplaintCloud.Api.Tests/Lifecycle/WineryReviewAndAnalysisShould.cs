using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// Seed 002: a serious or major complaint's plan goes to the unit leader for review (审核) and to winery leadership for
/// approval (审批); afterwards the customer-service centre writes an analysis report and audits the fix.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class WineryReviewAndAnalysisShould(ApiFixture api)
{
    private const string AnalysisCounts = """
        query($period: ReportPeriodInput!) { report(period: $period) { analysisReports { written audited { count outOf } fixEffective { count outOf } } } }
        """;

    private const string ReadPlan = "query($id: ID!) { complaint(id: $id) { plan { reviews { role userId } approvals { role } } } }";

    [Fact]
    public async Task Take_a_serious_plan_to_winery_leadership_only_after_the_unit_leader_reviewed_it()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (unitLeader, unitLeaderId) = await desk.UserAsync("UNIT_LEADER");
        var (leadership, _) = await desk.UserAsync("WINERY_LEADERSHIP");
        var id = await SubmitSeriousAsync(desk);
        await Desk.ToPlanProposedAsync(desk.Admin, id);

        var early = await Desk.TryAsync(leadership, "approvePlan", id);
        var reviewed = await Desk.DoAsync(unitLeader, "reviewPlan", id);
        var approved = await Desk.DoAsync(leadership, "approvePlan", id);

        Assert.Equal("INVALID_TRANSITION", early.FirstErrorCode);
        Assert.Equal("PLAN_PROPOSED", Desk.Status(reviewed));
        Assert.Equal("PLAN_APPROVED", Desk.Status(approved));
        var plan = (await desk.Admin.SendAsync(ReadPlan, new { id })).Data.GetProperty("complaint").GetProperty("plan");
        var review = Assert.Single(plan.GetProperty("reviews").EnumerateArray());
        Assert.Equal(("UNIT_LEADER", unitLeaderId), (review.GetProperty("role").GetString(), review.GetProperty("userId").GetString()));
        Assert.Equal("WINERY_LEADERSHIP", Assert.Single(plan.GetProperty("approvals").EnumerateArray()).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Have_the_cs_centre_write_the_analysis_report_of_a_serious_complaint_audit_its_fix_and_count_both_in_the_report_and_its_csv()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (unitLeader, _) = await desk.UserAsync("UNIT_LEADER");
        var (leadership, _) = await desk.UserAsync("WINERY_LEADERSHIP");
        var (centre, centreId) = await desk.UserAsync("CS_CENTRE");
        var (agent, _) = await desk.UserAsync("AGENT");
        var id = await SubmitSeriousAsync(desk);
        await Desk.ToPlanProposedAsync(desk.Admin, id);
        await Desk.DoAsync(unitLeader, "reviewPlan", id);
        await Desk.ExecuteAsync(desk.Admin, id, await Desk.DoAsync(leadership, "approvePlan", id));

        var byAgent = await Desk.TryAsync(agent, "writeAnalysisReport", id, new { cause = "x", fix = "y" });
        await Desk.DoAsync(centre, "writeAnalysisReport", id, new { cause = "The filter was skipped for batch 2026-11.", fix = "Filter every batch; QA signs off." });
        await Desk.DoAsync(centre, "auditAnalysisReport", id, new { result = "Checked three batches: all filtered.", fixEffective = true });

        Assert.Equal("FORBIDDEN", byAgent.FirstErrorCode);
        var report = (await desk.Admin.SendAsync(
            "query($id: ID!) { complaint(id: $id) { analysisReport { cause fix writtenBy auditResult fixEffective auditedBy } } }", new { id }))
            .Data.GetProperty("complaint").GetProperty("analysisReport");
        Assert.Equal(centreId, report.GetProperty("writtenBy").GetString());
        Assert.Equal(centreId, report.GetProperty("auditedBy").GetString());
        Assert.True(report.GetProperty("fixEffective").GetBoolean());
        var counts = (await desk.ReportAroundNowAsync(AnalysisCounts)).GetProperty("analysisReports");
        Assert.Equal(1, counts.GetProperty("written").GetInt32());
        Assert.Equal((1, 1), Rate(counts.GetProperty("audited")));
        Assert.Equal((1, 1), Rate(counts.GetProperty("fixEffective")));
        var csv = await desk.ReportCsvAroundNowAsync();
        Assert.Contains("analysis_report,written,,1,,,", csv);
        Assert.Contains("analysis_report,audited,,1,1,,1", csv);
        Assert.Contains("analysis_report,fix_effective,,1,1,,1", csv);
    }

    [Fact]
    public async Task Ask_no_analysis_report_of_a_minor_complaint()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (head, _) = await desk.UserAsync("DEPARTMENT_HEAD");
        var (centre, _) = await desk.UserAsync("CS_CENTRE");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, id);
        await Desk.ExecuteAsync(desk.Admin, id, await Desk.DoAsync(head, "approvePlan", id));

        var refused = await Desk.TryAsync(centre, "writeAnalysisReport", id, new { cause = "x", fix = "y" });

        Assert.Equal("INVALID_TRANSITION", refused.FirstErrorCode);
    }

    // SPEC §3b defaults: from 5000 yuan a complaint is serious.
    private static Task<string> SubmitSeriousAsync(Desk desk)
    {
        var input = Operations.CalmComplaintInput("winery");
        input["description"] = "酒有沉淀，整箱退货。 Sediment in a whole case.";
        input["amountInvolved"] = 6000m;
        return desk.SubmitAsync(input);
    }

    private static (int, int) Rate(JsonElement rate) => (rate.GetProperty("count").GetInt32(), rate.GetProperty("outOf").GetInt32());
}

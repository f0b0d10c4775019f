using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>The report's <c>byDepartment</c>: complaints with a task of the department in their current plan, each once.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportDepartmentsShould(ApiFixture api)
{
    [Fact]
    public async Task Count_a_complaint_once_per_department_of_its_current_plan_only()
    {
        var tenant = await api.SignUpAsync();
        var rows = new ReportRows(api, tenant);
        var revised = await rows.ComplaintAsync(KnownMonth.At(10, 3, 9, 0), planRevision: 1);
        await rows.TaskAsync(revised, 0, "物流部");
        await rows.TaskAsync(revised, 1, "质检部");
        await rows.TaskAsync(revised, 1, "质检部");
        await rows.TaskAsync(revised, 1, "客服部");
        var planned = await rows.ComplaintAsync(KnownMonth.At(10, 4, 9, 0));
        await rows.TaskAsync(planned, 0, "质检部");
        var lastMonth = await rows.ComplaintAsync(KnownMonth.At(9, 4, 9, 0));
        await rows.TaskAsync(lastMonth, 0, "质检部");

        var result = await tenant.Client.SendAsync("""query { report(period: {month: "2026-10"}) { byDepartment { key count } } }""");

        result.AssertNoErrors();
        Assert.Equal(["质检部 2", "客服部 1"], Departments(result.Data.GetProperty("report")));
    }

    // The lifecycle writes a plan's tasks and the complaint's new revision in one save: a rejected plan's
    // departments leave the report when the next plan is proposed, and a plan without tasks leaves none.
    [Fact]
    public async Task Count_the_departments_of_the_plan_proposed_after_a_rejected_one()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var revised = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, revised);
        await Desk.DoAsync(supervisor, "rejectPlan", revised, new { reason = "Repair it on site instead." });
        await Desk.DoAsync(desk.Admin, "proposePlan", revised, PlanFor("Field service", "Quality"));
        var emptied = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, emptied);
        await Desk.DoAsync(supervisor, "rejectPlan", emptied, new { reason = "Apologise first." });
        await Desk.DoAsync(desk.Admin, "proposePlan", emptied, PlanFor());

        var report = await desk.ReportAroundNowAsync("query($period: ReportPeriodInput!) { report(period: $period) { byDepartment { key count } } }");

        Assert.Equal(["Field service 1", "Quality 1"], Departments(report));
    }

    private static IEnumerable<string> Departments(JsonElement report) =>
        report.GetProperty("byDepartment").EnumerateArray().Select(d => $"{d.GetProperty("key").GetString()} {d.GetProperty("count").GetInt32()}");

    private static object PlanFor(params string[] departments) => new
    {
        shortTermMeasures = "Replace the kettle at the customer's home.",
        remedies = new[] { "REPLACE" },
        tasks = departments.Select(d => new { title = $"{d}: visit the customer", department = d, dueAt = DateTime.UtcNow.AddDays(2) }),
    };
}

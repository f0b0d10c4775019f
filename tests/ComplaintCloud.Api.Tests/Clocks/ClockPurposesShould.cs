using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Api.Tests.Clocks;

/// <summary>
/// Issue 16, points 2 and 3, over HTTP: a clock stops when its purpose is met or over, never breaching for work the
/// complaint no longer needs; a reopen starts the raised grade's clocks from the reopen (seed 003).
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ClockPurposesShould(ApiFixture api)
{
    private static readonly string[] Settled = ["MET", "STOPPED"];
    private static readonly object Unhappy = new { overall = 2, attitude = 3, speed = 2, professionalism = 3, outcome = 1 };

    [Fact]
    public async Task Meet_the_one_hour_acknowledge_clock_when_a_normal_complaint_is_taken_without_acknowledging()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        Assert.Equal("MET", (await ClocksAsync(desk, id)).Single(c => Kind(c) == "ACKNOWLEDGE").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Leave_nothing_running_of_a_normal_complaint_resolved_without_acknowledging_then_reopened_but_the_new_grades_clocks()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        var approved = await ApproveAsync(agent, supervisor, id);
        await Desk.ExecuteAsync(agent, id, approved);

        var resolved = await ClocksAsync(desk, id);
        Assert.Equal("MET", State(resolved, "RESOLVE", 0));
        Assert.Equal("RUNNING", State(resolved, "CALLBACK", 0));
        Assert.All(resolved.Where(c => Kind(c) != "CALLBACK"), c => Assert.Contains(c.GetProperty("state").GetString(), Settled));

        await Desk.DoAsync(supervisor, "recordCallback", id, Unhappy);

        var reopened = await ClocksAsync(desk, id);
        Assert.All(reopened.Where(c => Round(c) == 0), c => Assert.Contains(c.GetProperty("state").GetString(), Settled));
        Assert.All(reopened.Where(c => Round(c) == 1), c => Assert.Equal("RUNNING", c.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Stop_every_open_clock_when_the_complaint_is_withdrawn_so_none_can_breach()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var id = await desk.SubmitAsync();

        await Desk.DoAsync(desk.Admin, "withdrawComplaint", id, new { reason = "The customer found the receipt." });

        var clocks = await ClocksAsync(desk, id);
        Assert.NotEmpty(clocks);
        Assert.All(clocks, c => Assert.Equal("STOPPED", c.GetProperty("state").GetString()));
        Assert.All(clocks, c => Assert.NotEqual(JsonValueKind.Null, c.GetProperty("stoppedAt").ValueKind));
    }

    // A complaint closed or withdrawn before clocks stopped with it (or by a path that left one open) books nothing more.
    [Fact]
    public async Task Stop_rather_than_breach_a_clock_left_running_on_a_withdrawn_complaint()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var id = await desk.SubmitAsync();
        await using (var scope = api.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(desk.TenantId);
            await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database
                .ExecuteSqlAsync($"UPDATE complaints SET status = 'Withdrawn' WHERE id = {Guid.Parse(id)}");
        }

        await desk.BreachClocksAsync(id);

        var clocks = await ClocksAsync(desk, id);
        Assert.All(clocks, c => Assert.Equal("STOPPED", c.GetProperty("state").GetString()));
        var ledger = (await desk.ReportAroundNowAsync("query($period: ReportPeriodInput!) { report(period: $period) { pointsLedger { entries { points } } } }"))
            .GetProperty("pointsLedger").GetProperty("entries");
        Assert.Empty(ledger.EnumerateArray());
    }

    // SPEC §3a: urgent — contact within 30 minutes, a plan within 24 hours; seed 003: re-handled at a higher priority.
    [Fact]
    public async Task Start_the_urgent_grades_30_minute_contact_and_24_hour_plan_clocks_from_the_reopen_of_a_normal_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var id = await ReopenUnhappyNormalAsync(desk);

        var reopenedAt = await ReopenedAtAsync(desk, id);
        var clocks = await ClocksAsync(desk, id);
        AssertStartedAtReopen(clocks, "CONTACT", reopenedAt, TimeSpan.FromMinutes(30));
        AssertStartedAtReopen(clocks, "PLAN", reopenedAt, TimeSpan.FromHours(24));
    }

    // Seed 003: the reopened round's clocks breach and escalate like any clock (general enterprise: one step up the approvers' chain).
    [Fact]
    public async Task Breach_and_escalate_the_contact_clock_of_a_reopened_round_like_any_clock()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await ReopenUnhappyNormalAsync(desk);

        await desk.BreachClocksAsync(id);

        Assert.Equal("BREACHED", State(await ClocksAsync(desk, id), "CONTACT", 1));
        var history = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { history { type data } } }", new { id });
        Assert.Contains(
            history.Data.GetProperty("complaint").GetProperty("history").EnumerateArray()
                .Where(e => e.GetProperty("type").GetString() == "ESCALATED")
                .Select(e => e.GetProperty("data")),
            data => data.GetProperty("kind").GetString() == "CONTACT" && data.GetProperty("trigger").GetString() == "Breached");
    }

    // SPEC §3b: serious — report and be on site within 10 minutes, a plan within 24 hours.
    [Fact]
    public async Task Start_the_serious_tiers_10_minute_report_and_on_site_and_24_hour_plan_clocks_from_the_reopen_of_a_general_winery_complaint()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (unitLeader, _) = await desk.UserAsync("UNIT_LEADER");
        var (csCentre, _) = await desk.UserAsync("CS_CENTRE");
        var input = Operations.CalmComplaintInput("winery");
        input["amountInvolved"] = 800m;
        var id = await desk.SubmitAsync(input);
        await Desk.ExecuteAsync(agent, id, await ApproveAsync(agent, unitLeader, id));

        var reopened = await Desk.DoAsync(csCentre, "recordCallback", id, Unhappy);

        Assert.Equal("SERIOUS", reopened.GetProperty("grade").GetProperty("code").GetString());
        var reopenedAt = await ReopenedAtAsync(desk, id);
        var clocks = await ClocksAsync(desk, id);
        AssertStartedAtReopen(clocks, "REPORT", reopenedAt, TimeSpan.FromMinutes(10));
        AssertStartedAtReopen(clocks, "ON_SITE", reopenedAt, TimeSpan.FromMinutes(10));
        AssertStartedAtReopen(clocks, "PLAN", reopenedAt, TimeSpan.FromHours(24));
        Assert.Equal("RUNNING", State(clocks, "RESOLVE", 1));
    }

    // SPEC §3a: urgent — a plan within 24 hours; contact within 30 minutes, which taking the complaint already made.
    [Fact]
    public async Task Start_the_urgent_grades_24_hour_plan_clock_from_the_regrade_of_a_taken_normal_complaint_but_not_the_contact_it_had()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        await Desk.DoAsync(desk.Admin, "gradeComplaint", id, new { gradeCode = "URGENT", reason = "Three more customers called." });

        var clocks = await ClocksAsync(desk, id);
        AssertStartedAt(clocks, "PLAN", 0, await StepAtAsync(desk, id, "REGRADED"), TimeSpan.FromHours(24));
        Assert.DoesNotContain(clocks, c => Kind(c) == "CONTACT");
    }

    // SPEC §3a: major — respond within 4 hours; seed 001: the responsible head within 5 minutes; contact within 30.
    [Fact]
    public async Task Start_the_major_grades_5_minute_report_30_minute_contact_and_4_hour_response_clocks_from_the_regrade_of_a_new_normal_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        await Desk.DoAsync(desk.Admin, "gradeComplaint", id, new { gradeCode = "MAJOR", reason = "A journalist is asking." });

        var regradedAt = await StepAtAsync(desk, id, "REGRADED");
        var clocks = await ClocksAsync(desk, id);
        AssertStartedAt(clocks, "REPORT", 0, regradedAt, TimeSpan.FromMinutes(5));
        AssertStartedAt(clocks, "CONTACT", 0, regradedAt, TimeSpan.FromMinutes(30));
        AssertStartedAt(clocks, "RESPONSE", 0, regradedAt, TimeSpan.FromHours(4));
    }

    // A normal complaint handled to its callback, which the unhappy customer's answer reopens one grade higher (URGENT).
    private static async Task<string> ReopenUnhappyNormalAsync(Desk desk)
    {
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        await Desk.ExecuteAsync(agent, id, await ApproveAsync(agent, supervisor, id));
        await Desk.DoAsync(supervisor, "recordCallback", id, Unhappy);
        return id;
    }

    private static async Task<JsonElement> ApproveAsync(GraphQLClient owner, GraphQLClient approver, string id)
    {
        await Desk.ToPlanProposedAsync(owner, id);
        return await Desk.DoAsync(approver, "approvePlan", id);
    }

    private static async Task<IReadOnlyList<JsonElement>> ClocksAsync(Desk desk, string id)
    {
        var result = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { clocks { kind round state startedAt dueAt stoppedAt } } }", new { id });
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("complaint").GetProperty("clocks").EnumerateArray()];
    }

    private static void AssertStartedAtReopen(IReadOnlyList<JsonElement> clocks, string kind, DateTime reopenedAt, TimeSpan target) =>
        AssertStartedAt(clocks, kind, 1, reopenedAt, target);

    private static void AssertStartedAt(IReadOnlyList<JsonElement> clocks, string kind, int round, DateTime at, TimeSpan target)
    {
        var clock = clocks.Single(c => Kind(c) == kind && Round(c) == round);
        Assert.Equal("RUNNING", clock.GetProperty("state").GetString());
        Assert.Equal(at, clock.GetProperty("startedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(at + target, clock.GetProperty("dueAt").GetDateTime().ToUniversalTime());
    }

    private static Task<DateTime> ReopenedAtAsync(Desk desk, string id) => StepAtAsync(desk, id, "REOPENED");

    private static async Task<DateTime> StepAtAsync(Desk desk, string id, string type)
    {
        var result = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { history { type at } } }", new { id });
        result.AssertNoErrors();
        return result.Data.GetProperty("complaint").GetProperty("history").EnumerateArray()
            .Last(e => e.GetProperty("type").GetString() == type).GetProperty("at").GetDateTime().ToUniversalTime();
    }

    private static string State(IReadOnlyList<JsonElement> clocks, string kind, int round) =>
        clocks.Single(c => Kind(c) == kind && Round(c) == round).GetProperty("state").GetString()!;

    private static string Kind(JsonElement clock) => clock.GetProperty("kind").GetString()!;

    private static int Round(JsonElement clock) => clock.GetProperty("round").GetInt32();
}

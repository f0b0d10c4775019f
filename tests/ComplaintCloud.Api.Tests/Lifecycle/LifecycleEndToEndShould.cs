using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

[Collection(ApiFixture.Collection)]
public sealed class LifecycleEndToEndShould(ApiFixture api)
{
    // Per built-in policy: the approver of the first grade, of the grade above it that an unhappy callback raises to,
    // and the role that calls a complaint back (SPEC §2.10, §3).
    [Theory]
    [InlineData("general-enterprise", "CS_SUPERVISOR", "AFTER_SALES_MANAGER", "NORMAL", "URGENT", "CS_SUPERVISOR")]
    [InlineData("winery", "DEPARTMENT_HEAD", "UNIT_LEADER", "MINOR", "GENERAL", "CS_CENTRE")]
    [InlineData("gas-station", "STATION_MANAGER", "AREA_OFFICE", "ROUTINE", "ESCALATED", "AREA_OFFICE")]
    public async Task Walk_a_complaint_from_intake_to_close_through_an_unsatisfied_callback_that_reopens_it(
        string policyId, string firstApprover, string raisedApprover, string firstGrade, string raisedGrade, string callerRole)
    {
        var desk = await Desk.OpenAsync(api, policyId);
        var (agent, _) = await desk.UserAsync("AGENT");
        var (approver, _) = await desk.UserAsync(firstApprover);
        var (raised, _) = await desk.UserAsync(raisedApprover);
        var (caller, _) = await desk.UserAsync(callerRole);
        var id = await desk.SubmitAsync();

        Assert.Equal("ACKNOWLEDGED", Desk.Status(await Desk.DoAsync(agent, "acknowledgeComplaint", id)));
        await Desk.ToPlanProposedAsync(agent, id);
        var approved = await Desk.DoAsync(approver, "approvePlan", id);
        Assert.Equal("PLAN_APPROVED", Desk.Status(approved));
        await Desk.ExecuteAsync(agent, id, approved);
        var reopened = await Desk.DoAsync(caller, "recordCallback", id, new { overall = 2, attitude = 3, speed = 2, professionalism = 3, outcome = 1 });

        Assert.Equal("REOPENED", Desk.Status(reopened));
        Assert.Equal(raisedGrade, reopened.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, reopened.GetProperty("ownerId").ValueKind);

        await Desk.ToPlanProposedAsync(agent, id);
        var refused = await Desk.TryAsync(approver, "approvePlan", id);
        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        approved = await Desk.DoAsync(raised, "approvePlan", id);
        await Desk.ExecuteAsync(agent, id, approved);
        Assert.Equal("CALLBACK_DONE", Desk.Status(await Desk.DoAsync(caller, "recordCallback", id, new { overall = 5, attitude = 5, speed = 4, professionalism = 5, outcome = 5 })));
        var closed = await Desk.DoAsync(agent, "closeComplaint", id);

        Assert.Equal("CLOSED", Desk.Status(closed));
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, closed.GetProperty("archivedAt").ValueKind);
        var history = closed.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("RECEIVED", history[0]);
        Assert.Equal("CLOSED", history[^1]);
        Assert.Contains("REOPENED", history);
        Assert.Equal(firstGrade, reopened.GetProperty("history").EnumerateArray()
            .First(e => e.GetProperty("type").GetString() == "REGRADED").GetProperty("data").GetProperty("before").GetProperty("grade").GetString());
    }
}

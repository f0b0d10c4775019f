using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>SPEC §2.7: who approved a plan, in which role, for which of the roles the grade requires.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PlanApprovalShould(ApiFixture api)
{
    // SPEC §3a defaults: the after-sales manager approves up to 5000, the vice-president up to 50000.
    [Fact]
    public async Task Record_a_vice_president_approving_compensation_above_the_after_sales_managers_limit_as_VP_for_the_manager()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (vp, vpId) = await desk.UserAsync("VP");
        var input = Operations.CalmMalfunctionInput();
        input["facts"] = new { customerEmotion = "UPSET" };
        var id = await desk.SubmitAsync(input);
        await Desk.ToPlanProposedAsync(desk.Admin, id, compensation: 8000);

        var approved = await Desk.DoAsync(vp, "approvePlan", id);

        Assert.Equal(("VP", "AFTER_SALES_MANAGER", vpId), Single(approved));
    }

    // Seed 002 (gas station) defaults: a station manager promises up to 500, the area office approves up to 5000.
    [Fact]
    public async Task Record_an_area_office_approving_above_the_station_managers_authority_as_AREA_OFFICE_for_the_manager()
    {
        var desk = await Desk.OpenAsync(api, "gas-station");
        var (area, areaId) = await desk.UserAsync("AREA_OFFICE");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, id, compensation: 800);

        var approved = await Desk.DoAsync(area, "approvePlan", id);

        Assert.Equal(("AREA_OFFICE", "STATION_MANAGER", areaId), Single(approved));
    }

    [Fact]
    public async Task Record_an_approver_within_authority_in_the_required_role_itself()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (supervisor, supervisorId) = await desk.UserAsync("CS_SUPERVISOR", "VP");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(desk.Admin, id, compensation: 100);

        var approved = await Desk.DoAsync(supervisor, "approvePlan", id);

        Assert.Equal(("CS_SUPERVISOR", "CS_SUPERVISOR", supervisorId), Single(approved));
    }

    private static (string?, string?, string?) Single(JsonElement complaint)
    {
        var approval = Assert.Single(complaint.GetProperty("plan").GetProperty("approvals").EnumerateArray());
        return (approval.GetProperty("role").GetString(), approval.GetProperty("requiredRole").GetString(), approval.GetProperty("userId").GetString());
    }
}

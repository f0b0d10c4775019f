using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>Seed 004: the first responder owns the complaint to the end, and the work on it is theirs.</summary>
[Collection(ApiFixture.Collection)]
public sealed class OwnersWorkShould(ApiFixture api)
{
    private static readonly string[] Whys = ["The thermostat failed"];
    private static readonly string[] Replace = ["REPLACE"];

    [Fact]
    public async Task Refuse_the_investigation_the_responsibility_and_the_plan_to_an_agent_who_does_not_own_it_saying_who_does()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, ownerId) = await desk.UserAsync("AGENT");
        var (other, _) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        var investigation = await Desk.TryAsync(other, "recordInvestigation", id, new { rootCause = Whys });
        await Desk.DoAsync(owner, "recordInvestigation", id, new { rootCause = Whys });
        var responsibility = await Desk.TryAsync(other, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "A defect." });
        await Desk.DoAsync(owner, "decideResponsibility", id, new { responsibility = "COMPANY", reason = "A defect." });
        var plan = await Desk.TryAsync(other, "proposePlan", id, new { shortTermMeasures = "Replace it.", remedies = Replace });
        var after = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status plan { revision } } }", new { id });

        Assert.All([investigation, responsibility, plan], refused =>
        {
            Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
            Assert.Contains(ownerId, refused.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
            Assert.Equal(ownerId, refused.Errors[0].GetProperty("extensions").GetProperty("ownerId").GetString());
        });
        Assert.Equal("RESPONSIBILITY_DECIDED", after.Data.GetProperty("complaint").GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, after.Data.GetProperty("complaint").GetProperty("plan").ValueKind);
    }

    // SPEC §3a: an urgent complaint's plan is approved by the after-sales manager and alerts the department head.
    [Theory]
    [InlineData("AFTER_SALES_MANAGER")]
    [InlineData("DEPARTMENT_HEAD")]
    [InlineData("TENANT_ADMIN")]
    public async Task Let_a_tenant_admin_or_a_role_the_policy_names_for_the_grade_work_a_complaint_it_does_not_own(string role)
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AGENT");
        var (named, _) = await desk.UserAsync(role);
        var input = Operations.CalmMalfunctionInput();
        input["facts"] = new { customerEmotion = "UPSET" };
        var id = await desk.SubmitAsync(input);
        await Desk.DoAsync(owner, "assignComplaint", id);

        var investigated = await Desk.DoAsync(named, "recordInvestigation", id, new { rootCause = Whys });

        Assert.Equal("URGENT", investigated.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal("INVESTIGATING", Desk.Status(investigated));
    }

    [Fact]
    public async Task Tell_whoever_assigns_an_owned_complaint_to_hand_it_over_instead()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AGENT");
        var (other, _) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        var refused = await Desk.TryAsync(other, "assignComplaint", id);

        Assert.Equal("INVALID_TRANSITION", refused.FirstErrorCode);
        Assert.Contains("handOverComplaint", refused.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}

using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// Issue 16, points 5 and 6, over HTTP: one notion of "escalated to" whichever path escalates — the policy at intake
/// (seeds 000/004: a major complaint to management at once, with an emergency team), a clock's breach, or a person —
/// shown on the complaint, filtered on by the board, and told to the role through the outbox.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class EscalationShould(ApiFixture api)
{
    private static readonly string[] VicePresident = ["VP"];

    [Fact]
    public async Task Escalate_a_major_complaint_to_the_vice_president_at_intake_forming_the_emergency_team_and_tell_each_role()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var input = Operations.CalmMalfunctionInput();
        input["facts"] = new { safetyRisk = true };

        var id = await desk.SubmitAsync(input);

        var complaint = await ReadAsync(desk, id);
        Assert.Equal("MAJOR", complaint.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal("VP", complaint.GetProperty("escalatedTo").GetString());
        var escalations = Escalations(complaint);
        Assert.Contains(("Escalate", "VP"), escalations);
        Assert.Equal(
            ["VP", "LEGAL", "PR", "AFTER_SALES_MANAGER", "DEPARTMENT_HEAD"],
            escalations.Where(e => e.Action == "InvolveEmergencyTeam").Select(e => e.Role));
        Assert.Equal(
            ["role:AFTER_SALES_MANAGER", "role:DEPARTMENT_HEAD", "role:LEGAL", "role:PR", "role:VP", "role:VP"],
            await RecipientsAsync(desk, id, "ESCALATION"));
    }

    // SPEC §3b: a serious complaint is reported to the department head and the customer-service centre within 10 minutes.
    [Fact]
    public async Task Escalate_a_serious_winery_complaint_to_the_customer_service_centre_at_intake()
    {
        var desk = await Desk.OpenAsync(api, "winery");
        var input = Operations.CalmComplaintInput("winery");
        input["amountInvolved"] = 5000m;

        var id = await desk.SubmitAsync(input);

        var complaint = await ReadAsync(desk, id);
        Assert.Equal("SERIOUS", complaint.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal("CS_CENTRE", complaint.GetProperty("escalatedTo").GetString());
        Assert.Contains("role:CS_CENTRE", await RecipientsAsync(desk, id, "ESCALATION"));
    }

    [Fact]
    public async Task Leave_a_normal_complaint_unescalated_at_intake()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var id = await desk.SubmitAsync();

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(desk, id)).GetProperty("escalatedTo").ValueKind);
    }

    // Seed 002, gas station: beyond the station, the area office takes it; a missed time limit takes it one rung up.
    [Fact]
    public async Task Show_the_rung_a_breached_gas_station_complaint_was_escalated_to_by_the_sla_sweep()
    {
        var desk = await Desk.OpenAsync(api, "gas-station");
        var input = Operations.CalmComplaintInput("gas-station");
        input["amountInvolved"] = 1000m;
        var id = await desk.SubmitAsync(input);
        Assert.Equal("AREA_OFFICE", (await ReadAsync(desk, id)).GetProperty("escalatedTo").GetString());

        await desk.BreachClocksAsync(id);

        var complaint = await ReadAsync(desk, id);
        Assert.Equal("ESCALATED", complaint.GetProperty("grade").GetProperty("code").GetString());
        Assert.Equal("OPERATIONS_DEPARTMENT", complaint.GetProperty("escalatedTo").GetString());
        Assert.Contains("role:OPERATIONS_DEPARTMENT", await RecipientsAsync(desk, id, "CLOCK_BREACHED"));
    }

    // Seed 003: a complaint reopened or regraded higher is handled at that grade, so a major one goes to management too.
    [Fact]
    public async Task Escalate_a_complaint_regraded_to_major_to_the_vice_president_as_at_intake()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        await Desk.DoAsync(desk.Admin, "gradeComplaint", id, new { gradeCode = "MAJOR", reason = "A journalist is asking." });

        Assert.Equal("VP", (await ReadAsync(desk, id)).GetProperty("escalatedTo").GetString());
        Assert.Contains("role:VP", await RecipientsAsync(desk, id, "ESCALATION"));
    }

    // SPEC §3a: a major complaint gets a cross-department emergency team; an urgent one does not.
    [Fact]
    public async Task Show_the_emergency_team_formed_for_a_major_complaint_on_the_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var major = Operations.CalmMalfunctionInput();
        major["facts"] = new { safetyRisk = true };

        var majorId = await desk.SubmitAsync(major);
        var normalId = await desk.SubmitAsync();

        Assert.Equal(
            ["VP", "LEGAL", "PR", "AFTER_SALES_MANAGER", "DEPARTMENT_HEAD"],
            (await ReadAsync(desk, majorId)).GetProperty("emergencyTeam").EnumerateArray().Select(r => r.GetString()));
        Assert.Empty((await ReadAsync(desk, normalId)).GetProperty("emergencyTeam").EnumerateArray());
    }

    [Fact]
    public async Task Tell_the_role_a_person_escalates_a_complaint_to()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        await Desk.DoAsync(desk.Admin, "escalateComplaint", id, new { toRole = "AFTER_SALES_MANAGER", reason = "The customer asks for the manager." });

        Assert.Equal(["role:AFTER_SALES_MANAGER"], await RecipientsAsync(desk, id, "ESCALATION"));
    }

    [Fact]
    public async Task Filter_the_board_on_escalation_whichever_path_escalated()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var major = Operations.CalmMalfunctionInput();
        major["facts"] = new { legalRisk = true };
        var atIntake = await desk.SubmitAsync(major);
        var byPerson = await desk.SubmitAsync();
        var notEscalated = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "escalateComplaint", byPerson, new { toRole = "CS_SUPERVISOR", reason = "A second complaint this week." });

        Assert.Equal([byPerson, atIntake], await BoardAsync(desk, new { escalated = true }));
        Assert.Equal([notEscalated], await BoardAsync(desk, new { escalated = false }));
        Assert.Equal([atIntake], await BoardAsync(desk, new { escalatedTo = VicePresident }));
    }

    private static async Task<JsonElement> ReadAsync(Desk desk, string id)
    {
        var result = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { grade { code } escalatedTo emergencyTeam history { type data } } }", new { id });
        result.AssertNoErrors();
        return result.Data.GetProperty("complaint");
    }

    private static List<(string Action, string Role)> Escalations(JsonElement complaint) =>
    [
        .. complaint.GetProperty("history").EnumerateArray()
            .Where(e => e.GetProperty("type").GetString() == "ESCALATED")
            .Select(e => e.GetProperty("data"))
            .Select(d => (d.GetProperty("action").GetString()!, d.GetProperty("role").GetString()!)),
    ];

    private static async Task<List<string>> BoardAsync(Desk desk, object filter)
    {
        var result = await desk.Admin.SendAsync("query($f: ComplaintFilter) { complaints(filter: $f) { edges { node { id } } } }", new { f = filter });
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("complaints").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("id").GetString()!)];
    }

    private async Task<List<string>> RecipientsAsync(Desk desk, string id, string topic)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(desk.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        return await db.OutboxMessages.Where(m => m.ComplaintId == Guid.Parse(id) && m.Topic == topic).Select(m => m.Recipient).OrderBy(r => r).ToListAsync();
    }
}

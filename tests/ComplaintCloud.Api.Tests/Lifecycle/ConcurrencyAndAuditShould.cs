using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// Races played out deterministically on the running service's own handlers: both sides load the complaint before
/// either saves, as two requests arriving together would.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ConcurrencyAndAuditShould(ApiFixture api)
{
    [Fact]
    public async Task Let_exactly_one_of_two_racing_approvals_win_and_answer_the_other_with_CONFLICT()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (_, first) = await desk.UserAsync("CS_SUPERVISOR");
        var (_, second) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id);
        await using var one = Scope(desk, first, "CS_SUPERVISOR");
        await using var other = Scope(desk, second, "CS_SUPERVISOR");
        var (workOne, workOther) = (Work(one), Work(other));
        var (complaintOne, complaintOther) = (await workOne.LoadAsync(Guid.Parse(id), default), await workOther.LoadAsync(Guid.Parse(id), default));

        complaintOne.ApprovePlan(workOne.Actor(), await workOne.ApprovalsAsync(complaintOne, default), workOne.Now);
        complaintOther.ApprovePlan(workOther.Actor(), await workOther.ApprovalsAsync(complaintOther, default), workOther.Now);
        await workOne.SaveAsync(complaintOne, default);
        var lost = await Assert.ThrowsAsync<DomainException>(() => workOther.SaveAsync(complaintOther, default));

        Assert.Equal(ErrorCode.Conflict, lost.Code);
        var history = await ReadAsync(desk, id, "history { type }");
        Assert.Single(history.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "PLAN_APPROVED");
    }

    // A request names no version of the complaint, so a save that lost to a background write (the SLA sweep recording
    // an escalation) is run again on the complaint as now stored, instead of answering the user's click with an error.
    [Fact]
    public async Task Run_a_step_again_from_a_fresh_load_when_a_background_write_beat_its_save()
    {
        var (desk, agent, id) = await AgentWithAComplaintAsync();
        await using var scope = Scope(desk, agent, "AGENT");
        var work = Work(scope);
        var attempts = 0;

        var assigned = await ComplaintWork.RetryLostRacesAsync(() => AssignAfterABackgroundWriteAsync(desk, work, id, () => ++attempts == 1));

        Assert.Equal((2, Guid.Parse(agent)), (attempts, assigned.OwnerId));
        var history = await ReadAsync(desk, id, "history { type }");
        Assert.Single(history.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "ASSIGNED");
    }

    [Fact]
    public async Task Answer_a_retryable_CONFLICT_when_a_step_loses_three_races_in_a_row()
    {
        var (desk, agent, id) = await AgentWithAComplaintAsync();
        await using var scope = Scope(desk, agent, "AGENT");
        var work = Work(scope);
        var attempts = 0;

        var lost = await Assert.ThrowsAsync<DomainException>(() =>
            ComplaintWork.RetryLostRacesAsync(() => AssignAfterABackgroundWriteAsync(desk, work, id, () => ++attempts > 0)));

        Assert.Equal((3, ErrorCode.Conflict, true), (attempts, lost.Code, lost.Retryable));
        var owner = await ReadAsync(desk, id, "ownerId");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, owner.GetProperty("ownerId").ValueKind);
    }

    [Fact]
    public async Task Keep_all_evidence_added_at_the_same_time()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (_, investigator) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);
        await Desk.DoAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "BATCH", text = "Batch 2026-11-A." } } });
        await using var one = Scope(desk, investigator, "AGENT");
        await using var other = Scope(desk, investigator, "AGENT");
        var (workOne, workOther) = (Work(one), Work(other));
        var (complaintOne, complaintOther) = (await workOne.LoadAsync(Guid.Parse(id), default), await workOther.LoadAsync(Guid.Parse(id), default));

        complaintOne.RecordInvestigation(workOne.Actor(), [new EvidenceDraft(EvidenceKind.Cctv, "Camera 3, 14:02.", false, null)], null, workOne.Now);
        complaintOther.RecordInvestigation(workOther.Actor(), [new EvidenceDraft(EvidenceKind.DeliveryTrack, "Left the depot 09:10.", false, null)], null, workOther.Now);
        await workOne.SaveAsync(complaintOne, default);
        await workOther.SaveAsync(complaintOther, default);

        var evidence = (await ReadAsync(desk, id, "evidence { kind }")).GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("kind").GetString());
        Assert.Equal(["BATCH", "CCTV", "DELIVERY_TRACK"], evidence.Order());
    }

    [Theory]
    [InlineData("UPDATE complaint_events SET type = 'FORGED' WHERE complaint_id = @id")]
    [InlineData("DELETE FROM complaint_events WHERE complaint_id = @id")]
    public async Task Refuse_to_change_or_remove_the_audit_trail_even_through_raw_SQL(string sql)
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", Guid.Parse(id));

        await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        var history = await ReadAsync(desk, id, "history { type }");
        Assert.Equal("RECEIVED", history.GetProperty("history")[0].GetProperty("type").GetString());
    }

    private async Task<(Desk Desk, string Agent, string Id)> AgentWithAComplaintAsync()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (_, agent) = await desk.UserAsync("AGENT");
        return (desk, agent, await desk.SubmitAsync());
    }

    // Loads and assigns the complaint; when told to, another transaction then writes the complaint before the save.
    private async Task<Complaint> AssignAfterABackgroundWriteAsync(Desk desk, ComplaintWork work, string id, Func<bool> writeFirst)
    {
        var complaint = await work.LoadAsync(Guid.Parse(id), default);
        complaint.Assign(work.Actor(), work.Actor().UserId, work.Now);
        if (writeFirst())
        {
            await using var background = api.Services.CreateAsyncScope();
            background.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(desk.TenantId);
            await background.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database
                .ExecuteSqlAsync($"UPDATE complaints SET escalated_to_role = escalated_to_role WHERE id = {complaint.Id}");
        }

        return await work.SaveAsync(complaint, default);
    }

    private AsyncServiceScope Scope(Desk desk, string userId, string role)
    {
        var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().SignIn(desk.TenantId, Guid.Parse(userId), [role]);
        return scope;
    }

    private static ComplaintWork Work(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<ComplaintWork>();

    private static async Task<System.Text.Json.JsonElement> ReadAsync(Desk desk, string id, string fields)
    {
        var read = await desk.Admin.SendAsync($"query($id: ID!) {{ complaint(id: $id) {{ {fields} }} }}", new { id });
        read.AssertNoErrors();
        return read.Data.GetProperty("complaint");
    }
}

using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

/// <summary>
/// A console shows a complaint's lifecycle buttons from <c>allowedActions</c> (issue 12): it must offer exactly what
/// the mutations then accept for the signed-in user, by the complaint's state and the user's roles.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class AllowedActionsShould(ApiFixture api)
{
    private static readonly object Satisfied = new { overall = 5, attitude = 5, speed = 5, professionalism = 5, outcome = 5 };

    [Fact]
    public async Task Offer_a_received_complaint_acknowledge_and_take_but_not_resolve_or_hand_over()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        var allowed = await AllowedAsync(desk.Admin, id);

        Assert.Contains("ACKNOWLEDGE", allowed);
        Assert.Contains("ASSIGN", allowed);
        Assert.Contains("ADD_NOTE", allowed);
        Assert.DoesNotContain("RESOLVE", allowed);
        Assert.DoesNotContain("HAND_OVER", allowed);
    }

    [Fact]
    public async Task Offer_the_hand_over_to_the_owner_and_a_tenant_admin_but_not_another_agent()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AGENT");
        var (colleague, _) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        Assert.Contains("HAND_OVER", await AllowedAsync(owner, id));
        Assert.Contains("HAND_OVER", await AllowedAsync(desk.Admin, id));
        Assert.DoesNotContain("HAND_OVER", await AllowedAsync(colleague, id));
        Assert.DoesNotContain("ASSIGN", await AllowedAsync(colleague, id));
    }

    // Seed 004: the first responder owns it to the end; the investigation is theirs (or a tenant admin's).
    [Fact]
    public async Task Offer_the_investigation_to_the_owner_and_not_to_another_agent()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AGENT");
        var (colleague, _) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        Assert.Contains("RECORD_INVESTIGATION", await AllowedAsync(owner, id));
        Assert.Contains("RECORD_INVESTIGATION", await AllowedAsync(desk.Admin, id));
        Assert.DoesNotContain("RECORD_INVESTIGATION", await AllowedAsync(colleague, id));
    }

    // SPEC §3a with the general-enterprise defaults: a CS supervisor approves up to 1000, the after-sales manager 5000.
    [Fact]
    public async Task Offer_the_approval_of_compensation_above_a_supervisors_1000_only_to_the_role_above()
    {
        var (agent, supervisor, manager, id) = await PlanWithCompensationOf2000Async();

        Assert.DoesNotContain("APPROVE_PLAN", await AllowedAsync(supervisor, id));
        Assert.Contains("REJECT_PLAN", await AllowedAsync(supervisor, id));
        Assert.Contains("APPROVE_PLAN", await AllowedAsync(manager, id));
        Assert.DoesNotContain("APPROVE_PLAN", await AllowedAsync(agent, id));
    }

    [Fact]
    public async Task Show_the_roles_still_to_approve_and_the_compensation_authority_rule()
    {
        var (agent, _, _, id) = await PlanWithCompensationOf2000Async();

        var result = await agent.SendAsync(
            "query($id: ID!) { complaint(id: $id) { plan { outstandingApprovals { role acceptedRoles aboveAuthority } } } }", new { id });
        result.AssertNoErrors();
        var outstanding = result.Data.GetProperty("complaint").GetProperty("plan").GetProperty("outstandingApprovals");

        var slot = Assert.Single(outstanding.EnumerateArray());
        Assert.Equal("CS_SUPERVISOR", slot.GetProperty("role").GetString());
        Assert.Equal("AFTER_SALES_MANAGER", slot.GetProperty("acceptedRoles")[0].GetString());
        Assert.StartsWith("Compensation 2000", slot.GetProperty("aboveAuthority").GetString());
        Assert.Contains("above CS_SUPERVISOR's authority of 1000", slot.GetProperty("aboveAuthority").GetString());
    }

    [Fact]
    public async Task Offer_resolve_only_once_every_task_of_the_plan_is_done()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id);
        var approved = await Desk.DoAsync(supervisor, "approvePlan", id);
        await Desk.DoAsync(agent, "notifyCustomer", id, new { message = "We will replace your kettle." });
        await Desk.DoAsync(agent, "recordCustomerConfirmation", id, new { accepted = true });

        var withTaskOpen = await AllowedAsync(agent, id);
        var task = approved.GetProperty("plan").GetProperty("tasks")[0].GetProperty("id").GetString();
        await Desk.DoAsync(agent, "updateTask", id, new { taskId = task, done = true });

        Assert.Contains("UPDATE_TASK", withTaskOpen);
        Assert.DoesNotContain("RESOLVE", withTaskOpen);
        Assert.Contains("RESOLVE", await AllowedAsync(agent, id));
    }

    // Seed 003: the callback is made by someone who did not handle the complaint; seed 001: by a supervisor.
    [Fact]
    public async Task Offer_the_callback_to_a_supervisor_who_did_not_handle_it_and_not_to_its_handler()
    {
        var (agent, supervisor, id) = await ResolvedByAnAgentAsync();

        var byHandler = await AllowedAsync(agent, id);
        var bySupervisor = await AllowedAsync(supervisor, id);

        Assert.DoesNotContain("RECORD_CALLBACK", byHandler);
        Assert.Contains("REOPEN", byHandler);
        Assert.Contains("RECORD_CALLBACK", bySupervisor);
        Assert.Equal("CALLBACK_DONE", Desk.Status(await Desk.DoAsync(supervisor, "recordCallback", id, Satisfied)));
    }

    [Fact]
    public async Task Give_a_refused_action_the_code_and_message_the_mutation_answers()
    {
        var (agent, _, id) = await ResolvedByAnAgentAsync();

        var result = await agent.SendAsync("query($id: ID!) { complaint(id: $id) { refusedActions { action code message } } }", new { id });
        var attempt = await Desk.TryAsync(agent, "recordCallback", id, Satisfied);

        result.AssertNoErrors();
        var refused = Assert.Single(result.Data.GetProperty("complaint").GetProperty("refusedActions").EnumerateArray(), a => a.GetProperty("action").GetString() == "RECORD_CALLBACK");
        Assert.Equal(attempt.FirstErrorCode, refused.GetProperty("code").GetString());
        Assert.Equal(attempt.Errors[0].GetProperty("message").GetString(), refused.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Offer_a_closed_complaint_nothing_but_a_note()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "withdrawComplaint", id, new { reason = "The customer found the receipt." });
        await Desk.DoAsync(desk.Admin, "closeComplaint", id);

        Assert.Equal(["ADD_NOTE"], await AllowedAsync(desk.Admin, id));
    }

    [Fact]
    public async Task Offer_viewers_nothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (viewer, _) = await desk.UserAsync("VIEWER");
        var id = await desk.SubmitAsync();

        Assert.Empty(await AllowedAsync(viewer, id));
    }

    private async Task<(GraphQLClient Agent, GraphQLClient Supervisor, GraphQLClient Manager, string Id)> PlanWithCompensationOf2000Async()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (manager, _) = await desk.UserAsync("AFTER_SALES_MANAGER");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id, compensation: 2000);
        return (agent, supervisor, manager, id);
    }

    /// <summary>A complaint an agent took to RESOLVED, its plan approved by a CS supervisor who never owned it.</summary>
    private async Task<(GraphQLClient Agent, GraphQLClient Supervisor, string Id)> ResolvedByAnAgentAsync()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id);
        await Desk.ExecuteAsync(agent, id, await Desk.DoAsync(supervisor, "approvePlan", id));
        return (agent, supervisor, id);
    }

    private static async Task<IReadOnlyList<string>> AllowedAsync(GraphQLClient client, string id)
    {
        var result = await client.SendAsync("query($id: ID!) { complaint(id: $id) { allowedActions } }", new { id });
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("complaint").GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!)];
    }
}

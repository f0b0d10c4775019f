using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Lifecycle;

[Collection(ApiFixture.Collection)]
public sealed class LifecycleRulesShould(ApiFixture api)
{
    private static readonly string[] TooManyWhys = ["1", "2", "3", "4", "5", "6"];
    private static readonly string[] Winery = ["WINERY_LEADERSHIP"];
    private static readonly string[] MisuseWhy = ["Used with sea water"];
    private static readonly string[] Explanation = ["EXPLANATION_AND_GUIDANCE"];
    private static readonly object Satisfied = new { overall = 5, attitude = 5, speed = 5, professionalism = 5, outcome = 5 };

    [Fact]
    public async Task Refuse_an_operation_the_state_does_not_allow_and_change_nothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        var refused = await Desk.TryAsync(desk.Admin, "resolveComplaint", id, new { summary = "Done." });
        var after = await desk.Admin.SendAsync(Operations.ReadOne, new { id });

        Assert.Equal("INVALID_TRANSITION", refused.FirstErrorCode);
        Assert.Equal("RECEIVED", after.Data.GetProperty("complaint").GetProperty("status").GetString());
        Assert.Equal(1, after.Data.GetProperty("complaint").GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Answer_NOT_FOUND_for_another_tenants_complaint()
    {
        var owner = await Desk.OpenAsync(api, "general-enterprise");
        var stranger = await Desk.OpenAsync(api, "general-enterprise");
        var id = await owner.SubmitAsync();

        var refused = await Desk.TryAsync(stranger.Admin, "acknowledgeComplaint", id);

        Assert.Equal("NOT_FOUND", refused.FirstErrorCode);
    }

    [Fact]
    public async Task Refuse_bad_input_with_the_field_and_change_nothing()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        var assigned = await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        var refused = await Desk.TryAsync(desk.Admin, "recordInvestigation", id, new { rootCause = TooManyWhys });
        var after = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { status rootCause history { type } } }", new { id });

        Assert.Equal("input.rootCause", refused.FirstErrorField);
        Assert.Equal("ASSIGNED", after.Data.GetProperty("complaint").GetProperty("status").GetString());
        Assert.Equal(0, after.Data.GetProperty("complaint").GetProperty("rootCause").GetArrayLength());
        Assert.Equal(assigned.GetProperty("history").GetArrayLength(), after.Data.GetProperty("complaint").GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task Keep_the_first_responder_as_owner_until_a_formal_handover_with_a_reason()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (first, firstId) = await desk.UserAsync("AGENT");
        var (second, secondId) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(first, "assignComplaint", id);

        Assert.Equal("INVALID_TRANSITION", (await Desk.TryAsync(second, "assignComplaint", id)).FirstErrorCode);
        Assert.Equal("FORBIDDEN", (await Desk.TryAsync(second, "handOverComplaint", id, new { newOwnerId = secondId, reason = "Mine now." })).FirstErrorCode);
        var handedOver = await Desk.DoAsync(first, "handOverComplaint", id, new { newOwnerId = secondId, reason = "Going on leave." });

        Assert.Equal(secondId, handedOver.GetProperty("ownerId").GetString());
        Assert.NotEqual(firstId, secondId);
    }

    [Fact]
    public async Task Refuse_plan_approval_by_a_user_without_a_role_the_grade_requires()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id);

        Assert.Equal("FORBIDDEN", (await Desk.TryAsync(agent, "approvePlan", id)).FirstErrorCode);
    }

    // SPEC §3a with the general-enterprise defaults: a CS supervisor approves up to 1000, the after-sales manager 5000.
    [Fact]
    public async Task Refuse_compensation_above_the_approvers_authority_and_take_it_from_the_role_above()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, _) = await desk.UserAsync("CS_SUPERVISOR");
        var (manager, _) = await desk.UserAsync("AFTER_SALES_MANAGER");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id, compensation: 2000);

        var refused = await Desk.TryAsync(supervisor, "approvePlan", id);
        var approved = await Desk.DoAsync(manager, "approvePlan", id);

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal("PLAN_APPROVED", Desk.Status(approved));
    }

    [Fact]
    public async Task Refuse_a_callback_by_someone_without_the_callback_role_or_who_handled_the_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");
        var (supervisor, supervisorId) = await desk.UserAsync("CS_SUPERVISOR");
        var id = await desk.SubmitAsync();
        await Desk.ToPlanProposedAsync(agent, id);
        await Desk.DoAsync(agent, "handOverComplaint", id, new { newOwnerId = supervisorId, reason = "Supervisor takes over." });
        await Desk.ExecuteAsync(supervisor, id, await Desk.DoAsync(supervisor, "approvePlan", id));

        var byAgent = await Desk.TryAsync(agent, "recordCallback", id, Satisfied);
        var byOwner = await Desk.TryAsync(supervisor, "recordCallback", id, Satisfied);

        Assert.Equal("FORBIDDEN", byAgent.FirstErrorCode);
        Assert.Equal("FORBIDDEN", byOwner.FirstErrorCode);
    }

    [Fact]
    public async Task Let_viewers_read_but_not_change_a_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (viewer, _) = await desk.UserAsync("VIEWER");
        var id = await desk.SubmitAsync();

        var refused = await Desk.TryAsync(viewer, "acknowledgeComplaint", id);

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
    }

    [Fact]
    public async Task Keep_an_evidence_file_and_give_it_back_whole()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);
        var recording = Convert.ToBase64String([.. Enumerable.Range(0, 1234).Select(i => (byte)i)]);

        var investigated = await Desk.DoAsync(desk.Admin, "recordInvestigation", id, new
        {
            evidence = new[] { new { kind = "CALL_RECORDING", text = "Hotline call, 26 Nov.", customerConsent = true, fileName = "call.wav", contentType = "audio/wav", fileBase64 = recording } },
        });
        var evidence = investigated.GetProperty("evidence")[0];
        var file = await desk.Admin.SendAsync(
            "query($id: ID!) { evidenceFile(evidenceId: $id) { fileName contentType base64 } }", new { id = evidence.GetProperty("id").GetString() });

        Assert.Equal(1234, evidence.GetProperty("fileSize").GetInt32());
        Assert.Equal(recording, file.Data.GetProperty("evidenceFile").GetProperty("base64").GetString());
    }

    [Fact]
    public async Task Keep_closed_complaints_at_least_two_years()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var refused = await desk.Admin.SendAsync(
            "mutation($i: UpdateLifecycleSettingsInput!) { updateLifecycleSettings(input: $i) { retentionYears } }",
            new { i = new { duplicateWindowDays = 30, retentionYears = 1 } });

        Assert.Equal("input.retentionYears", refused.FirstErrorField);
    }

    [Fact]
    public async Task Give_users_only_platform_roles_or_roles_of_the_tenants_policy()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var refused = await desk.Admin.SendAsync(
            "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
            new { i = new { email = "x@example.com", password = "a-long-password", roles = Winery } });

        Assert.Equal("input.roles", refused.FirstErrorField);
    }

    [Fact]
    public async Task Refuse_a_chat_log_without_the_customers_consent()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);

        var refused = await Desk.TryAsync(desk.Admin, "recordInvestigation", id, new { evidence = new[] { new { kind = "CHAT_LOG", text = "The chat of 26 Nov." } } });

        Assert.Equal("BAD_USER_INPUT", refused.FirstErrorCode);
        Assert.Equal("input.evidence[0].customerConsent", refused.FirstErrorField);
    }

    [Fact]
    public async Task Offer_no_compensation_when_the_customer_is_responsible()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "assignComplaint", id);
        await Desk.DoAsync(desk.Admin, "recordInvestigation", id, new { rootCause = MisuseWhy });
        var decided = await Desk.DoAsync(desk.Admin, "decideResponsibility", id, new { responsibility = "CUSTOMER", reason = "Misuse." });

        var refused = await Desk.TryAsync(desk.Admin, "proposePlan", id, new { shortTermMeasures = "Explain.", remedies = Explanation, compensation = 50 });

        Assert.Equal(["EXPLANATION_AND_GUIDANCE"], decided.GetProperty("remedyOptions").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("input.compensation", refused.FirstErrorField);
    }

    [Fact]
    public async Task Flag_a_repeat_complaint_of_the_same_customer_and_link_the_earlier_one()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var first = await desk.SubmitAsync();
        var second = await desk.SubmitAsync();

        var read = await desk.Admin.SendAsync("query($id: ID!) { complaint(id: $id) { duplicateOf status } }", new { id = second });

        Assert.Equal(first, read.Data.GetProperty("complaint").GetProperty("duplicateOf").GetString());
    }

    [Fact]
    public async Task Close_and_archive_a_withdrawn_complaint()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "withdrawComplaint", id, new { reason = "The customer found the receipt." });

        var closed = await Desk.DoAsync(desk.Admin, "closeComplaint", id);

        Assert.Equal("CLOSED", Desk.Status(closed));
        Assert.Equal(JsonValueKind.String, closed.GetProperty("archivedAt").ValueKind);
    }

    [Fact]
    public async Task Audit_a_manual_regrade_with_its_reason()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var id = await desk.SubmitAsync();

        var regraded = await Desk.DoAsync(desk.Admin, "gradeComplaint", id, new { gradeCode = "MAJOR", reason = "A journalist is asking." });

        var graded = regraded.GetProperty("history").EnumerateArray().Last(e => e.GetProperty("type").GetString() == "REGRADED");
        Assert.Equal("NORMAL", graded.GetProperty("data").GetProperty("before").GetProperty("grade").GetString());
        Assert.Equal("A journalist is asking.", graded.GetProperty("data").GetProperty("after").GetProperty("reason").GetString());
    }
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using ComplaintCloud.Domain.Penalties;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.Tests;
using NodaTime;
using static ComplaintCloud.Domain.Complaints.ComplaintStatus;

namespace ComplaintCloud.UnitTests.Complaints;

/// <summary>Each transition of the diagram in docs/lifecycle.md, and each refusal, on the aggregate alone.</summary>
public sealed class ComplaintLifecycleShould
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 2, 0);
    private static readonly Actor Owner = new(Guid.NewGuid(), ["AGENT"]);
    private static readonly Actor Supervisor = new(Guid.NewGuid(), ["CS_SUPERVISOR"]);
    private static readonly Actor Caller = new(Guid.NewGuid(), ["CS_SUPERVISOR"]);
    private static readonly ApprovalRequirement BySupervisor = new([new ApprovalSlot("CS_SUPERVISOR", ["CS_SUPERVISOR"], null)]);
    private static readonly string[] SupervisorNamed = ["CS_SUPERVISOR"];
    private static readonly ApprovalRequirement ReviewedByUnitLeader = new(
        [new ApprovalSlot("UNIT_LEADER", ["UNIT_LEADER"], null) { IsReview = true }, new ApprovalSlot("WINERY_LEADERSHIP", ["WINERY_LEADERSHIP"], null)]);
    private static readonly GradeDescriptor Urgent = new("URGENT", new("Urgent", "紧急"), 2);
    private static readonly Satisfaction Happy = new(5, 5, 5, 5, 5, null);
    private static readonly Satisfaction Unhappy = new(2, 3, 2, 3, 1, "Still broken.");

    // Every operation by name, as the happy path and its branches use it.
    private static readonly Dictionary<string, Action<Complaint>> Steps = new()
    {
        ["acknowledge"] = c => c.Acknowledge(Owner, Now),
        ["assign"] = c => c.Assign(Owner, Owner.UserId, Now),
        ["investigate"] = c => c.RecordInvestigation(Owner, [new EvidenceDraft(EvidenceKind.QaReport, "Thermostat failed.", false, null)], ["Thermostat failed"], Now),
        ["decide"] = c => c.DecideResponsibility(Owner, Responsibility.Company, "Defect.", Now),
        ["propose"] = c => c.ProposePlan(Owner, "Replace it.", null, [Remedy.Replace], null, [new PlanTaskDraft("Ship", "Logistics", null, Now.Plus(NodaTime.Duration.FromDays(2)))], Now),
        ["approve"] = c => c.ApprovePlan(Supervisor, BySupervisor, Now),
        ["reject"] = c => c.RejectPlan(Supervisor, BySupervisor, "Too little.", Now),
        ["notify"] = c => c.NotifyCustomer(Owner, "A new kettle comes Friday.", Now),
        ["confirm"] = c => c.RecordCustomerConfirmation(Owner, true, null, Now),
        ["decline"] = c => c.RecordCustomerConfirmation(Owner, false, "Wants a refund.", Now),
        ["finishTask"] = c => c.UpdateTask(Owner, c.CurrentTasks.Single().Id, 100, true, null, Now),
        ["resolve"] = c => c.Resolve(Owner, "Replaced.", Now),
        ["callback"] = c => c.RecordCallback(Caller, Happy, "CS_SUPERVISOR", null, Now),
        ["unhappyCallback"] = c => c.RecordCallback(Caller, Unhappy, "CS_SUPERVISOR", Urgent, Now),
        ["reopen"] = c => c.Reopen(Caller, "Broke again.", Urgent, Now),
        ["withdraw"] = c => c.Withdraw(Owner, "Found the receipt.", Now),
        ["close"] = c => c.Close(Owner, Now),
    };

    private static readonly string[] HappyPath =
        ["acknowledge", "assign", "investigate", "decide", "propose", "approve", "notify", "confirm", "finishTask", "resolve", "callback", "close"];

    public static TheoryData<string, string, ComplaintStatus, string> Transitions => new()
    {
        { "", "acknowledge", Acknowledged, "ACKNOWLEDGED" },
        { "", "assign", Assigned, "ASSIGNED" },
        { "acknowledge", "assign", Assigned, "ASSIGNED" },
        { "acknowledge assign", "investigate", Investigating, "INVESTIGATION_RECORDED" },
        { "acknowledge assign investigate", "investigate", Investigating, "INVESTIGATION_RECORDED" },
        { "acknowledge assign investigate", "decide", ResponsibilityDecided, "RESPONSIBILITY_DECIDED" },
        { "acknowledge assign investigate decide", "propose", PlanProposed, "PLAN_PROPOSED" },
        { "acknowledge assign investigate decide propose", "approve", PlanApproved, "PLAN_APPROVED" },
        { "acknowledge assign investigate decide propose", "reject", ResponsibilityDecided, "PLAN_REJECTED" },
        { "acknowledge assign investigate decide propose approve", "notify", CustomerNotified, "CUSTOMER_NOTIFIED" },
        { "acknowledge assign investigate decide propose approve notify", "confirm", CustomerConfirmed, "CUSTOMER_CONFIRMED" },
        { "acknowledge assign investigate decide propose approve notify", "decline", ResponsibilityDecided, "CUSTOMER_DECLINED" },
        { "acknowledge assign investigate decide propose approve notify confirm", "finishTask", Executing, "TASK_UPDATED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask", "resolve", Resolved, "RESOLVED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve", "callback", CallbackDone, "CALLBACK_RECORDED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve", "unhappyCallback", Reopened, "REOPENED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve", "reopen", Reopened, "REOPENED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve callback", "reopen", Reopened, "REOPENED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve reopen", "assign", Assigned, "ASSIGNED" },
        { "acknowledge assign investigate decide propose approve notify confirm finishTask resolve callback", "close", Closed, "CLOSED" },
        { "acknowledge assign investigate", "withdraw", Withdrawn, "WITHDRAWN" },
        { "withdraw", "close", Closed, "CLOSED" },
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void Move_to_the_next_state_and_record_the_event(string path, string step, ComplaintStatus expected, string eventType)
    {
        var complaint = Walk(path);

        Steps[step](complaint);

        Assert.Equal(expected, complaint.Status);
        Assert.Contains(eventType, complaint.TakeNewEvents().Select(e => e.Type));
    }

    // Each operation tried from states it does not start from: refused, nothing changed, nothing recorded.
    public static TheoryData<string, string> Refusals()
    {
        var data = new TheoryData<string, string>();
        foreach (var (step, index) in HappyPath.Select((s, i) => (s, i)).Skip(2))
        {
            data.Add(string.Join(' ', HappyPath.Take(index - 2)), step);
        }

        data.Add(string.Join(' ', HappyPath), "withdraw");
        data.Add("", "reopen");
        return data;
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refuse_an_operation_from_a_state_it_does_not_start_from_and_change_nothing(string path, string step)
    {
        var complaint = Walk(path);
        var before = complaint.Status;

        var refused = Assert.Throws<DomainException>(() => Steps[step](complaint));

        Assert.Equal(ErrorCode.InvalidTransition, refused.Code);
        Assert.Equal(before, complaint.Status);
        Assert.Empty(complaint.TakeNewEvents());
    }

    [Fact]
    public void Word_every_refusal_as_a_sentence_naming_values_as_the_API_spells_them()
    {
        var messages = new List<string>();
        void Collect(Action act)
        {
            try
            {
                act();
            }
            catch (DomainException e)
            {
                messages.Add(e.Message);
            }
            catch (InvalidOperationException)
            {
                // finishTask before there is a plan: no task to pick, no refusal to read.
            }
        }

        // Every operation from every state the lifecycle reaches.
        var paths = HappyPath.Select((_, i) => string.Join(' ', HappyPath.Take(i)))
            .Append(string.Join(' ', HappyPath))
            .Append("withdraw")
            .Append("acknowledge assign investigate decide propose approve notify confirm finishTask resolve reopen");
        foreach (var path in paths)
        {
            foreach (var step in Steps.Values)
            {
                Collect(() => step(Walk(path)));
            }
        }

        // The refusals that name a value of their input.
        foreach (var kind in Enum.GetValues<EvidenceKind>())
        {
            Collect(() => Walk("assign").RecordInvestigation(Owner, [new EvidenceDraft(kind, "A recording.", false, null)], null, Now));
        }

        foreach (var responsibility in Enum.GetValues<Responsibility>())
        {
            var decided = Walk("assign investigate");
            decided.DecideResponsibility(Owner, responsibility, "Decided.", Now);
            Collect(() => decided.ProposePlan(Owner, "A plan.", null, Enum.GetValues<Remedy>(), null, [], Now));
            Collect(() => decided.ProposePlan(Owner, "A plan.", null, decided.RemedyOptions, 100m, [], Now));
        }

        Assert.Contains("The complaint is RECEIVED, so you cannot record an investigation on it.", messages);
        Assert.Contains("Evidence of kind CHAT_LOG needs the customer's consent.", messages);
        Assert.Contains("Choose remedies among EXPLANATION_AND_GUIDANCE.", messages);
        Assert.All(messages.Distinct(), ApiWording.AssertReadsLikeTheApi);
    }

    [Fact]
    public void Raise_the_grade_one_rank_and_release_the_owner_when_the_callback_is_unsatisfied()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm finishTask resolve");

        Steps["unhappyCallback"](complaint);

        Assert.Equal(("URGENT", 2), (complaint.Grade!.Code, complaint.Grade.Rank));
        Assert.Null(complaint.OwnerId);
        Assert.Equal(1, complaint.ReopenCount);
    }

    [Fact]
    public void Refuse_the_callback_by_someone_who_owned_the_complaint()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm finishTask resolve");

        var refused = Assert.Throws<DomainException>(() => complaint.RecordCallback(new Actor(Owner.UserId, ["CS_SUPERVISOR"]), Happy, "CS_SUPERVISOR", null, Now));

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
    }

    [Fact]
    public void Refuse_the_callback_by_a_role_the_policy_does_not_name()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm finishTask resolve");

        var refused = Assert.Throws<DomainException>(() => complaint.RecordCallback(new Actor(Guid.NewGuid(), ["AGENT"]), Happy, "CS_SUPERVISOR", null, Now));

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
    }

    [Fact]
    public void Refuse_a_second_owner_without_a_handover()
    {
        var complaint = Walk("assign");

        var refused = Assert.Throws<DomainException>(() => complaint.Assign(Caller, Caller.UserId, Now));

        Assert.Equal(ErrorCode.InvalidTransition, refused.Code);
    }

    [Fact]
    public void Refuse_approval_above_the_approvers_authority()
    {
        var complaint = Walk("acknowledge assign investigate decide propose");
        var aboveSupervisor = new ApprovalRequirement([new ApprovalSlot("CS_SUPERVISOR", ["AFTER_SALES_MANAGER", "VP"], "Compensation 2000 is above CS_SUPERVISOR's authority of 1000.")]);

        var refused = Assert.Throws<DomainException>(() => complaint.ApprovePlan(Supervisor, aboveSupervisor, Now));

        Assert.Equal(ErrorCode.Forbidden, refused.Code);
        Assert.Contains("AFTER_SALES_MANAGER", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_only_when_every_required_role_has_approved_each_by_another_person()
    {
        var complaint = Walk("acknowledge assign investigate decide propose");
        var jointly = new ApprovalRequirement([new ApprovalSlot("VP", ["VP"], null), new ApprovalSlot("LEGAL", ["LEGAL"], null)]);
        var both = new Actor(Guid.NewGuid(), ["VP", "LEGAL"]);

        complaint.ApprovePlan(both, jointly, Now);
        var again = Assert.Throws<DomainException>(() => complaint.ApprovePlan(both, jointly, Now));

        Assert.Equal(PlanProposed, complaint.Status);
        Assert.Equal(ErrorCode.Forbidden, again.Code);
    }

    [Fact]
    public void Refuse_an_evidence_file_over_10_MB()
    {
        var complaint = Walk("assign");
        var tooLarge = new EvidenceUpload("cctv.mp4", "video/mp4", new byte[EvidenceItem.MaxFileBytes + 1]);

        var refused = Assert.Throws<DomainException>(() => complaint.RecordInvestigation(
            Owner, [new EvidenceDraft(EvidenceKind.Cctv, "Camera 3.", false, tooLarge)], null, Now));

        Assert.Equal("input.evidence[0].file", refused.Field);
    }

    [Fact]
    public void Keep_a_tasks_progress_when_an_update_does_not_give_one()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm");
        var task = complaint.CurrentTasks.Single();

        complaint.UpdateTask(Owner, task.Id, 40, false, "Packed.", Now);
        complaint.UpdateTask(Owner, task.Id, null, false, "With the courier.", Now);

        Assert.Equal(40, task.Progress);
    }

    [Fact]
    public void Refuse_to_resolve_while_a_task_is_open()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm");

        var refused = Assert.Throws<DomainException>(() => Steps["resolve"](complaint));

        Assert.Equal(ErrorCode.InvalidTransition, refused.Code);
    }

    [Fact]
    public void Make_the_per_complaint_deductions_due_at_its_grade_when_the_company_is_responsible()
    {
        var complaint = Walk("acknowledge assign investigate");

        Steps["decide"](complaint);

        Assert.Equal(
            new PenaltyDue(PenaltyOccasion.ComplaintConfirmed, $"complaint:{complaint.Id}:ComplaintConfirmed", "NORMAL", Owner.UserId, Now),
            Assert.Single(complaint.TakePenaltiesDue()));
    }

    [Fact]
    public void Name_the_same_occasion_each_time_the_company_is_decided_responsible_so_it_books_once()
    {
        var complaint = Walk("acknowledge assign investigate decide");

        Steps["decide"](complaint);

        Assert.Equal($"complaint:{complaint.Id}:ComplaintConfirmed", Assert.Single(complaint.TakePenaltiesDue()).OccasionKey);
    }

    [Theory]
    [InlineData(Responsibility.Customer)]
    [InlineData(Responsibility.ThirdParty)]
    [InlineData(Responsibility.ForceMajeure)]
    public void Make_nothing_due_when_the_company_is_not_responsible(Responsibility responsibility)
    {
        var complaint = Walk("acknowledge assign investigate");

        complaint.DecideResponsibility(Owner, responsibility, "Misuse.", Now);

        Assert.Empty(complaint.TakePenaltiesDue());
    }

    [Fact]
    public void Make_an_unhappy_callback_due_at_the_grade_it_was_handled_at_named_by_the_reopen_it_causes()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm finishTask resolve");

        Steps["unhappyCallback"](complaint);

        Assert.Equal(
            new PenaltyDue(PenaltyOccasion.CallbackUnsatisfied, $"complaint:{complaint.Id}:CallbackUnsatisfied:reopen:1", "NORMAL", Caller.UserId, Now),
            Assert.Single(complaint.TakePenaltiesDue()));
    }

    [Fact]
    public void Name_each_unhappy_callback_apart()
    {
        var complaint = Walk(
            "acknowledge assign investigate decide propose approve notify confirm finishTask resolve unhappyCallback " +
            "assign investigate decide propose approve notify confirm finishTask resolve");

        Steps["unhappyCallback"](complaint);

        Assert.Equal($"complaint:{complaint.Id}:CallbackUnsatisfied:reopen:2", Assert.Single(complaint.TakePenaltiesDue()).OccasionKey);
    }

    [Fact]
    public void Make_nothing_due_when_the_customer_is_satisfied_on_callback()
    {
        var complaint = Walk("acknowledge assign investigate decide propose approve notify confirm finishTask resolve");

        Steps["callback"](complaint);

        Assert.Empty(complaint.TakePenaltiesDue());
    }

    // Seed 004: the first responder owns the complaint, and the investigation, responsibility and plan are theirs.
    [Fact]
    public void Leave_the_owners_work_to_the_owner_a_tenant_admin_or_a_role_the_policy_names_for_the_grade()
    {
        var complaint = Walk("assign");

        Assert.True(complaint.MayDoOwnersWork(Owner, SupervisorNamed));
        Assert.True(complaint.MayDoOwnersWork(new Actor(Guid.NewGuid(), ["TENANT_ADMIN"]), SupervisorNamed));
        Assert.True(complaint.MayDoOwnersWork(Supervisor, SupervisorNamed));
        Assert.False(complaint.MayDoOwnersWork(new Actor(Guid.NewGuid(), ["AGENT"]), SupervisorNamed));
    }

    // Seed 002: the unit leader reviews (审核) before winery leadership approves (审批).
    [Fact]
    public void Refuse_approval_until_every_review_the_grade_needs_is_in()
    {
        var complaint = Walk("acknowledge assign investigate decide propose");
        var leadership = new Actor(Guid.NewGuid(), ["WINERY_LEADERSHIP"]);

        var early = Assert.Throws<DomainException>(() => complaint.ApprovePlan(leadership, ReviewedByUnitLeader, Now));
        complaint.ReviewPlan(new Actor(Guid.NewGuid(), ["UNIT_LEADER"]), ReviewedByUnitLeader, Now);
        complaint.ApprovePlan(leadership, ReviewedByUnitLeader, Now);

        Assert.Equal(ErrorCode.InvalidTransition, early.Code);
        Assert.Equal(PlanApproved, complaint.Status);
    }

    private static Complaint Walk(string path)
    {
        var complaint = Complaint.Receive(
            Guid.NewGuid(),
            "20261126-TEL-0001",
            new ComplaintIntake(
                Channel.Phone, FeedbackKind.Complaint, "product/malfunction", "The kettle stopped heating.",
                new Customer("Li Lei", "13812345678", null, CustomerTier.Normal), null, 199m, IntakeFacts.None),
            new PolicyVerdict("general-enterprise", "1.0.0", new AssignedGrade("NORMAL", 1, "Calm."), []),
            Now);
        foreach (var step in path.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Steps[step](complaint);
        }

        complaint.TakeNewEvents();
        complaint.TakePenaltiesDue();
        return complaint;
    }
}

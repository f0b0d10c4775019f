using ComplaintCloud.Api.GraphQL.DataLoaders;
using ComplaintCloud.Api.GraphQL.Transport;
using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Lifecycle;

/// <summary>What the lifecycle adds to a Complaint: ownership, investigation, plan, tasks, callback, archive.</summary>
public static class LifecycleFields
{
    public static void AddTo(ObjectGraphType<Complaint> complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        complaint.Field<IdGraphType>("ownerId").Description("The first responder, until a handover; null until taken and after a reopen.").Resolve(c => c.Source.OwnerId);
        complaint.Field<UserType>("owner").Description("The owner's account.")
            .Resolve(c => c.Source.OwnerId is { } owner ? ComplaintLoaders.Of(c).Users.Load(owner) : null);
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("handlers")
            .Description("Everyone who has owned it, first responder first; none of them may make the callback.")
            .Resolve(c => ComplaintLoaders.Of(c).Users.LoadMany(c.Source.HandlerIds));
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<UserType>>>>("handOverCandidates")
            .Description("The tenant's users who may work complaints, but its owner: whom handOverComplaint can give it to.")
            .ResolveAsync(async c => await c.Service<ComplaintPeople>().HandOverCandidatesAsync(c.Source, c.CancellationToken));
        complaint.Field<NonNullGraphType<UrgencyType>>("urgency").Resolve(c => c.Source.Urgency);
        complaint.Field<IdGraphType>("duplicateOf").Description("An earlier complaint of the same customer this one repeats; flagged, never merged.").Resolve(c => c.Source.DuplicateOfId);
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceItemType>>>>("evidence").Resolve(c => c.Source.Evidence.OrderBy(e => e.AddedAt).ToList());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("rootCause").Description("The 5 whys.").Resolve(c => c.Source.RootCause);
        complaint.Field<ResponsibilityType>("responsibility").Resolve(c => c.Source.Responsibility);
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyType>>>>("remedyOptions").Description("What the responsibility allows (SPEC §2.6).").Resolve(c => c.Source.RemedyOptions);
        complaint.Field<PlanType>("plan").Resolve(c => c.Source.PlanRevision == 0 ? null : c.Source);
        complaint.Field<AnalysisReportType>("analysisReport").Description("The analysis report its policy asks for at its grade, once written (seed 002).").Resolve(c => c.Source.AnalysisReport);
        complaint.Field<CallbackType>("callback").Description("The latest callback.").Resolve(c => c.Source.LastCallback);
        complaint.Field<StringGraphType>("escalatedTo").Description("The role it was last escalated to: by a person, at intake for its grade, or by a clock's warning or breach.").Resolve(c => c.Source.EscalatedToRole);
        complaint.Field<NonNullGraphType<IntGraphType>>("reopenCount").Resolve(c => c.Source.ReopenCount);
        complaint.Field<DateTimeGraphType>("resolvedAt").Resolve(c => c.Source.ResolvedAt?.ToDateTimeUtc());
        complaint.Field<DateTimeGraphType>("archivedAt").Description("Set when closed; archived complaints are kept, never deleted.").Resolve(c => c.Source.ArchivedAt?.ToDateTimeUtc());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintNoteType>>>>("notes").Resolve(c => c.Source.Notes.OrderBy(n => n.At).ToList());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintActionType>>>>("allowedActions")
            .Description("The lifecycle mutations the signed-in user may run on the complaint now, by its state and their roles; the input is checked when they run.")
            .ResolveAsync(async c => (await c.Service<AllowedActions>().ForAsync(c.Source, c.CancellationToken)).Where(p => p.Refusal is null).Select(p => p.Action).ToList());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RefusedActionType>>>>("refusedActions")
            .Description("The other lifecycle mutations, each with the error code and message the API would answer now: FORBIDDEN where the state allows it but not for this user.")
            .ResolveAsync(async c => (await c.Service<AllowedActions>().ForAsync(c.Source, c.CancellationToken)).Where(p => p.Refusal is not null).ToList());
    }
}

public sealed class RefusedActionType : ObjectGraphType<ActionCheck>
{
    public RefusedActionType()
    {
        Name = "RefusedAction";
        Field<NonNullGraphType<ComplaintActionType>>("action").Resolve(c => c.Source.Action);
        Field<NonNullGraphType<StringGraphType>>("code").Description("As extensions.code: FORBIDDEN, INVALID_TRANSITION…").Resolve(c => ClientErrors.Code(c.Source.Refusal!.Code));
        Field<NonNullGraphType<StringGraphType>>("message").Resolve(c => c.Source.Refusal!.Message);
    }
}

public sealed class ComplaintActionType : EnumerationGraphType<ComplaintAction>
{
    public ComplaintActionType()
    {
        Name = "ComplaintAction";
        Description = "A lifecycle mutation: ACKNOWLEDGE is acknowledgeComplaint, ASSIGN assignComplaint, HAND_OVER handOverComplaint, REGRADE gradeComplaint, "
            + "RESOLVE resolveComplaint, REOPEN reopenComplaint, CLOSE closeComplaint, ESCALATE escalateComplaint, WITHDRAW withdrawComplaint; the others are the mutation's own name.";
    }
}

public sealed class UrgencyType : ObjectGraphType<UrgencyFlags>
{
    public UrgencyType()
    {
        Name = "Urgency";
        Field<NonNullGraphType<BooleanGraphType>>("safetyHazard").Resolve(c => c.Source.SafetyHazard);
        Field<NonNullGraphType<BooleanGraphType>>("majorServiceFailure").Resolve(c => c.Source.MajorServiceFailure);
        Field<NonNullGraphType<BooleanGraphType>>("angryCustomer").Resolve(c => c.Source.AngryCustomer);
        Field<NonNullGraphType<BooleanGraphType>>("urgent").Resolve(c => c.Source.Any);
    }
}

public sealed class EvidenceItemType : ObjectGraphType<EvidenceItem>
{
    public EvidenceItemType()
    {
        Name = "EvidenceItem";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<EvidenceKindType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<BooleanGraphType>>("customerConsent").Resolve(c => c.Source.CustomerConsent);
        Field<StringGraphType>("fileName").Resolve(c => c.Source.FileName);
        Field<StringGraphType>("contentType").Resolve(c => c.Source.ContentType);
        Field<IntGraphType>("fileSize").Resolve(c => c.Source.FileSize);
        Field<IdGraphType>("addedBy").Description("Null when the customer sent it.").Resolve(c => c.Source.AddedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("addedAt").Resolve(c => c.Source.AddedAt.ToDateTimeUtc());
        Field<OnSiteCheckType>("onSite").Description("For an ON_SITE_CHECK: who was on site, when and where.").Resolve(c => c.Source.Kind == EvidenceKind.OnSiteCheck ? c.Source : null);
    }
}

public sealed class OnSiteCheckType : ObjectGraphType<EvidenceItem>
{
    public OnSiteCheckType()
    {
        Name = "OnSiteCheck";
        Field<NonNullGraphType<IdGraphType>>("checkedBy").Resolve(c => c.Source.OnSiteCheckedBy);
        Field<NonNullGraphType<DateTimeGraphType>>("checkedAt").Resolve(c => c.Source.OnSiteCheckedAt?.ToDateTimeUtc());
        Field<NonNullGraphType<StringGraphType>>("location").Resolve(c => c.Source.OnSiteLocation);
        Field<NonNullGraphType<BooleanGraphType>>("customerConfirmed").Description("The customer signed the on-site check record.").Resolve(c => c.Source.OnSiteCustomerConfirmed);
    }
}

/// <summary>The current plan revision, read off the complaint.</summary>
public sealed class PlanType : ObjectGraphType<Complaint>
{
    public PlanType()
    {
        Name = "Plan";
        Field<NonNullGraphType<IntGraphType>>("revision").Resolve(c => c.Source.PlanRevision);
        Field<NonNullGraphType<StringGraphType>>("shortTermMeasures").Resolve(c => c.Source.ShortTermMeasures);
        Field<StringGraphType>("longTermMeasures").Resolve(c => c.Source.LongTermMeasures);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyType>>>>("remedies").Resolve(c => c.Source.Remedies);
        Field<DecimalGraphType>("compensation").Resolve(c => c.Source.Compensation);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanApprovalType>>>>("reviews").Description("Reviews before approval (seed 002's 审核).").Resolve(c => c.Source.Reviews);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanApprovalType>>>>("approvals").Resolve(c => c.Source.Approvals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<OutstandingApprovalType>>>>("outstandingApprovals")
            .Description("The approvals a proposed plan still needs, all jointly, each from a different person; empty once approved.")
            .ResolveAsync(async c => await c.Service<AllowedActions>().OutstandingApprovalsAsync(c.Source, c.CancellationToken));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanTaskType>>>>("tasks").Resolve(c => c.Source.CurrentTasks.OrderBy(t => t.DueAt).ToList());
    }
}

public sealed class PlanApprovalType : ObjectGraphType<PlanApproval>
{
    public PlanApprovalType()
    {
        Name = "PlanApproval";
        Field<NonNullGraphType<StringGraphType>>("role").Description("The role the approver acted in.").Resolve(c => c.Source.ActedAs ?? c.Source.Role);
        Field<NonNullGraphType<StringGraphType>>("requiredRole")
            .Description("The role the policy requires whose approval this is: the same, or one below when the compensation was above its authority.")
            .Resolve(c => c.Source.Role);
        Field<NonNullGraphType<IdGraphType>>("userId").Resolve(c => c.Source.UserId);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
    }
}

public sealed class AnalysisReportType : ObjectGraphType<AnalysisReport>
{
    public AnalysisReportType()
    {
        Name = "AnalysisReport";
        Field<NonNullGraphType<StringGraphType>>("cause").Resolve(c => c.Source.Cause);
        Field<NonNullGraphType<StringGraphType>>("fix").Resolve(c => c.Source.Fix);
        Field<NonNullGraphType<IdGraphType>>("writtenBy").Resolve(c => c.Source.WrittenBy);
        Field<NonNullGraphType<DateTimeGraphType>>("writtenAt").Resolve(c => c.Source.WrittenAt.ToDateTimeUtc());
        Field<StringGraphType>("auditResult").Resolve(c => c.Source.Audit?.Result);
        Field<BooleanGraphType>("fixEffective").Resolve(c => c.Source.Audit?.FixEffective);
        Field<IdGraphType>("auditedBy").Resolve(c => c.Source.Audit?.AuditedBy);
        Field<DateTimeGraphType>("auditedAt").Resolve(c => c.Source.Audit?.AuditedAt.ToDateTimeUtc());
    }
}

public sealed class OutstandingApprovalType : ObjectGraphType<ApprovalSlot>
{
    public OutstandingApprovalType()
    {
        Name = "OutstandingApproval";
        Field<NonNullGraphType<StringGraphType>>("role").Description("The role the policy requires for the grade.").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("acceptedRoles")
            .Description("Who may give it: the role itself, or the roles above it whose compensation authority covers the plan's; empty when none does.")
            .Resolve(c => c.Source.AcceptedRoles);
        Field<StringGraphType>("aboveAuthority").Description("Why the role itself may not give it: the compensation is above its authority.").Resolve(c => c.Source.AboveAuthority);
    }
}

public sealed class PlanTaskType : ObjectGraphType<PlanTask>
{
    public PlanTaskType()
    {
        Name = "PlanTask";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("department").Resolve(c => c.Source.Department);
        Field<IdGraphType>("ownerId").Resolve(c => c.Source.OwnerId);
        Field<NonNullGraphType<DateTimeGraphType>>("dueAt").Resolve(c => c.Source.DueAt.ToDateTimeUtc());
        Field<NonNullGraphType<IntGraphType>>("progress").Resolve(c => c.Source.Progress);
        Field<NonNullGraphType<BooleanGraphType>>("done").Resolve(c => c.Source.Done);
        Field<StringGraphType>("lastNote").Resolve(c => c.Source.LastNote);
    }
}

public sealed class CallbackType : ObjectGraphType<CallbackRecord>
{
    public CallbackType()
    {
        Name = "Callback";
        Field<NonNullGraphType<IntGraphType>>("overall").Resolve(c => c.Source.Satisfaction.Overall);
        Field<NonNullGraphType<IntGraphType>>("attitude").Resolve(c => c.Source.Satisfaction.Attitude);
        Field<NonNullGraphType<IntGraphType>>("speed").Resolve(c => c.Source.Satisfaction.Speed);
        Field<NonNullGraphType<IntGraphType>>("professionalism").Resolve(c => c.Source.Satisfaction.Professionalism);
        Field<NonNullGraphType<IntGraphType>>("outcome").Resolve(c => c.Source.Satisfaction.Outcome);
        Field<StringGraphType>("comment").Resolve(c => c.Source.Satisfaction.Comment);
        Field<IdGraphType>("byId").Description("Who called back; null when the customer answered the survey online (answerSurveyAsCustomer).").Resolve(c => c.Source.ById);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
    }
}

public sealed class ComplaintNoteType : ObjectGraphType<ComplaintNote>
{
    public ComplaintNoteType()
    {
        Name = "ComplaintNote";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("text").Resolve(c => c.Source.Text);
        Field<NonNullGraphType<NoteVisibilityType>>("visibility").Resolve(c => c.Source.Visibility);
        Field<IdGraphType>("authorId").Description("Null when the customer wrote it.").Resolve(c => c.Source.AuthorId);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
    }
}

using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Complaints.Lifecycle;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Application.Users;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Domain.Complaints.Lifecycle;
using GraphQL;
using GraphQL.Types;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL.Lifecycle;

/// <summary>One mutation per lifecycle operation, each with one input and returning the complaint (issue 3).</summary>
public static class LifecycleMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        Add(mutation, "acknowledgeComplaint", "RECEIVED → ACKNOWLEDGED.", _ => { },
            (c, i, id) => c.Service<AcknowledgeComplaintHandler>().HandleAsync(id, c.CancellationToken));
        Add(mutation, "assignComplaint", "The first responder takes it (ownerId omitted: the caller); they own it until a handover.",
            t => t.Field<IdGraphType>("ownerId"),
            (c, i, id) => c.Service<AssignComplaintHandler>().HandleAsync(id, i.OwnerId is null ? null : LifecycleInput.Id(i.OwnerId, "input.ownerId"), c.CancellationToken));
        Add(mutation, "handOverComplaint", "A formal handover to another owner, with a reason. The owner or a tenant admin.",
            t => { t.Field<NonNullGraphType<IdGraphType>>("newOwnerId"); Reason(t); },
            (c, i, id) => c.Service<HandOverComplaintHandler>().HandleAsync(id, LifecycleInput.Id(i.NewOwnerId, "input.newOwnerId"), i.Reason!, c.CancellationToken));
        Add(mutation, "gradeComplaint", "Manual grade override with a reason, among the grades of the complaint's policy version; audited.",
            t => { t.Field<NonNullGraphType<StringGraphType>>("gradeCode"); Reason(t); },
            (c, i, id) => c.Service<GradeComplaintHandler>().HandleAsync(id, i.GradeCode!, i.Reason!, c.CancellationToken));
        Add(mutation, "recordInvestigation", "Evidence (files up to 10 MB, kept in PostgreSQL) and the root cause as up to five whys.",
            t =>
            {
                t.Field<ListGraphType<NonNullGraphType<EvidenceInputType>>>("evidence");
                t.Field<ListGraphType<NonNullGraphType<StringGraphType>>>("rootCause").Description("The 5 whys, first to last.");
            },
            (c, i, id) => c.Service<RecordInvestigationHandler>().HandleAsync(id, [.. (i.Evidence ?? []).Select(ToDraft)], i.RootCause, c.CancellationToken));
        Add(mutation, "decideResponsibility", "Company, customer, third party or force majeure; it opens the remedy options (SPEC §2.6).",
            t => { t.Field<NonNullGraphType<ResponsibilityType>>("responsibility"); Reason(t); },
            (c, i, id) => c.Service<DecideResponsibilityHandler>().HandleAsync(id, i.Responsibility, i.Reason!, c.CancellationToken));
        Add(mutation, "proposePlan", "Short- and long-term measures, remedies among the options, compensation, tasks per department.",
            t =>
            {
                t.Field<NonNullGraphType<StringGraphType>>("shortTermMeasures");
                t.Field<StringGraphType>("longTermMeasures");
                t.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyType>>>>("remedies");
                t.Field<DecimalGraphType>("compensation");
                t.Field<ListGraphType<NonNullGraphType<PlanTaskInputType>>>("tasks");
            },
            (c, i, id) => c.Service<ProposePlanHandler>().HandleAsync(
                new ProposePlanCommand(id, i.ShortTermMeasures!, i.LongTermMeasures, i.Remedies ?? [], i.Compensation, [.. (i.Tasks ?? []).Select(ToDraft)]),
                c.CancellationToken));
        Add(mutation, "approvePlan", "By a holder of a role the policy requires for the grade, all jointly; compensation above the role's authority needs the role above.",
            _ => { }, (c, i, id) => c.Service<ApprovePlanHandler>().HandleAsync(id, c.CancellationToken));
        Add(mutation, "reviewPlan", "By a holder of a role the policy names to review the plan (seed 002: the unit leader), before it is approved.",
            _ => { }, (c, i, id) => c.Service<ReviewPlanHandler>().HandleAsync(id, c.CancellationToken));
        Add(mutation, "rejectPlan", "An approver sends the plan back to be redone.", Reason,
            (c, i, id) => c.Service<RejectPlanHandler>().HandleAsync(id, i.Reason!, c.CancellationToken));
        Add(mutation, "notifyCustomer", "Tells the customer the approved plan.",
            t => t.Field<NonNullGraphType<StringGraphType>>("message"),
            (c, i, id) => c.Service<NotifyCustomerHandler>().HandleAsync(id, i.Message!, c.CancellationToken));
        Add(mutation, "recordCustomerConfirmation", "The customer accepts the plan, or declines it and it is redone.",
            t => { t.Field<NonNullGraphType<BooleanGraphType>>("accepted"); t.Field<StringGraphType>("note"); },
            (c, i, id) => c.Service<RecordCustomerConfirmationHandler>().HandleAsync(id, i.Accepted, i.Note, c.CancellationToken));
        Add(mutation, "updateTask", "Progress (0–100) or done on a task of the current plan.",
            t =>
            {
                t.Field<NonNullGraphType<IdGraphType>>("taskId");
                t.Field<IntGraphType>("progress").Description("Percent done; unchanged when omitted.");
                t.Field<BooleanGraphType>("done").DefaultValue(false);
                t.Field<StringGraphType>("note");
            },
            (c, i, id) => c.Service<UpdateTaskHandler>().HandleAsync(id, LifecycleInput.Id(i.TaskId, "input.taskId"), i.Progress, i.Done, i.Note, c.CancellationToken));
        Add(mutation, "resolveComplaint", "Every task of the plan done.",
            t => t.Field<NonNullGraphType<StringGraphType>>("summary"),
            (c, i, id) => c.Service<ResolveComplaintHandler>().HandleAsync(id, i.Summary!, c.CancellationToken));
        Add(mutation, "recordCallback", "Satisfaction 1–5, by someone who did not handle it; overall 2 or less reopens it one grade higher.",
            t =>
            {
                foreach (var score in (string[])["overall", "attitude", "speed", "professionalism", "outcome"])
                {
                    t.Field<NonNullGraphType<IntGraphType>>(score);
                }

                t.Field<StringGraphType>("comment");
            },
            (c, i, id) => c.Service<RecordCallbackHandler>().HandleAsync(
                id, new Satisfaction(i.Overall, i.Attitude, i.Speed, i.Professionalism, i.Outcome, i.Comment), c.CancellationToken));
        Add(mutation, "reopenComplaint", "Reopens a resolved complaint one grade higher, for a new owner.", Reason,
            (c, i, id) => c.Service<ReopenComplaintHandler>().HandleAsync(id, i.Reason!, c.CancellationToken));
        Add(mutation, "writeAnalysisReport", "Once resolved: the cause and the fix, by the role the policy names for the grade (seed 002: the CS centre after a serious or major complaint); rewritable until audited.",
            t => { t.Field<NonNullGraphType<StringGraphType>>("cause"); t.Field<NonNullGraphType<StringGraphType>>("fix"); },
            (c, i, id) => c.Service<WriteAnalysisReportHandler>().HandleAsync(id, i.Cause!, i.Fix!, c.CancellationToken));
        Add(mutation, "auditAnalysisReport", "Whether the analysis report's fix was carried out and took effect, once, by the same role.",
            t => { t.Field<NonNullGraphType<StringGraphType>>("result"); t.Field<NonNullGraphType<BooleanGraphType>>("fixEffective"); },
            (c, i, id) => c.Service<AuditAnalysisReportHandler>().HandleAsync(id, i.Result!, i.FixEffective, c.CancellationToken));
        Add(mutation, "closeComplaint", "Closes and archives; nothing is deleted.", _ => { },
            (c, i, id) => c.Service<CloseComplaintHandler>().HandleAsync(id, c.CancellationToken));
        Add(mutation, "escalateComplaint", "Escalates to a role of the complaint's policy; audited.",
            t => { t.Field<NonNullGraphType<StringGraphType>>("toRole"); Reason(t); },
            (c, i, id) => c.Service<EscalateComplaintHandler>().HandleAsync(id, i.ToRole!, i.Reason!, c.CancellationToken));
        Add(mutation, "withdrawComplaint", "The customer withdraws it before it is resolved.", Reason,
            (c, i, id) => c.Service<WithdrawComplaintHandler>().HandleAsync(id, i.Reason!, c.CancellationToken));
        Add(mutation, "addNote", "A note, internal or customer-visible; corrections to the verbatim description are notes.",
            t => { t.Field<NonNullGraphType<StringGraphType>>("text"); t.Field<NoteVisibilityType>("visibility").DefaultValue(NoteVisibility.Internal); },
            (c, i, id) => c.Service<AddNoteHandler>().HandleAsync(id, i.Text!, i.Visibility, c.CancellationToken));

        mutation.Field<NonNullGraphType<UserType>>("createUser")
            .Description("A tenant admin adds a user with roles: platform roles or the policy's.")
            .Argument<NonNullGraphType<CreateUserInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<CreateUserInput>("input");
                return await c.Service<CreateUserHandler>().HandleAsync(new CreateUserCommand(input.Email, input.Password, input.Roles), c.CancellationToken);
            });
        mutation.Field<NonNullGraphType<TenantType>>("updateLifecycleSettings")
            .Description("Duplicate-check window (days) and retention (years, at least 2). Tenant admins only.")
            .Argument<NonNullGraphType<UpdateLifecycleSettingsInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<UpdateLifecycleSettingsInput>("input");
                return await c.Service<UpdateLifecycleSettingsHandler>().HandleAsync(input.DuplicateWindowDays, input.RetentionYears, c.CancellationToken);
            });
    }

    private static void Add(
        ObjectGraphType mutation,
        string name,
        string description,
        Action<InputObjectGraphType<LifecycleInput>> fields,
        Func<IResolveFieldContext, LifecycleInput, Guid, Task<Complaint>> resolve)
    {
        var input = new InputObjectGraphType<LifecycleInput> { Name = char.ToUpperInvariant(name[0]) + name[1..] + "Input" };
        input.Field<NonNullGraphType<IdGraphType>>("complaintId");
        fields(input);
        mutation.Field<NonNullGraphType<ComplaintType>>(name)
            .Description(description)
            .Argument(new NonNullGraphType(input), "input")
            .ResolveAsync(async c =>
            {
                var values = c.GetArgument<LifecycleInput>("input");
                // An id that is not ours names no complaint: NOT_FOUND, as for another tenant's.
                var id = Guid.TryParse(values.ComplaintId, out var parsed) ? parsed : throw new DomainException(ErrorCode.NotFound, "There is no such complaint.");
                return await ComplaintWork.RetryLostRacesAsync(() => resolve(c, values, id));
            });
    }

    private static void Reason(InputObjectGraphType<LifecycleInput> input) => input.Field<NonNullGraphType<StringGraphType>>("reason");

    private static EvidenceDraft ToDraft(EvidenceInput input, int index)
    {
        var file = input.FileBase64 is { } base64
            ? FileUploads.Decode(input.FileName, input.ContentType, base64, $"input.evidence[{index}].fileBase64")
            : null;
        return new EvidenceDraft(input.Kind, input.Text, input.CustomerConsent, file)
        {
            OnSite = input.OnSite is { } onSite
                ? new OnSiteCheckDraft(
                    LifecycleInput.Id(onSite.CheckedBy, $"input.evidence[{index}].onSite.checkedBy"),
                    Instant.FromDateTimeUtc(onSite.CheckedAt.ToUniversalTime()),
                    onSite.Location,
                    onSite.CustomerConfirmed)
                : null,
        };
    }

    private static PlanTaskDraft ToDraft(PlanTaskInput input, int index) => new(
        input.Title,
        input.Department,
        input.OwnerId is null ? null : LifecycleInput.Id(input.OwnerId, $"input.tasks[{index}].ownerId"),
        Instant.FromDateTimeUtc(input.DueAt.ToUniversalTime()));
}

public sealed class CreateUserInput
{
    public string Email { get; init; } = "";
    public string Password { get; init; } = "";
    public IReadOnlyList<string> Roles { get; init; } = [];
}

public sealed class CreateUserInputType : InputObjectGraphType<CreateUserInput>
{
    public CreateUserInputType()
    {
        Name = "CreateUserInput";
        Field<NonNullGraphType<StringGraphType>>("email");
        Field<NonNullGraphType<StringGraphType>>("password");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("roles").Description("e.g. [\"CS_SUPERVISOR\"] or [\"AGENT\"].");
    }
}

public sealed class UpdateLifecycleSettingsInput
{
    public int DuplicateWindowDays { get; init; }
    public int RetentionYears { get; init; }
}

public sealed class UpdateLifecycleSettingsInputType : InputObjectGraphType<UpdateLifecycleSettingsInput>
{
    public UpdateLifecycleSettingsInputType()
    {
        Name = "UpdateLifecycleSettingsInput";
        Field<NonNullGraphType<IntGraphType>>("duplicateWindowDays").Description("Default 30.");
        Field<NonNullGraphType<IntGraphType>>("retentionYears").Description("At least 2.");
    }
}

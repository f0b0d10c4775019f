using ComplaintCloud.Api.GraphQL.Lifecycle;
using ComplaintCloud.Api.GraphQL.Reports;
using ComplaintCloud.Application.PreventiveMeasures;
using ComplaintCloud.Application.Reports;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.PreventiveMeasures;
using GraphQL;
using GraphQL.Types;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL.PreventiveMeasures;

/// <summary>Preventive measures against the report's recurring problems (issue 8): record, sign off, follow up, list.</summary>
public static class PreventiveMeasureFields
{
    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<PreventiveMeasureType>>("recordPreventiveMeasure")
            .Description("Proposes a measure against a category or root cause that complaints received in the period show, with its owner and due date.")
            .Argument<NonNullGraphType<RecordPreventiveMeasureInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<RecordPreventiveMeasureInput>("input");
                return await c.Service<RecordPreventiveMeasureHandler>().HandleAsync(
                    new RecordPreventiveMeasureCommand(
                        input.ProblemKind, input.ProblemKey, input.Period, input.Measure, LifecycleInput.Id(input.OwnerId, "input.ownerId"), LocalDate.FromDateTime(input.DueOn)),
                    c.CancellationToken);
            });

        mutation.Field<NonNullGraphType<PreventiveMeasureType>>("signOffPreventiveMeasure")
            .Description("Leadership signs a proposed measure off: a holder of a role the tenant's policy requires to approve its highest grade.")
            .Argument<NonNullGraphType<SignOffPreventiveMeasureInputType>>("input")
            .ResolveAsync(async c => await c.Service<SignOffPreventiveMeasureHandler>().HandleAsync(
                MeasureId(c.GetArgument<SignOffPreventiveMeasureInput>("input").MeasureId), c.CancellationToken));

        mutation.Field<NonNullGraphType<PreventiveMeasureType>>("followUpPreventiveMeasure")
            .Description("The owner or leadership reports progress on a signed-off measure (IN_PROGRESS), or that it is done (DONE).")
            .Argument<NonNullGraphType<FollowUpPreventiveMeasureInputType>>("input")
            .ResolveAsync(async c =>
            {
                var input = c.GetArgument<FollowUpPreventiveMeasureInput>("input");
                return await c.Service<FollowUpPreventiveMeasureHandler>().HandleAsync(MeasureId(input.MeasureId), input.Note, input.Done, c.CancellationToken);
            });
    }

    public static void AddTo(QueryType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PreventiveMeasureType>>>>("preventiveMeasures")
            .Description("The tenant's preventive measures, oldest first; only those in the status when one is given.")
            .Argument<MeasureStatusType>("status")
            .ResolveAsync(async c => await c.Service<PreventiveMeasureQueries>().ListAsync(c.GetArgument<MeasureStatus?>("status"), c.CancellationToken));
    }

    // An id this API never gave out names no measure.
    private static Guid MeasureId(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new DomainException(ErrorCode.NotFound, "There is no such preventive measure.");
}

public sealed class ProblemKindType : EnumerationGraphType<ProblemKind>;

public sealed class MeasureStatusType : EnumerationGraphType<MeasureStatus>;

public sealed class RecordPreventiveMeasureInput
{
    public ProblemKind ProblemKind { get; init; }
    public string ProblemKey { get; init; } = "";
    public ReportPeriodInput Period { get; init; } = new();
    public string Measure { get; init; } = "";
    public string OwnerId { get; init; } = "";
    public DateTime DueOn { get; init; }
}

public sealed class RecordPreventiveMeasureInputType : InputObjectGraphType<RecordPreventiveMeasureInput>
{
    public RecordPreventiveMeasureInputType()
    {
        Name = "RecordPreventiveMeasureInput";
        Field<NonNullGraphType<ProblemKindType>>("problemKind");
        Field<NonNullGraphType<StringGraphType>>("problemKey").Description("A key of the report's topCategories or topRootCauses for the period.");
        Field<NonNullGraphType<ReportPeriodInputType>>("period").Description("The report period the problem was seen in.");
        Field<NonNullGraphType<StringGraphType>>("measure").Description("What will be done so that it does not recur.");
        Field<NonNullGraphType<IdGraphType>>("ownerId").Description("The user of the tenant who sees it done.");
        Field<NonNullGraphType<DateGraphType>>("dueOn").Description("A day in the tenant's time zone, today or later.");
    }
}

public sealed class SignOffPreventiveMeasureInput
{
    public string MeasureId { get; init; } = "";
}

public sealed class SignOffPreventiveMeasureInputType : InputObjectGraphType<SignOffPreventiveMeasureInput>
{
    public SignOffPreventiveMeasureInputType()
    {
        Name = "SignOffPreventiveMeasureInput";
        Field<NonNullGraphType<IdGraphType>>("measureId");
    }
}

public sealed class FollowUpPreventiveMeasureInput
{
    public string MeasureId { get; init; } = "";
    public string Note { get; init; } = "";
    public bool Done { get; init; }
}

public sealed class FollowUpPreventiveMeasureInputType : InputObjectGraphType<FollowUpPreventiveMeasureInput>
{
    public FollowUpPreventiveMeasureInputType()
    {
        Name = "FollowUpPreventiveMeasureInput";
        Field<NonNullGraphType<IdGraphType>>("measureId");
        Field<NonNullGraphType<StringGraphType>>("note").Description("The progress, or how it was done.");
        Field<BooleanGraphType>("done").DefaultValue(false).Description("The measure is done; nothing follows it.");
    }
}

public sealed class PreventiveMeasureType : ObjectGraphType<PreventiveMeasure>
{
    public PreventiveMeasureType()
    {
        Name = "PreventiveMeasure";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<ProblemKindType>>("problemKind").Resolve(c => c.Source.ProblemKind);
        Field<NonNullGraphType<StringGraphType>>("problemKey").Resolve(c => c.Source.ProblemKey);
        Field<NonNullGraphType<DateGraphType>>("raisedFrom").Description("The report period the problem was seen in: first day.").Resolve(c => c.Source.RaisedFrom.ToDateTimeUnspecified());
        Field<NonNullGraphType<DateGraphType>>("raisedTo").Description("Its last day, included.").Resolve(c => c.Source.RaisedTo.ToDateTimeUnspecified());
        Field<NonNullGraphType<StringGraphType>>("measure").Resolve(c => c.Source.Measure);
        Field<NonNullGraphType<IdGraphType>>("ownerId").Resolve(c => c.Source.OwnerId);
        Field<NonNullGraphType<DateGraphType>>("dueOn").Resolve(c => c.Source.DueOn.ToDateTimeUnspecified());
        Field<NonNullGraphType<MeasureStatusType>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IdGraphType>>("recordedById").Resolve(c => c.Source.RecordedById);
        Field<NonNullGraphType<DateTimeGraphType>>("recordedAt").Resolve(c => c.Source.RecordedAt.ToDateTimeUtc());
        Field<IdGraphType>("signedOffById").Resolve(c => c.Source.SignedOffById);
        Field<DateTimeGraphType>("signedOffAt").Resolve(c => c.Source.SignedOffAt?.ToDateTimeUtc());
        Field<StringGraphType>("signedOffAs").Description("The leadership role the sign-off was given in.").Resolve(c => c.Source.SignedOffAs);
        Field<DateTimeGraphType>("doneAt").Resolve(c => c.Source.DoneAt?.ToDateTimeUtc());
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MeasureFollowUpType>>>>("followUps").Description("Oldest first.").Resolve(c => c.Source.FollowUps);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PreventiveMeasureEventType>>>>("history")
            .Description("The append-only audit trail.")
            .ResolveAsync(async c => await c.Service<PreventiveMeasureQueries>().HistoryAsync(c.Source.Id, c.CancellationToken));
    }
}

public sealed class MeasureFollowUpType : ObjectGraphType<MeasureFollowUp>
{
    public MeasureFollowUpType()
    {
        Name = "MeasureFollowUp";
        Field<NonNullGraphType<IdGraphType>>("byId").Resolve(c => c.Source.ById);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
        Field<NonNullGraphType<StringGraphType>>("note").Resolve(c => c.Source.Note);
        Field<NonNullGraphType<MeasureStatusType>>("status").Description("The status it left the measure in.").Resolve(c => c.Source.Status);
    }
}

public sealed class PreventiveMeasureEventType : ObjectGraphType<PreventiveMeasureEvent>
{
    public PreventiveMeasureEventType()
    {
        Name = "PreventiveMeasureEvent";
        Types.AuditEventFields.AddTo(this, t => t.Field<NonNullGraphType<IdGraphType>>("actorId").Resolve(c => c.Source.ActorId));
    }
}

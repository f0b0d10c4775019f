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
        complaint.Field<NonNullGraphType<UrgencyType>>("urgency").Resolve(c => c.Source.Urgency);
        complaint.Field<IdGraphType>("duplicateOf").Description("An earlier complaint of the same customer this one repeats; flagged, never merged.").Resolve(c => c.Source.DuplicateOfId);
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<EvidenceItemType>>>>("evidence").Resolve(c => c.Source.Evidence.OrderBy(e => e.AddedAt).ToList());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("rootCause").Description("The 5 whys.").Resolve(c => c.Source.RootCause);
        complaint.Field<ResponsibilityType>("responsibility").Resolve(c => c.Source.Responsibility);
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<RemedyType>>>>("remedyOptions").Description("What the responsibility allows (SPEC §2.6).").Resolve(c => c.Source.RemedyOptions);
        complaint.Field<PlanType>("plan").Resolve(c => c.Source.PlanRevision == 0 ? null : c.Source);
        complaint.Field<CallbackType>("callback").Description("The latest callback.").Resolve(c => c.Source.LastCallback);
        complaint.Field<StringGraphType>("escalatedTo").Description("The role it was last escalated to.").Resolve(c => c.Source.EscalatedToRole);
        complaint.Field<NonNullGraphType<IntGraphType>>("reopenCount").Resolve(c => c.Source.ReopenCount);
        complaint.Field<DateTimeGraphType>("resolvedAt").Resolve(c => c.Source.ResolvedAt?.ToDateTimeUtc());
        complaint.Field<DateTimeGraphType>("archivedAt").Description("Set when closed; archived complaints are kept, never deleted.").Resolve(c => c.Source.ArchivedAt?.ToDateTimeUtc());
        complaint.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ComplaintNoteType>>>>("notes").Resolve(c => c.Source.Notes.OrderBy(n => n.At).ToList());
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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanApprovalType>>>>("approvals").Resolve(c => c.Source.Approvals);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlanTaskType>>>>("tasks").Resolve(c => c.Source.CurrentTasks.OrderBy(t => t.DueAt).ToList());
    }
}

public sealed class PlanApprovalType : ObjectGraphType<PlanApproval>
{
    public PlanApprovalType()
    {
        Name = "PlanApproval";
        Field<NonNullGraphType<StringGraphType>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<IdGraphType>>("userId").Resolve(c => c.Source.UserId);
        Field<NonNullGraphType<DateTimeGraphType>>("at").Resolve(c => c.Source.At.ToDateTimeUtc());
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
        Field<NonNullGraphType<IdGraphType>>("byId").Resolve(c => c.Source.ById);
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

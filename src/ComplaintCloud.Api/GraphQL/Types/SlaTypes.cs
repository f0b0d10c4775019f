using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Infrastructure.Notifications;
using GraphQL;
using GraphQL.Types;

namespace ComplaintCloud.Api.GraphQL.Types;

/// <summary>The SLA side of a clock: time left and when it warned, breached, paused or was met.</summary>
public static class SlaClockFields
{
    public static void AddTo(ObjectGraphType<SlaClock> type)
    {
        ArgumentNullException.ThrowIfNull(type);
        type.Field<NonNullGraphType<IntGraphType>>("remainingSeconds")
            .Description("Time left in the clock's own measure (working time for business-hour and working-day clocks); negative once overdue, frozen while paused or met.")
            .ResolveAsync(async c => (int)(await c.Service<SlaBoard>().RemainingAsync(c.Source, c.CancellationToken)).TotalSeconds);
        type.Field<NonNullGraphType<BooleanGraphType>>("countsBusinessTime").Resolve(c => c.Source.CountsBusinessTime);
        type.Field<DateTimeGraphType>("warnedAt").Resolve(c => c.Source.WarnedAt?.ToDateTimeUtc());
        type.Field<DateTimeGraphType>("breachedAt").Resolve(c => c.Source.BreachedAt?.ToDateTimeUtc());
        type.Field<DateTimeGraphType>("pausedAt").Resolve(c => c.Source.PausedAt?.ToDateTimeUtc());
        type.Field<DateTimeGraphType>("metAt").Resolve(c => c.Source.MetAt?.ToDateTimeUtc());
        type.Field<DateTimeGraphType>("stoppedAt").Description("When its purpose lapsed unmet (resolved, withdrawn, closed, reopened): it will never breach.").Resolve(c => c.Source.StoppedAt?.ToDateTimeUtc());
        type.Field<NonNullGraphType<IntGraphType>>("round").Description("The handling round: 0 from intake, n after the n-th reopen, which starts the grade's clocks again.").Resolve(c => c.Source.Round);
    }
}

public sealed class SlaBoardItemType : ObjectGraphType<SlaBoardItem>
{
    public SlaBoardItemType()
    {
        Name = "SlaBoardItem";
        Description = "A clock whose warning has come, or which is breached, with its complaint.";
        Field<NonNullGraphType<ComplaintType>>("complaint").Resolve(c => c.Source.Complaint);
        Field<NonNullGraphType<SlaClockType>>("clock").Resolve(c => c.Source.Clock);
        Field<NonNullGraphType<IntGraphType>>("remainingSeconds").Resolve(c => (int)c.Source.Remaining.TotalSeconds);
    }
}

/// <summary>The tenant's at-risk and breached clocks, least time left first.</summary>
public static class SlaBoardQuery
{
    public static void AddTo(ObjectGraphType query)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<SlaBoardItemType>>>>("slaBoard")
            .Description("Clocks at risk (warning reached) and breached, least time left first.")
            .Argument<IntGraphType>("first", $"At most {SlaBoard.MaxItems}; 50 when omitted.")
            .ResolveAsync(async c => await c.Service<SlaBoard>().AtRiskAsync(c.GetArgument<int?>("first"), c.CancellationToken));
    }
}

public sealed class ClockOccasionType : EnumerationGraphType<ClockOccasion>;

public sealed class ClockAlertType : ObjectGraphType<ClockAlertNotice>
{
    public ClockAlertType()
    {
        Name = "ClockAlert";
        Description = "A clock reached its warning threshold or was breached.";
        Field<NonNullGraphType<IdGraphType>>("complaintId").Resolve(c => c.Source.ComplaintId);
        Field<NonNullGraphType<IdGraphType>>("clockId").Resolve(c => c.Source.ClockId);
        Field<NonNullGraphType<StringGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<ClockOccasionType>>("occasion").Resolve(c => c.Source.Occasion);
        Field<NonNullGraphType<DateTimeGraphType>>("dueAt").Description("When the warning or breach was due.").Resolve(c => c.Source.DueAt.ToDateTimeUtc());
        Field<NonNullGraphType<DateTimeGraphType>>("at").Description("When it was handled.").Resolve(c => c.Source.At.ToDateTimeUtc());
    }
}

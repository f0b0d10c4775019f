using ComplaintCloud.Api.GraphQL.Types;
using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Tenants;
using GraphQL;
using GraphQL.Types;
using NodaTime;

namespace ComplaintCloud.Api.GraphQL;

/// <summary>The tenant's business calendar (issue 5): set it, and every open clock follows.</summary>
public static class CalendarFields
{
    public static void AddTo(MutationType mutation)
    {
        ArgumentNullException.ThrowIfNull(mutation);
        mutation.Field<NonNullGraphType<BusinessCalendarSavedType>>("saveBusinessCalendar")
            .Description("Sets the tenant's zone and business calendar and replans every open SLA clock on it, keeping the time already spent; says how many it replanned. Tenant admins only.")
            .Argument<NonNullGraphType<UpdateBusinessCalendarInputType>>("input")
            .ResolveAsync(async c => await SaveAsync(c));
        mutation.Field<NonNullGraphType<TenantType>>("updateBusinessCalendar")
            .Description("Sets the tenant's zone and business calendar and replans every open SLA clock on it, keeping the time already spent. Tenant admins only.")
            .DeprecationReason("Use saveBusinessCalendar, which also says how many open clocks were replanned.")
            .Argument<NonNullGraphType<UpdateBusinessCalendarInputType>>("input")
            .ResolveAsync(async c => (await SaveAsync(c)).Tenant);
    }

    private static Task<CalendarSaved> SaveAsync(IResolveFieldContext c)
    {
        var input = c.GetArgument<UpdateBusinessCalendarInput>("input");
        var settings = new TenantCalendarSettings(
            input.WorkingDays,
            [.. input.Hours.Select(h => new WorkingHours(Time(h.Start), Time(h.End)))],
            [.. input.Holidays.Select(LocalDate.FromDateTime)],
            [.. input.MakeUpWorkingDays.Select(LocalDate.FromDateTime)],
            input.IncludeChinaMainlandHolidays);
        return c.Service<UpdateBusinessCalendarHandler>().HandleAsync(input.TimeZone, settings, input.Ics, c.CancellationToken);
    }

    private static LocalTime Time(string text) =>
        TenantCalendarSettings.TimePattern.Parse(text) is { Success: true } parsed
            ? parsed.Value
            : throw new DomainException(ErrorCode.BadUserInput, $"'{text}' is not a time of day such as 09:00.", "input.hours");
}

public sealed class UpdateBusinessCalendarInput
{
    public string TimeZone { get; init; } = "";
    public List<IsoDayOfWeek> WorkingDays { get; init; } = [];
    public List<WorkingHoursInput> Hours { get; init; } = [];
    public List<DateTime> Holidays { get; init; } = [];
    public List<DateTime> MakeUpWorkingDays { get; init; } = [];
    public bool IncludeChinaMainlandHolidays { get; init; }
    public string? Ics { get; init; }
}

public sealed class WorkingHoursInput
{
    public string Start { get; init; } = "";
    public string End { get; init; } = "";
}

public sealed class UpdateBusinessCalendarInputType : InputObjectGraphType<UpdateBusinessCalendarInput>
{
    public UpdateBusinessCalendarInputType()
    {
        Name = "UpdateBusinessCalendarInput";
        Field<NonNullGraphType<StringGraphType>>("timeZone").Description("IANA zone, e.g. Asia/Shanghai.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayOfWeekType>>>>("workingDays");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkingHoursInputType>>>>("hours").Description("In order, not overlapping.");
        Field<ListGraphType<NonNullGraphType<DateGraphType>>>("holidays").DefaultValue(new List<DateTime>());
        Field<ListGraphType<NonNullGraphType<DateGraphType>>>("makeUpWorkingDays").DefaultValue(new List<DateTime>()).Description("Worked although not a working weekday.");
        Field<NonNullGraphType<BooleanGraphType>>("includeChinaMainlandHolidays").Description("Adds the shipped State Council holiday schedule.");
        Field<StringGraphType>("ics").Description("An iCalendar file whose all-day events become holidays.");
    }
}

public sealed class WorkingHoursInputType : InputObjectGraphType<WorkingHoursInput>
{
    public WorkingHoursInputType()
    {
        Name = "WorkingHoursInput";
        Field<NonNullGraphType<StringGraphType>>("start").Description("HH:mm, e.g. 09:00.");
        Field<NonNullGraphType<StringGraphType>>("end").Description("HH:mm; 00:00 runs to midnight.");
    }
}

public sealed class DayOfWeekType : EnumerationGraphType
{
    public DayOfWeekType()
    {
        Name = "DayOfWeek";
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            Add(day.ToString().ToUpperInvariant(), day);
        }
    }
}

public sealed class BusinessCalendarType : ObjectGraphType<TenantCalendarSettings>
{
    public BusinessCalendarType()
    {
        Name = "BusinessCalendar";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DayOfWeekType>>>>("workingDays").Resolve(c => c.Source.WorkingDays);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<WorkingHoursType>>>>("hours").Resolve(c => c.Source.Hours);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("holidays").Description("The tenant's own, imported ones included.")
            .Resolve(c => c.Source.Holidays.Select(d => d.ToDateTimeUnspecified()));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<DateGraphType>>>>("makeUpWorkingDays").Resolve(c => c.Source.MakeUpWorkingDays.Select(d => d.ToDateTimeUnspecified()));
        Field<NonNullGraphType<BooleanGraphType>>("includeChinaMainlandHolidays").Resolve(c => c.Source.IncludeChinaMainlandHolidays);
    }
}

public sealed class BusinessCalendarSavedType : ObjectGraphType<CalendarSaved>
{
    public BusinessCalendarSavedType()
    {
        Name = "BusinessCalendarSaved";
        Field<NonNullGraphType<TenantType>>("tenant").Resolve(c => c.Source.Tenant);
        Field<NonNullGraphType<IntGraphType>>("replannedClocks").Description("Open SLA clocks replanned on the new calendar.").Resolve(c => c.Source.ReplannedClocks);
    }
}

public sealed class WorkingHoursType : ObjectGraphType<WorkingHours>
{
    public WorkingHoursType()
    {
        Name = "WorkingHours";
        Field<NonNullGraphType<StringGraphType>>("start").Resolve(c => TenantCalendarSettings.TimePattern.Format(c.Source.Start));
        Field<NonNullGraphType<StringGraphType>>("end").Resolve(c => TenantCalendarSettings.TimePattern.Format(c.Source.End));
    }
}

using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>
/// A clock's times, worked out on the tenant's business calendar from the policy's rule. It also carries the
/// clock's measure (working or wall time) and budget (the time it allows, in that measure), which pausing and
/// regrading keep account of.
/// </summary>
public sealed record PlannedClock(
    string Kind,
    Instant StartedAt,
    Instant WarnAt,
    Instant DueAt,
    bool PausesWhileWaitingOnCustomer,
    bool CountsBusinessTime,
    NodaTime.Duration Budget,
    int WarningPercent)
{
    public static PlannedClock Plan(ClockRule rule, Instant start, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.Add(start, rule.Target);
        var measure = new ClockMeasure(MeasuresWorkingTime(rule), calendar);
        var budget = measure.Between(start, due);
        return new PlannedClock(
            rule.Kind,
            start,
            measure.Advance(start, budget * (rule.WarningPercent / 100.0)),
            due,
            rule.PausesWhileWaitingOnCustomer,
            measure.CountsBusinessTime,
            budget,
            rule.WarningPercent);
    }

    // Minutes and hours are wall time whatever the calendar; business hours and working days count working time only.
    private static bool MeasuresWorkingTime(ClockRule rule) => rule.Target.Unit is TimeUnit.BusinessHours or TimeUnit.WorkingDays;
}

/// <summary>How a clock counts time: wall time, or working time on the tenant's calendar.</summary>
internal readonly record struct ClockMeasure(bool CountsBusinessTime, BusinessCalendar Calendar)
{
    public NodaTime.Duration Between(Instant from, Instant to) =>
        CountsBusinessTime ? Calendar.BusinessTimeBetween(from, to) : to - from;

    /// <summary>The instant at which <paramref name="time"/> has been counted from <paramref name="from"/>; a
    /// negative amount (already overdue) is measured back in wall time, which only a report ever reads.</summary>
    public Instant Advance(Instant from, NodaTime.Duration time) =>
        CountsBusinessTime && time > NodaTime.Duration.Zero ? Calendar.AddBusinessTime(from, time) : from + time;
}

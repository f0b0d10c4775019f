using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Plugins.Abstractions;
using NodaTime;

namespace ComplaintCloud.Domain.Clocks;

/// <summary>A clock's times, worked out on the tenant's business calendar from the policy's rule.</summary>
public sealed record PlannedClock(string Kind, Instant StartedAt, Instant WarnAt, Instant DueAt, bool PausesWhileWaitingOnCustomer)
{
    public static PlannedClock Plan(ClockRule rule, Instant start, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        var due = calendar.Add(start, rule.Target);
        return new PlannedClock(rule.Kind, start, WarningInstant(rule, start, due, calendar), due, rule.PausesWhileWaitingOnCustomer);
    }

    // The warning falls at the rule's share of the clock's own time: business time for business clocks, wall time otherwise.
    private static Instant WarningInstant(ClockRule rule, Instant start, Instant due, BusinessCalendar calendar)
    {
        var share = rule.WarningPercent / 100.0;
        return rule.Target.Unit is TimeUnit.Minutes or TimeUnit.Hours
            ? start + (due - start) * share
            : calendar.AddBusinessTime(start, calendar.BusinessTimeBetween(start, due) * share);
    }
}

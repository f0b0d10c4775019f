using System.Collections.Concurrent;
using ComplaintCloud.Domain.Calendars;
using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>
/// The business calendar a tenant's clocks run on: its <see cref="TenantCalendarSettings"/> in its zone. Built once
/// per zone and settings value, since calendars are immutable and tenants on the defaults share them.
/// </summary>
public static class TenantCalendars
{
    private static readonly ConcurrentDictionary<(string TimeZone, TenantCalendarSettings Settings), BusinessCalendar> Cache = new();

    public static BusinessCalendar For(string timeZone, TenantCalendarSettings settings) =>
        Cache.GetOrAdd((timeZone, settings), static key => key.Settings.Build(DateTimeZoneProviders.Tzdb[key.TimeZone]));
}

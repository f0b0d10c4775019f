using System.Collections.Concurrent;
using ComplaintCloud.Domain.Calendars;
using NodaTime;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>
/// The business calendar a tenant's clocks run on: mainland China's official schedule for Asia/Shanghai, otherwise
/// Monday to Friday, 09:00–12:00 and 13:00–18:00 in the tenant's zone. Built once per zone; calendars are immutable.
/// </summary>
public static class TenantCalendars
{
    private static readonly ConcurrentDictionary<string, BusinessCalendar> Cache = new(StringComparer.Ordinal);

    public static BusinessCalendar For(string timeZone) => Cache.GetOrAdd(timeZone, Build);

    private static BusinessCalendar Build(string timeZone) =>
        timeZone == Tenant.DefaultTimeZone
            ? BusinessCalendar.ChinaMainland()
            : new BusinessCalendar(
                DateTimeZoneProviders.Tzdb[timeZone],
                [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
                [new WorkingHours(new LocalTime(9, 0), new LocalTime(12, 0)), new WorkingHours(new LocalTime(13, 0), new LocalTime(18, 0))],
                [],
                []);
}

using System.Text.Json;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Tenants;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Infrastructure.Data.Configurations;

/// <summary>A tenant's calendar settings as jsonb: times "HH:mm" and ISO dates, readable in psql.</summary>
internal static class CalendarSettingsColumn
{
    public static string ToJson(TenantCalendarSettings settings) => JsonSerializer.Serialize(new Stored(
        [.. settings.WorkingDays],
        [.. settings.Hours.Select(h => new StoredHours(TenantCalendarSettings.TimePattern.Format(h.Start), TenantCalendarSettings.TimePattern.Format(h.End)))],
        [.. settings.Holidays.Select(LocalDatePattern.Iso.Format)],
        [.. settings.MakeUpWorkingDays.Select(LocalDatePattern.Iso.Format)],
        settings.IncludeChinaMainlandHolidays));

    public static TenantCalendarSettings FromJson(string json)
    {
        var stored = JsonSerializer.Deserialize<Stored>(json) ?? throw new JsonException("A tenant's calendar settings are null.");
        return new TenantCalendarSettings(
            stored.WorkingDays,
            [.. stored.Hours.Select(h => new WorkingHours(TenantCalendarSettings.TimePattern.Parse(h.Start).Value, TenantCalendarSettings.TimePattern.Parse(h.End).Value))],
            [.. stored.Holidays.Select(d => LocalDatePattern.Iso.Parse(d).Value)],
            [.. stored.MakeUpWorkingDays.Select(d => LocalDatePattern.Iso.Parse(d).Value)],
            stored.IncludeChinaMainlandHolidays);
    }

    private sealed record Stored(
        IsoDayOfWeek[] WorkingDays, StoredHours[] Hours, string[] Holidays, string[] MakeUpWorkingDays, bool IncludeChinaMainlandHolidays);

    private sealed record StoredHours(string Start, string End);
}

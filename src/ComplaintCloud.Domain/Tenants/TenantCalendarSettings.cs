using System.Globalization;
using ComplaintCloud.Domain.Calendars;
using NodaTime;
using NodaTime.Text;

namespace ComplaintCloud.Domain.Tenants;

/// <summary>
/// A tenant's own business calendar, applied in its time zone: working days, working hours, its extra holidays and
/// make-up working days, and whether mainland China's shipped holiday schedule comes on top.
/// </summary>
/// <remarks>Equal by <see cref="Key"/>, so equal settings share one cached calendar however their lists are ordered.</remarks>
public sealed record TenantCalendarSettings(
    IReadOnlyList<IsoDayOfWeek> WorkingDays,
    IReadOnlyList<WorkingHours> Hours,
    IReadOnlyList<LocalDate> Holidays,
    IReadOnlyList<LocalDate> MakeUpWorkingDays,
    bool IncludeChinaMainlandHolidays)
{
    public static readonly LocalTimePattern TimePattern = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    /// <summary>What a tenant that never set its calendar runs on: Monday to Friday, 09:00–12:00 and 13:00–18:00,
    /// with China's holidays in Asia/Shanghai.</summary>
    public static TenantCalendarSettings DefaultFor(string timeZone) => new(
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday],
        [new WorkingHours(new LocalTime(9, 0), new LocalTime(12, 0)), new WorkingHours(new LocalTime(13, 0), new LocalTime(18, 0))],
        [],
        [],
        timeZone == Tenant.DefaultTimeZone);

    // Worked out once: each lookup of the tenant's calendar hashes and compares it, several times an intake.
    private string? _key;

    // A copy made by `with` changes a list, so it works its own key out.
    private TenantCalendarSettings(TenantCalendarSettings original)
    {
        WorkingDays = original.WorkingDays;
        Hours = original.Hours;
        Holidays = original.Holidays;
        MakeUpWorkingDays = original.MakeUpWorkingDays;
        IncludeChinaMainlandHolidays = original.IncludeChinaMainlandHolidays;
    }

    /// <summary>The settings as canonical text: working days and dates sorted and distinct, hours in order given.</summary>
    public string Key => _key ??= string.Join(
        '|',
        string.Join(',', WorkingDays.Distinct().Order()),
        string.Join(',', Hours.Select(h => TimePattern.Format(h.Start) + "-" + TimePattern.Format(h.End))),
        Dates(Holidays),
        Dates(MakeUpWorkingDays),
        IncludeChinaMainlandHolidays.ToString(CultureInfo.InvariantCulture));

    public bool Equals(TenantCalendarSettings? other) => other is not null && Key == other.Key;

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>The calendar in <paramref name="zone"/>; a <see cref="DomainException"/> names the bad setting.</summary>
    public BusinessCalendar Build(DateTimeZone zone) => new(
        zone,
        WorkingDays,
        Hours,
        IncludeChinaMainlandHolidays ? [.. ChinaHolidaySchedule.Holidays.Union(Holidays)] : Holidays,
        IncludeChinaMainlandHolidays ? [.. ChinaHolidaySchedule.MakeUpWorkingDays.Union(MakeUpWorkingDays)] : MakeUpWorkingDays);

    private static string Dates(IEnumerable<LocalDate> dates) =>
        string.Join(',', dates.Distinct().Order().Select(LocalDatePattern.Iso.Format));
}

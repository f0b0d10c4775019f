using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
using NodaTime;
using ContractDuration = ComplaintCloud.Plugins.Abstractions.Duration;
using Duration = NodaTime.Duration;

namespace ComplaintCloud.UnitTests.Calendars;

/// <summary>Calendars and instants the calendar tests share; every instant is fixed, none comes from a clock.</summary>
internal static class CalendarFixtures
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    public static readonly IsoDayOfWeek[] MondayToFriday =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    public static readonly IsoDayOfWeek[] EveryDay = [.. MondayToFriday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>09:00–12:00 and 13:00–18:00, with a lunch break.</summary>
    public static readonly WorkingHours[] OfficeHours = [Open(9, 12), Open(13, 18)];

    public static WorkingHours Open(int startHour, int endHour) =>
        new(new LocalTime(startHour, 0), endHour == 24 ? LocalTime.Midnight : new LocalTime(endHour, 0));

    /// <summary>Monday to Friday office hours in <paramref name="zone"/> (Shanghai by default).</summary>
    public static BusinessCalendar Office(
        DateTimeZone? zone = null, LocalDate[]? holidays = null, LocalDate[]? makeUpWorkingDays = null) =>
        new(zone ?? Shanghai, MondayToFriday, OfficeHours, holidays ?? [], makeUpWorkingDays ?? []);

    /// <summary>A desk staffed round the clock, every day.</summary>
    public static BusinessCalendar RoundTheClock(DateTimeZone zone) => EveryDayIn(zone, Open(0, 24));

    /// <summary>A desk open the same hours every day, weekends included.</summary>
    public static BusinessCalendar EveryDayIn(DateTimeZone zone, params WorkingHours[] hours) =>
        new(zone, EveryDay, hours, [], []);

    public static LocalDate Date(int year, int month, int day) => new(year, month, day);

    public static LocalDateTime Local(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute);

    /// <summary>The instant a wall clock in the calendar's zone shows that local time (which must exist).</summary>
    public static Instant At(this BusinessCalendar calendar, int year, int month, int day, int hour, int minute = 0) =>
        Local(year, month, day, hour, minute).InZoneStrictly(calendar.Zone).ToInstant();

    /// <summary>What a wall clock in the calendar's zone shows when <paramref name="target"/>, started when it
    /// showed <paramref name="start"/>, is due.</summary>
    public static LocalDateTime Due(this BusinessCalendar calendar, LocalDateTime start, ContractDuration target) =>
        calendar.Add(start.InZoneStrictly(calendar.Zone).ToInstant(), target).InZone(calendar.Zone).LocalDateTime;

    /// <summary>Working time between two wall-clock times of the calendar's zone.</summary>
    public static Duration Worked(this BusinessCalendar calendar, LocalDateTime from, LocalDateTime to) =>
        calendar.BusinessTimeBetween(from.InZoneStrictly(calendar.Zone).ToInstant(), to.InZoneStrictly(calendar.Zone).ToInstant());

    /// <summary>Asserts that <paramref name="act"/> is refused as bad user input naming <paramref name="field"/>.</summary>
    public static void AssertBadInput(string field, Action act)
    {
        var refusal = Assert.Throws<DomainException>(act);
        Assert.Equal(ErrorCode.BadUserInput, refusal.Code);
        Assert.Equal(field, refusal.Field);
    }
}

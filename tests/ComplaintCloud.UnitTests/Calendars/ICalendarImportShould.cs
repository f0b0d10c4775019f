using ComplaintCloud.Domain.Calendars;
using static ComplaintCloud.Plugins.Abstractions.Duration;
using static ComplaintCloud.UnitTests.Calendars.CalendarFixtures;

namespace ComplaintCloud.UnitTests.Calendars;

public sealed class ICalendarImportShould
{
    private static readonly BusinessCalendar Plain = Office();

    // Wraps VEVENT bodies in a calendar the way exporters do, with CRLF line ends.
    private static string Ics(params string[] events) =>
        string.Join("\r\n", ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//ComplaintCloud//Tests//EN", .. events, "END:VCALENDAR", ""]);

    private static string Event(string uid, params string[] properties) =>
        string.Join("\r\n", ["BEGIN:VEVENT", $"UID:{uid}", "DTSTAMP:20261101T000000Z", .. properties, "END:VEVENT"]);

    private static readonly string Christmas =
        Event("xmas", "DTSTART;VALUE=DATE:20261224", "DTEND;VALUE=DATE:20261227", "SUMMARY:Christmas");

    [Fact]
    public void ImportsAnAllDayEventAsAHoliday()
    {
        var calendar = Plain.WithHolidaysFromICalendar(Ics(Event("a", "DTSTART;VALUE=DATE:20261124", "SUMMARY:Founders' Day")));
        Assert.False(calendar.IsWorkingDay(Date(2026, 11, 24)));
    }

    [Fact]
    public void ImportsEveryDayOfAMultiDayEventButNotItsExclusiveEnd()
    {
        var calendar = Plain.WithHolidaysFromICalendar(Ics(Christmas));
        Assert.Equal([Date(2026, 12, 24), Date(2026, 12, 25), Date(2026, 12, 26)], calendar.Holidays.Order());
    }

    [Fact]
    public void IgnoresTimedEvents()
    {
        var meeting = Event("m", "DTSTART:20261123T090000Z", "DTEND:20261123T100000Z", "SUMMARY:Meeting");
        var calendar = Plain.WithHolidaysFromICalendar(Ics(meeting, Christmas));
        Assert.True(calendar.IsWorkingDay(Date(2026, 11, 23)));
    }

    [Fact]
    public void ExpandsAYearlyRecurringEvent()
    {
        var calendar = Plain.WithHolidaysFromICalendar(Ics(Event("ny", "DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY", "SUMMARY:New Year")));
        Assert.False(calendar.IsWorkingDay(Date(2030, 1, 1)));
    }

    [Fact]
    public void KeepsTheHolidaysItAlreadyHad()
    {
        var calendar = Office(holidays: [Date(2026, 11, 24)]).WithHolidaysFromICalendar(Ics(Christmas));
        Assert.False(calendar.IsWorkingDay(Date(2026, 11, 24)));
    }

    [Fact]
    public void MovesDueDatesPastImportedHolidays() =>
        Assert.Equal(Local(2026, 12, 28, 18, 0), Plain.WithHolidaysFromICalendar(Ics(Christmas)).Due(Local(2026, 12, 23, 15, 0), WorkingDays(1)));

    [Fact]
    public void RejectsTextThatIsNotAnICalendar() =>
        AssertBadInput("ics", () => Plain.WithHolidaysFromICalendar("hello, these are our holidays"));

    [Fact]
    public void RejectsEmptyText() =>
        AssertBadInput("ics", () => Plain.WithHolidaysFromICalendar(""));

    [Fact]
    public void RejectsAnUnclosedCalendar() =>
        AssertBadInput("ics", () => Plain.WithHolidaysFromICalendar(Ics(Christmas).Replace("END:VCALENDAR", "", StringComparison.Ordinal)));

    [Fact]
    public void RejectsAnEventWithAnInvalidStart() =>
        AssertBadInput("ics", () => Plain.WithHolidaysFromICalendar(Ics(Event("bad", "DTSTART;VALUE=DATE:2026xx01"))));

    [Fact]
    public void RejectsAFileWithoutAllDayEvents() =>
        AssertBadInput("ics", () => Plain.WithHolidaysFromICalendar(Ics(Event("m", "DTSTART:20261123T090000Z", "SUMMARY:Meeting"))));
}

using ComplaintCloud.Domain.Calendars;
using NodaTime;
using static ComplaintCloud.Plugins.Abstractions.Duration;
using static ComplaintCloud.UnitTests.Calendars.CalendarFixtures;
using ContractDuration = ComplaintCloud.Plugins.Abstractions.Duration;
using Duration = NodaTime.Duration;

namespace ComplaintCloud.UnitTests.Calendars;

// Week used throughout: Monday 2026-11-23 to Monday 2026-11-30; office hours 09:00–12:00 and 13:00–18:00.
public sealed class BusinessCalendarShould
{
    private static readonly BusinessCalendar Plain = Office();

    // Business hours

    [Fact]
    public void AddsBusinessHoursWithinOneWorkingInterval() =>
        Assert.Equal(Local(2026, 11, 23, 11, 30), Plain.Due(Local(2026, 11, 23, 9, 30), BusinessHours(2)));

    [Fact]
    public void SkipsTheLunchBreak() =>
        Assert.Equal(Local(2026, 11, 23, 14, 0), Plain.Due(Local(2026, 11, 23, 11, 0), BusinessHours(2)));

    [Fact]
    public void CarriesBusinessHoursOverTheNight() =>
        Assert.Equal(Local(2026, 11, 24, 10, 0), Plain.Due(Local(2026, 11, 23, 17, 0), BusinessHours(2)));

    [Fact]
    public void CarriesBusinessHoursOverAWeekend() =>
        Assert.Equal(Local(2026, 11, 30, 10, 0), Plain.Due(Local(2026, 11, 27, 17, 0), BusinessHours(2)));

    [Fact]
    public void CountsFromTheMorningOpeningWhenStartedBeforeHours() =>
        Assert.Equal(Local(2026, 11, 23, 10, 0), Plain.Due(Local(2026, 11, 23, 7, 0), BusinessHours(1)));

    [Fact]
    public void CountsFromTheAfternoonOpeningWhenStartedDuringLunch() =>
        Assert.Equal(Local(2026, 11, 23, 14, 0), Plain.Due(Local(2026, 11, 23, 12, 30), BusinessHours(1)));

    [Fact]
    public void CountsFromMondaysOpeningWhenStartedOnASaturday() =>
        Assert.Equal(Local(2026, 11, 30, 10, 0), Plain.Due(Local(2026, 11, 28, 10, 0), BusinessHours(1)));

    [Fact]
    public void IsDueAtClosingWhenBusinessTimeRunsOutExactlyThen() =>
        Assert.Equal(Local(2026, 11, 23, 18, 0), Plain.Due(Local(2026, 11, 23, 17, 0), BusinessHours(1)));

    [Fact]
    public void FillsTwoWholeWorkingDaysWithSixteenBusinessHours() =>
        Assert.Equal(Local(2026, 11, 24, 18, 0), Plain.Due(Local(2026, 11, 23, 9, 0), BusinessHours(16)));

    [Fact]
    public void IsDueAtTheStartForZeroBusinessTime() =>
        Assert.Equal(Plain.At(2026, 11, 28, 10, 0), Plain.AddBusinessTime(Plain.At(2026, 11, 28, 10, 0), Duration.Zero));

    [Fact]
    public void SkipsAHolidayWhenAddingBusinessHours() =>
        Assert.Equal(Local(2026, 11, 25, 10, 0), Office(holidays: [Date(2026, 11, 24)]).Due(Local(2026, 11, 23, 17, 0), BusinessHours(2)));

    [Fact]
    public void WorksAMakeUpSaturdayWhenAddingBusinessHours() =>
        Assert.Equal(Local(2026, 11, 28, 10, 0), Office(makeUpWorkingDays: [Date(2026, 11, 28)]).Due(Local(2026, 11, 27, 17, 0), BusinessHours(2)));

    [Fact]
    public void CarriesBusinessHoursOverTheYearEnd() =>
        Assert.Equal(Local(2027, 1, 1, 10, 0), Plain.Due(Local(2026, 12, 31, 17, 0), BusinessHours(2)));

    // Working days: the start day never counts; due at the close of the Nth working day after it.

    [Fact]
    public void AddsThreeWorkingDaysAcrossAWeekend() =>
        Assert.Equal(Local(2026, 12, 2, 18, 0), Plain.Due(Local(2026, 11, 27, 15, 0), WorkingDays(3)));

    [Fact]
    public void DoesNotCountTheStartDayEvenWhenStartedBeforeOpening() =>
        Assert.Equal(Local(2026, 11, 24, 18, 0), Plain.Due(Local(2026, 11, 23, 8, 0), WorkingDays(1)));

    [Fact]
    public void CountsFromTheNextWorkingDayWhenStartedOnAWeekend() =>
        Assert.Equal(Local(2026, 11, 30, 18, 0), Plain.Due(Local(2026, 11, 28, 10, 0), WorkingDays(1)));

    [Fact]
    public void SkipsAHolidayWhenAddingWorkingDays() =>
        Assert.Equal(Local(2026, 12, 1, 18, 0), Office(holidays: [Date(2026, 11, 30)]).Due(Local(2026, 11, 27, 15, 0), WorkingDays(1)));

    [Fact]
    public void CountsAMakeUpSundayAsAWorkingDay() =>
        Assert.Equal(Local(2026, 11, 29, 18, 0), Office(makeUpWorkingDays: [Date(2026, 11, 29)]).Due(Local(2026, 11, 27, 15, 0), WorkingDays(1)));

    [Fact]
    public void SkipsNewYearsDayWhenAddingWorkingDaysAcrossTheYearEnd() =>
        Assert.Equal(Local(2027, 1, 4, 18, 0), Office(holidays: [Date(2027, 1, 1)]).Due(Local(2026, 12, 30, 10, 0), WorkingDays(2)));

    [Fact]
    public void IsDueAtTheStartForZeroWorkingDays() =>
        Assert.Equal(Plain.At(2026, 11, 27, 15, 0), Plain.AddWorkingDays(Plain.At(2026, 11, 27, 15, 0), 0));

    [Fact]
    public void EndsAWorkingDayAtMidnightOnARoundTheClockDesk() =>
        Assert.Equal(Local(2026, 11, 29, 0, 0), RoundTheClock(Shanghai).Due(Local(2026, 11, 27, 15, 0), WorkingDays(1)));

    // Contract durations

    [Fact]
    public void AddsTenWallClockMinutesAtNight() =>
        Assert.Equal(Local(2026, 11, 29, 0, 5), Plain.Due(Local(2026, 11, 28, 23, 55), Minutes(10)));

    [Fact]
    public void AddsTwoWallClockHoursThroughTheLunchBreak() =>
        Assert.Equal(Local(2026, 11, 23, 13, 0), Plain.Due(Local(2026, 11, 23, 11, 0), Hours(2)));

    [Fact]
    public void AddsTwentyFourWallClockHoursThroughAHoliday() =>
        Assert.Equal(Local(2026, 11, 24, 10, 0), Office(holidays: [Date(2026, 11, 24)]).Due(Local(2026, 11, 23, 10, 0), Hours(24)));

    [Fact]
    public void AddsTwentyFourWallClockHoursAsElapsedTimeAcrossSpringForward() =>
        Assert.Equal(Local(2026, 3, 29, 13, 0), Office(Berlin).Due(Local(2026, 3, 28, 12, 0), Hours(24)));

    [Fact]
    public void AddsContractBusinessHoursAsBusinessTime() =>
        Assert.Equal(Local(2026, 11, 24, 10, 0), Plain.Due(Local(2026, 11, 23, 17, 0), BusinessHours(2)));

    [Fact]
    public void AddsContractWorkingDaysAsWorkingDays() =>
        Assert.Equal(Local(2026, 12, 2, 18, 0), Plain.Due(Local(2026, 11, 27, 15, 0), WorkingDays(3)));

    // Daylight saving time

    [Fact]
    public void CountsElapsedTimeAcrossSpringForwardOnARoundTheClockDesk() =>
        Assert.Equal(Local(2026, 3, 29, 13, 0), RoundTheClock(Berlin).Due(Local(2026, 3, 28, 12, 0), BusinessHours(24)));

    [Fact]
    public void CountsElapsedTimeAcrossFallBackOnARoundTheClockDesk() =>
        Assert.Equal(Local(2026, 10, 25, 11, 0), RoundTheClock(Berlin).Due(Local(2026, 10, 24, 12, 0), BusinessHours(24)));

    [Fact]
    public void KeepsOfficeHoursInLocalTimeAcrossSpringForward() =>
        Assert.Equal(Local(2026, 3, 9, 10, 0), Office(NewYork).Due(Local(2026, 3, 6, 17, 0), BusinessHours(2)));

    [Fact]
    public void KeepsOfficeHoursInLocalTimeAcrossFallBack() =>
        Assert.Equal(Local(2026, 11, 2, 18, 0), Office(NewYork).Due(Local(2026, 10, 30, 15, 0), WorkingDays(1)));

    [Fact]
    public void DoesNotCountTheWallClockHourSkippedBySpringForward() =>
        Assert.Equal(Duration.FromHours(2), EveryDayIn(Berlin, Open(1, 4)).Worked(Local(2026, 3, 29, 0), Local(2026, 3, 29, 12)));

    [Fact]
    public void OpensAtTheEndOfTheSpringForwardGapWhenTheOpeningFallsInIt() =>
        Assert.Equal(Duration.FromHours(1), EveryDayIn(Berlin, new WorkingHours(new LocalTime(2, 30), new LocalTime(4, 0))).Worked(Local(2026, 3, 29, 0), Local(2026, 3, 29, 12)));

    [Fact]
    public void ClosesAtTheSecondPassWhenTheClosingFallsInTheRepeatedHour() =>
        Assert.Equal(Duration.FromHours(3), EveryDayIn(Berlin, Open(0, 2)).Worked(Local(2026, 10, 25, 0), Local(2026, 10, 25, 12)));

    [Fact]
    public void CountsTheWallClockHourRepeatedByFallBack() =>
        Assert.Equal(Duration.FromHours(4), EveryDayIn(Berlin, Open(1, 4)).Worked(Local(2026, 10, 25, 0), Local(2026, 10, 25, 12)));

    [Fact]
    public void KeepsAdjacentIntervalsApartInTheRepeatedHourOfFallBack() =>
        Assert.Equal(Duration.FromHours(5), EveryDayIn(Berlin, Open(0, 2), Open(2, 4)).Worked(Local(2026, 10, 25, 0), Local(2026, 10, 25, 12)));

    // Business time between two instants

    [Fact]
    public void CountsNoBusinessTimeBackwards() =>
        Assert.Equal(Duration.Zero, Plain.Worked(Local(2026, 11, 23, 17, 0), Local(2026, 11, 23, 10, 0)));

    [Fact]
    public void CountsOnlyTheWorkingHoursOfADay() =>
        Assert.Equal(Duration.FromHours(8), Plain.Worked(Local(2026, 11, 23, 7, 0), Local(2026, 11, 23, 20, 0)));

    [Fact]
    public void CountsBusinessTimeAcrossAWeekend() =>
        Assert.Equal(Duration.FromHours(2), Plain.Worked(Local(2026, 11, 27, 17, 0), Local(2026, 11, 30, 10, 0)));

    [Fact]
    public void CountsNoBusinessTimeOnAHoliday() =>
        Assert.Equal(Duration.Zero, Office(holidays: [Date(2026, 11, 24)]).Worked(Local(2026, 11, 24, 0), Local(2026, 11, 25, 0)));

    [Theory]
    [InlineData(23, 9, 1)]
    [InlineData(23, 11, 3)]
    [InlineData(26, 20, 7)]
    [InlineData(27, 17, 30)]
    [InlineData(28, 10, 41)]
    public void MeasuresBackTheBusinessTimeItAdded(int day, int hour, int businessHours)
    {
        var start = Plain.At(2026, 11, day, hour);
        var due = Plain.AddBusinessTime(start, Duration.FromHours(businessHours));
        Assert.Equal(Duration.FromHours(businessHours), Plain.BusinessTimeBetween(start, due));
    }

    // Working days

    [Fact]
    public void TreatsAWorkingWeekdayAsAWorkingDay() => Assert.True(Plain.IsWorkingDay(Date(2026, 11, 23)));

    [Fact]
    public void TreatsASundayAsAnOffDay() => Assert.False(Plain.IsWorkingDay(Date(2026, 11, 29)));

    [Fact]
    public void TreatsAHolidayOnAWeekdayAsAnOffDay() =>
        Assert.False(Office(holidays: [Date(2026, 11, 24)]).IsWorkingDay(Date(2026, 11, 24)));

    [Fact]
    public void TreatsAMakeUpSaturdayAsAWorkingDay() =>
        Assert.True(Office(makeUpWorkingDays: [Date(2026, 11, 28)]).IsWorkingDay(Date(2026, 11, 28)));

    [Fact]
    public void GivesAHolidayPrecedenceOverAMakeUpDay() =>
        Assert.False(Office(holidays: [Date(2026, 11, 28)], makeUpWorkingDays: [Date(2026, 11, 28)]).IsWorkingDay(Date(2026, 11, 28)));

    // Bad input and bounded searches

    [Fact]
    public void RejectsACalendarWithoutWorkingDays() =>
        AssertBadInput("workingDays", () => _ = new BusinessCalendar(Shanghai, [], OfficeHours, [], []));

    [Fact]
    public void RejectsAnUndefinedWeekday() =>
        AssertBadInput("workingDays", () => _ = new BusinessCalendar(Shanghai, [IsoDayOfWeek.None], OfficeHours, [], []));

    [Fact]
    public void RejectsACalendarWithoutWorkingHours() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [], [], []));

    [Fact]
    public void RejectsWorkingHoursThatEndBeforeTheyStart() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [Open(18, 9)], [], []));

    [Fact]
    public void RejectsEmptyWorkingHours() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [Open(9, 9)], [], []));

    [Fact]
    public void RejectsOverlappingWorkingHours() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [Open(9, 13), Open(12, 18)], [], []));

    [Fact]
    public void RejectsWorkingHoursOutOfOrder() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [Open(13, 18), Open(9, 12)], [], []));

    [Fact]
    public void RejectsWorkingHoursAfterAnIntervalThatRunsToMidnight() =>
        AssertBadInput("hours", () => _ = new BusinessCalendar(Shanghai, MondayToFriday, [Open(0, 24), Open(9, 10)], [], []));

    [Fact]
    public void AcceptsWorkingHoursThatTouch() =>
        Assert.Equal(Local(2026, 11, 23, 13, 0), new BusinessCalendar(Shanghai, MondayToFriday, [Open(9, 12), Open(12, 18)], [], []).Due(Local(2026, 11, 23, 11, 0), BusinessHours(2)));

    [Fact]
    public void RejectsANegativeContractDuration() =>
        AssertBadInput("target.amount", () => Plain.Add(Plain.At(2026, 11, 23, 9), ContractDuration.BusinessHours(-1)));

    [Fact]
    public void RejectsAnUnknownTimeUnit() =>
        AssertBadInput("target.unit", () => Plain.Add(Plain.At(2026, 11, 23, 9), new ContractDuration(1, (Plugins.Abstractions.TimeUnit)99)));

    [Fact]
    public void RejectsNegativeBusinessTime() =>
        AssertBadInput("businessTime", () => Plain.AddBusinessTime(Plain.At(2026, 11, 23, 9), Duration.FromHours(-1)));

    [Fact]
    public void RejectsNegativeWorkingDays() =>
        AssertBadInput("workingDays", () => Plain.AddWorkingDays(Plain.At(2026, 11, 23, 9), -1));

    [Fact]
    public void GivesUpWhenEveryDayForYearsIsAHoliday()
    {
        var first = Date(2026, 1, 1);
        var calendar = Office(holidays: [.. Enumerable.Range(0, 6 * 366).Select(first.PlusDays)]);
        AssertBadInput("calendar", () => calendar.Add(calendar.At(2026, 1, 5, 9), ContractDuration.WorkingDays(1)));
    }

    [Fact]
    public void GivesUpOnADueDateCenturiesAhead() =>
        AssertBadInput("target.amount", () => Plain.Add(Plain.At(2026, 11, 23, 9), ContractDuration.WorkingDays(int.MaxValue)));

    [Fact]
    public void ResolvesAnIanaTimeZone() =>
        Assert.Equal(Berlin, BusinessCalendar.ZoneFromIanaId("Europe/Berlin"));

    [Fact]
    public void RejectsAnUnknownTimeZone() =>
        AssertBadInput("zone", () => BusinessCalendar.ZoneFromIanaId("Mars/Olympus_Mons"));
}

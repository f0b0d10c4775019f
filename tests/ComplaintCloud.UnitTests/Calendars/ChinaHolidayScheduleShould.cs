using System.Globalization;
using ComplaintCloud.Domain.Calendars;
using NodaTime;
using static ComplaintCloud.Plugins.Abstractions.Duration;
using static ComplaintCloud.UnitTests.Calendars.CalendarFixtures;

namespace ComplaintCloud.UnitTests.Calendars;

// Checked against 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04); 2027 is shipped provisionally.
public sealed class ChinaHolidayScheduleShould
{
    private static readonly BusinessCalendar China = BusinessCalendar.ChinaMainland();

    private static IEnumerable<LocalDate> In(IEnumerable<LocalDate> dates, int year) => dates.Where(d => d.Year == year);

    [Fact]
    public void ShipsTheOfficial2026Schedule() => Assert.Contains(2026, ChinaHolidaySchedule.OfficialYears);

    [Fact]
    public void Marks2027AsProvisionalUntilItsNoticeIsVerified() => Assert.Contains(2027, ChinaHolidaySchedule.ProvisionalYears);

    [Fact]
    public void HasThirtyThreeDaysOffIn2026() => Assert.Equal(33, In(ChinaHolidaySchedule.Holidays, 2026).Count());

    [Fact]
    public void HasSixMakeUpWorkingDaysIn2026() =>
        Assert.Equal(
            [Date(2026, 1, 4), Date(2026, 2, 14), Date(2026, 2, 28), Date(2026, 5, 9), Date(2026, 9, 20), Date(2026, 10, 10)],
            In(ChinaHolidaySchedule.MakeUpWorkingDays, 2026).Order());

    [Fact]
    public void PutsEveryMakeUpWorkingDayOnAWeekend() =>
        Assert.All(ChinaHolidaySchedule.MakeUpWorkingDays, d => Assert.True(d.DayOfWeek >= IsoDayOfWeek.Saturday, d.ToString()));

    [Fact]
    public void NeverMakeAHolidayAWorkingDay() =>
        Assert.Empty(ChinaHolidaySchedule.Holidays.Intersect(ChinaHolidaySchedule.MakeUpWorkingDays));

    [Theory]
    [InlineData(2026, 2, 15)]
    [InlineData(2026, 2, 17)]
    [InlineData(2026, 2, 23)]
    [InlineData(2026, 10, 7)]
    public void TreatsFestivalWeekdaysAsDaysOff(int year, int month, int day) =>
        Assert.False(China.IsWorkingDay(Date(year, month, day)));

    [Fact]
    public void WorksTheMakeUpSundayAfterNewYear2026() => Assert.True(China.IsWorkingDay(Date(2026, 1, 4)));

    // The statutory days of 全国年节及纪念日放假办法 (2024 revision) must be off in every shipped year, whatever the
    // State Council arranges around them; lunar dates come from .NET's own Chinese calendar, not from our data.
    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 4, 5)]
    public void IncludesEveryStatutoryHoliday(int year, int qingmingMonth, int qingmingDay)
    {
        var lunar = new ChineseLunisolarCalendar();
        var newYear = LocalDate.FromDateTime(lunar.ToDateTime(year, 1, 1, 0, 0, 0, 0));
        LocalDate Lunar(int month, int day) => LocalDate.FromDateTime(lunar.ToDateTime(year, month, day, 0, 0, 0, 0));
        LocalDate[] statutory =
        [
            Date(year, 1, 1),
            newYear.PlusDays(-1), newYear, newYear.PlusDays(1), newYear.PlusDays(2),
            Date(year, qingmingMonth, qingmingDay),
            Date(year, 5, 1), Date(year, 5, 2),
            Lunar(5, 5),
            Lunar(8, 15),
            Date(year, 10, 1), Date(year, 10, 2), Date(year, 10, 3),
        ];
        Assert.All(statutory, d => Assert.Contains(d, ChinaHolidaySchedule.Holidays));
    }

    [Fact]
    public void UsesShanghaiTime() => Assert.Equal("Asia/Shanghai", China.Zone.Id);

    [Fact]
    public void CountsAMakeUpSundayWhenAddingWorkingDays() =>
        Assert.Equal(Local(2026, 9, 22, 18, 0), China.Due(Local(2026, 9, 18, 15, 0), WorkingDays(3)));

    [Fact]
    public void SkipsTheNationalDayWeekWhenAddingWorkingDays() =>
        Assert.Equal(Local(2026, 10, 8, 18, 0), China.Due(Local(2026, 9, 30, 10, 0), WorkingDays(1)));

    [Fact]
    public void WorksTheMakeUpSaturdayBeforeSpringFestivalWhenAddingBusinessHours() =>
        Assert.Equal(Local(2026, 2, 14, 10, 0), China.Due(Local(2026, 2, 13, 17, 0), BusinessHours(2)));

    [Fact]
    public void SkipsNewYearsDay2027AcrossTheYearEnd() =>
        Assert.Equal(Local(2027, 1, 4, 18, 0), China.Due(Local(2026, 12, 31, 10, 0), WorkingDays(1)));
}

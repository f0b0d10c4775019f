using ComplaintCloud.Domain.Tenants;
using NodaTime;

namespace ComplaintCloud.UnitTests.Calendars;

public sealed class TenantCalendarSettingsShould
{
    [Fact]
    public void ShareOneKeyWhateverTheOrderOfTheirLists()
    {
        var settings = TenantCalendarSettings.DefaultFor("Asia/Shanghai") with { Holidays = [new LocalDate(2026, 12, 25), new LocalDate(2026, 11, 24)] };

        var reordered = settings with { Holidays = [new LocalDate(2026, 11, 24), new LocalDate(2026, 12, 25)] };

        Assert.Equal(settings, reordered);
    }

    [Fact]
    public void KeyACopyWithOtherHolidaysByItsOwnHolidays()
    {
        var settings = TenantCalendarSettings.DefaultFor("Asia/Shanghai");
        var keyBeforeTheCopy = settings.Key;

        var copy = settings with { Holidays = [new LocalDate(2026, 11, 24)] };

        Assert.NotEqual(keyBeforeTheCopy, copy.Key);
        Assert.Contains("2026-11-24", copy.Key, StringComparison.Ordinal);
        Assert.NotEqual(settings, copy);
    }
}

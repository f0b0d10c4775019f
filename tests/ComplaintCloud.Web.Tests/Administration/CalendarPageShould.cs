using ComplaintCloud.Web.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;
using LifecycleDesk = ComplaintCloud.Api.Tests.Lifecycle.Desk;

namespace ComplaintCloud.Web.Tests.Administration;

/// <summary>Issue 13, point 4: the business calendar, saved with the number of open clocks it replanned.</summary>
public sealed class CalendarPageShould(WebFixture web) : BrowserTest(web)
{
    private const string CompanyDayIcs = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//ComplaintCloud tests//EN
        BEGIN:VEVENT
        UID:company-day@complaintcloud.test
        DTSTART;VALUE=DATE:20300104
        DTEND;VALUE=DATE:20300105
        SUMMARY:Company day
        END:VEVENT
        END:VCALENDAR
        """;

    [Fact]
    public async Task SaveShiftsHolidaysAndAnIcsImportAndSayHowManyOpenClocksWereReplanned()
    {
        var tenant = await SignUpAsync();
        var desk = new LifecycleDesk(Web, tenant);
        var complaint = await desk.SubmitAsync();
        var read = await tenant.Client.SendAsync("query($id: ID!) { complaint(id: $id) { clocks { state } } }", new { id = complaint });
        var openClocks = read.Data.GetProperty("complaint").GetProperty("clocks").EnumerateArray().Count(c => c.GetProperty("state").GetString() is "RUNNING" or "WARNED" or "PAUSED");
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/calendar");
        await Expect(Page.GetByLabel("Shift 2 ends")).ToHaveValueAsync("18:00");

        await Page.GetByLabel("Shift 2 ends").FillAsync("17:30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Add a shift" }).ClickAsync();
        await Page.GetByLabel("Shift 3 starts").FillAsync("19:00");
        await Page.GetByLabel("Shift 3 ends").FillAsync("21:00");
        var day = Page.Locator("td[title$='-15']").First;
        var date = await day.GetAttributeAsync("title");
        await day.ClickAsync();
        await Expect(day).ToContainTextAsync("Holiday");
        await Page.GetByLabel("Include the State Council's China mainland holidays and make-up working days").ClickAsync();
        await Page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "company.ics", MimeType = "text/calendar", Buffer = System.Text.Encoding.UTF8.GetBytes(CompanyDayIcs) });
        await Expect(Page.GetByText("company.ics: its all-day events become holidays")).ToBeVisibleAsync();
        await SaveAsync(Button("Save the calendar"), Page.GetByTestId("calendar-saved"));

        await Expect(Page.GetByTestId("calendar-saved")).ToHaveTextAsync($"Saved. {openClocks} open clock{(openClocks == 1 ? " was" : "s were")} replanned on the new calendar.");
        await Expect(Page.GetByTestId("holiday-list")).ToContainTextAsync("2030-01-04");
        var saved = (await tenant.Client.SendAsync("{ tenant { calendar { hours { start end } holidays includeChinaMainlandHolidays } } }")).Data.GetProperty("tenant").GetProperty("calendar");
        Assert.Equal(
            ["09:00-12:00", "13:00-17:30", "19:00-21:00"],
            saved.GetProperty("hours").EnumerateArray().Select(h => $"{h.GetProperty("start").GetString()}-{h.GetProperty("end").GetString()}"));
        var holidays = saved.GetProperty("holidays").EnumerateArray().Select(h => h.GetString()).ToList();
        Assert.Contains(date, holidays);
        Assert.Contains("2030-01-04", holidays);
        Assert.False(saved.GetProperty("includeChinaMainlandHolidays").GetBoolean());
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
    }

    [Fact]
    public async Task ShowTheApisFieldErrorUnderTheShiftsAndSaveNothing()
    {
        var tenant = await SignUpAsync();
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/calendar");
        await Expect(Page.GetByLabel("Shift 1 starts")).ToHaveValueAsync("09:00");

        await Page.GetByLabel("Shift 1 ends").FillAsync("14:00");
        await Button("Save the calendar").ClickAsync();

        await Expect(Page.GetByTestId("error-notice")).ToContainTextAsync("BAD_USER_INPUT");
        await Expect(Page.GetByTestId("calendar-saved")).ToHaveCountAsync(0);
        var hours = (await tenant.Client.SendAsync("{ tenant { calendar { hours { end } } } }")).Data.GetProperty("tenant").GetProperty("calendar").GetProperty("hours");
        Assert.Equal("12:00", hours[0].GetProperty("end").GetString());
    }
}

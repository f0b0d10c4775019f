using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Calendars;

[Collection(ApiFixture.Collection)]
public sealed class BusinessCalendarShould(ApiFixture api)
{
    private const string Update = """
        mutation($i: UpdateBusinessCalendarInput!) { updateBusinessCalendar(input: $i) { calendar { holidays } } }
        """;

    private const string ReadCalendar = """
        { tenant { timeZone calendar { workingDays hours { start end } holidays makeUpWorkingDays includeChinaMainlandHolidays } } }
        """;

    [Fact]
    public async Task MoveARunningResolveClockWhenItsDueDayBecomesAHoliday()
    {
        // Received Monday 2027-03-01 10:00 in Shanghai. RESOLVE is 3 working days, the receiving day not counted:
        // Tue, Wed, Thu, due Thursday 03-04 18:00 = 10:00Z. With Thursday a holiday the third working day is Friday:
        // due 03-05 18:00 = 10:00Z. No time was spent yet, so the 31 working hours (Mon 10–12 and 13–18 = 7, then
        // 8 a day) now end on Friday.
        await using var variant = api.Variant("Testing");
        var tenant = await api.SignUpAsync();
        using var http = variant
            .WithWebHostBuilder(host => host.ConfigureTestServices(services => services.AddSingleton<IClock>(new FixedClock(Instant.FromUtc(2027, 3, 1, 2, 0)))))
            .CreateClient();
        http.DefaultRequestHeaders.Authorization = tenant.Client.Http.DefaultRequestHeaders.Authorization;
        var admin = new GraphQLClient(http);
        var submitted = await admin.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        var id = submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString();
        Assert.Equal(new DateTimeOffset(2027, 3, 4, 10, 0, 0, TimeSpan.Zero), ResolveDueAt(submitted.Data.GetProperty("submitComplaint")));

        (await admin.SendAsync(Update, new { i = Input(holidays: ["2027-03-04"]) })).AssertNoErrors();

        var read = await admin.SendAsync(Operations.ReadOne, new { id });
        read.AssertNoErrors();
        Assert.Equal(new DateTimeOffset(2027, 3, 5, 10, 0, 0, TimeSpan.Zero), ResolveDueAt(read.Data.GetProperty("complaint")));
        Assert.Contains(read.Data.GetProperty("complaint").GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "CLOCK_REPLANNED");
    }

    [Theory]
    [InlineData("hours", "input.hours")]
    [InlineData("overlap", "input.hours")]
    [InlineData("workingDays", "input.workingDays")]
    [InlineData("timeZone", "input.timeZone")]
    [InlineData("ics", "input.ics")]
    public async Task RefuseBadInputNamingTheFieldAndChangeNothing(string fault, string field)
    {
        var tenant = await api.SignUpAsync();
        var before = (await tenant.Client.SendAsync(ReadCalendar)).Text;
        var input = fault switch
        {
            "hours" => Input(hours: [new { start = "12:00", end = "09:00" }]),
            "overlap" => Input(hours: [new { start = "09:00", end = "12:00" }, new { start = "11:00", end = "18:00" }]),
            "workingDays" => Input(workingDays: []),
            "timeZone" => Input(timeZone: "Mars/Olympus_Mons"),
            _ => Input(ics: "not a calendar"),
        };

        var refused = await tenant.Client.SendAsync(Update, new { i = input });

        Assert.Equal("BAD_USER_INPUT", refused.FirstErrorCode);
        Assert.Equal(field, refused.FirstErrorField);
        Assert.Equal(before, (await tenant.Client.SendAsync(ReadCalendar)).Text);
    }

    [Fact]
    public async Task SayHowManyOpenClocksTheSaveReplanned()
    {
        var desk = new Desk(api, await api.SignUpAsync());
        var acknowledged = await desk.SubmitAsync();
        var untouched = await desk.SubmitAsync();
        await Desk.DoAsync(desk.Admin, "acknowledgeComplaint", acknowledged);
        var open = 0;
        foreach (var id in new[] { acknowledged, untouched })
        {
            var read = await desk.Admin.SendAsync(Operations.ReadOne, new { id });
            read.AssertNoErrors();
            open += read.Data.GetProperty("complaint").GetProperty("clocks").EnumerateArray().Count(c => c.GetProperty("state").GetString() is not ("MET" or "BREACHED"));
        }

        var saved = await desk.Admin.SendAsync(
            "mutation($i: UpdateBusinessCalendarInput!) { saveBusinessCalendar(input: $i) { replannedClocks tenant { calendar { holidays } } } }",
            new { i = Input(holidays: ["2030-01-02"]) });

        saved.AssertNoErrors();
        Assert.True(open > 0);
        Assert.Equal(open, saved.Data.GetProperty("saveBusinessCalendar").GetProperty("replannedClocks").GetInt32());
        Assert.Contains("2030-01-02", saved.Data.GetProperty("saveBusinessCalendar").GetProperty("tenant").GetProperty("calendar").GetProperty("holidays").EnumerateArray().Select(h => h.GetString()));
    }

    [Fact]
    public async Task RefuseAUserWhoIsNotATenantAdmin()
    {
        var (agent, _) = await new Desk(api, await api.SignUpAsync()).UserAsync("AGENT");

        var refused = await agent.SendAsync(Update, new { i = Input() });

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
    }

    private static DateTimeOffset ResolveDueAt(System.Text.Json.JsonElement complaint) =>
        complaint.GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "RESOLVE").GetProperty("dueAt").GetDateTimeOffset();

    // Shanghai's default calendar, with the one change a test makes.
    private static Dictionary<string, object?> Input(
        string timeZone = "Asia/Shanghai", string[]? workingDays = null, object[]? hours = null, string[]? holidays = null, string? ics = null) => new()
    {
        ["timeZone"] = timeZone,
        ["workingDays"] = workingDays ?? ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
        ["hours"] = hours ?? [new { start = "09:00", end = "12:00" }, new { start = "13:00", end = "18:00" }],
        ["holidays"] = holidays ?? [],
        ["includeChinaMainlandHolidays"] = true,
        ["ics"] = ics,
    };

    private sealed class FixedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}

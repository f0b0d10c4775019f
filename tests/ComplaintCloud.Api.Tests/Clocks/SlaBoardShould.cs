using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Clocks;

[Collection(ApiFixture.Collection)]
public sealed class SlaBoardShould(ApiFixture api)
{
    [Fact]
    public async Task ShowTimeLeftOnEveryClockOfAFreshComplaintAndNothingAtRisk()
    {
        var tenant = await api.SignUpAsync("winery");
        var submitted = await tenant.Client.SendAsync(
            """
            mutation { submitComplaint(input: { channel: PHONE, kind: COMPLAINT, category: "product/quality",
              description: "cloudy", customer: { name: "Wang" }, amountInvolved: 100 }) {
                clocks { kind state remainingSeconds countsBusinessTime warnedAt } } }
            """);
        submitted.AssertNoErrors();
        var clocks = submitted.Data.GetProperty("submitComplaint").GetProperty("clocks").EnumerateArray().ToList();

        // SPEC §3b, minor tier: report and be on site within 10 minutes (wall-clock time).
        var report = clocks.Single(c => c.GetProperty("kind").GetString() == "REPORT");
        Assert.InRange(report.GetProperty("remainingSeconds").GetInt32(), 9 * 60, 10 * 60);
        Assert.False(report.GetProperty("countsBusinessTime").GetBoolean());
        Assert.All(clocks, c => Assert.Equal("RUNNING", c.GetProperty("state").GetString()));

        var board = await tenant.Client.SendAsync("{ slaBoard { remainingSeconds clock { kind } complaint { number } } }");
        board.AssertNoErrors();
        Assert.Empty(board.Data.GetProperty("slaBoard").EnumerateArray());
    }
}

using ComplaintCloud.Domain.Clocks;

namespace ComplaintCloud.UnitTests.Clocks;

/// <summary>Issue 16, point 2: which lifecycle steps meet a clock kind, and which make every open clock moot.</summary>
public sealed class ClockPurposesShould
{
    private const string CustomerNote = """{"before":{},"after":{"noteId":"0","visibility":"CUSTOMER_VISIBLE","text":"We called you back."}}""";
    private const string InternalNote = """{"before":{},"after":{"noteId":"0","visibility":"INTERNAL","text":"Asked QA."}}""";

    [Theory]
    [InlineData("ACKNOWLEDGED")]
    [InlineData("ASSIGNED")]
    [InlineData("CUSTOMER_NOTIFIED")]
    public void Meet_the_first_response_clocks_when_the_complaint_is_acknowledged_taken_or_the_customer_told(string step) =>
        Assert.Superset(new HashSet<string> { "ACKNOWLEDGE", "CONTACT", "RESPONSE" }, ClockPurposes.KindsMetBy(step, "{}").ToHashSet());

    [Fact]
    public void Meet_the_first_response_clocks_with_a_note_the_customer_sees_but_not_an_internal_one()
    {
        Assert.Equal(["ACKNOWLEDGE", "CONTACT", "RESPONSE"], ClockPurposes.KindsMetBy("NOTE_ADDED", CustomerNote));
        Assert.Empty(ClockPurposes.KindsMetBy("NOTE_ADDED", InternalNote));
    }

    [Theory]
    [InlineData("RESOLVED", true)]
    [InlineData("WITHDRAWN", true)]
    [InlineData("CLOSED", true)]
    [InlineData("REOPENED", true)]
    [InlineData("ASSIGNED", false)]
    [InlineData("PLAN_APPROVED", false)]
    public void Stop_the_open_clocks_when_the_complaint_is_resolved_withdrawn_closed_or_reopened(string step, bool stops) =>
        Assert.Equal(stops, ClockPurposes.StopsOpenClocks(step));
}

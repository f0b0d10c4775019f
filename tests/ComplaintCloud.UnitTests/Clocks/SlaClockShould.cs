using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Calendars;
using ComplaintCloud.Domain.Clocks;
using ComplaintCloud.Domain.Complaints;
using ComplaintCloud.Plugins.Abstractions;
using ComplaintCloud.UnitTests.Calendars;
using NodaTime;
using ContractDuration = ComplaintCloud.Plugins.Abstractions.Duration;
using Duration = NodaTime.Duration;

namespace ComplaintCloud.UnitTests.Clocks;

/// <summary>Clocks on Monday-to-Friday office hours (09:00–12:00, 13:00–18:00, Shanghai), week of Monday 23 Nov 2026.</summary>
public sealed class SlaClockShould
{
    private static readonly BusinessCalendar Office = CalendarFixtures.Office();
    private static readonly Instant MondayNine = Office.At(2026, 11, 23, 9);

    [Fact]
    public void KeepTheBusinessTimeSpentWhilePausedForTheCustomer()
    {
        var clock = StartOne(new ClockRule("RESOLVE", ContractDuration.BusinessHours(8), ClockStart.Received, PausesWhileWaitingOnCustomer: true));
        Assert.Equal(Office.At(2026, 11, 23, 18), clock.DueAt);

        Assert.True(clock.Pause(Office.At(2026, 11, 23, 11), Office));
        Assert.Equal(ClockState.Paused, clock.State);
        Assert.Equal(Duration.FromHours(6), clock.RemainingAt(Office.At(2026, 11, 24, 8), Office));

        Assert.True(clock.Resume(Office.At(2026, 11, 24, 9), Office));
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(Office.At(2026, 11, 24, 16), clock.DueAt);
        Assert.Equal(Duration.FromHours(5), clock.RemainingAt(Office.At(2026, 11, 24, 10), Office));
    }

    [Fact]
    public void RunOnWhileWaitingOnTheCustomerWhenItsRuleDoesNotPause()
    {
        var clock = StartOne(new ClockRule("REPORT", ContractDuration.Minutes(10), ClockStart.Received));

        Assert.False(clock.Pause(MondayNine + Duration.FromMinutes(2), Office));
        Assert.Equal(ClockState.Running, clock.State);
        Assert.Equal(MondayNine + Duration.FromMinutes(10), clock.DueAt);
    }

    [Fact]
    public void WarnAtEightyPercentThenBreachAtTheDeadlineEachOnce()
    {
        var clock = StartOne(new ClockRule("RESOLVE", ContractDuration.BusinessHours(8), ClockStart.Received));
        Assert.Equal(Office.At(2026, 11, 23, 16, 24), clock.WarnAt);
        Assert.False(clock.WarningDueAt(Office.At(2026, 11, 23, 16, 23)));

        clock.Warn(Office.At(2026, 11, 23, 16, 24));
        Assert.Equal(ClockState.Warned, clock.State);
        AssertInvalidTransition(() => clock.Warn(Office.At(2026, 11, 23, 16, 30)));
        Assert.False(clock.BreachDueAt(Office.At(2026, 11, 23, 17, 59)));

        clock.Breach(Office.At(2026, 11, 23, 18));
        Assert.Equal(ClockState.Breached, clock.State);
        AssertInvalidTransition(() => clock.Breach(Office.At(2026, 11, 23, 18, 1)));
        Assert.Equal(-Duration.FromHours(1), clock.RemainingAt(Office.At(2026, 11, 24, 10), Office));
    }

    [Fact]
    public void StopCountingWhenMetAndRefuseToBeMetTwice()
    {
        var clock = StartOne(new ClockRule("ACKNOWLEDGE", ContractDuration.Hours(1), ClockStart.Received));

        clock.Meet(MondayNine + Duration.FromMinutes(20), Office);

        Assert.Equal(ClockState.Met, clock.State);
        Assert.Equal(Duration.FromMinutes(40), clock.RemainingAt(MondayNine + Duration.FromDays(3), Office));
        Assert.False(clock.BreachDueAt(MondayNine + Duration.FromHours(2)));
        AssertInvalidTransition(() => clock.Meet(MondayNine + Duration.FromMinutes(30), Office));
    }

    [Fact]
    public void KeepTheTimeSpentWhenARegradeShortensItsTarget()
    {
        var complaint = Received(new ClockRule("PLAN", ContractDuration.Hours(24), ClockStart.Received));
        var clock = complaint.Clocks[0];

        var changed = ComplaintClocks.Replan(complaint, [new ClockRule("PLAN", ContractDuration.Hours(4), ClockStart.Received)], MondayNine + Duration.FromHours(1), Office);

        Assert.Same(clock, Assert.Single(changed));
        Assert.Equal(MondayNine + Duration.FromHours(4), clock.DueAt);
        Assert.Equal(MondayNine + Duration.FromHours(3.2), clock.WarnAt);
        Assert.Equal(Duration.FromHours(3), clock.RemainingAt(MondayNine + Duration.FromHours(1), Office));
    }

    [Fact]
    public void FallDueAtOnceWhenARegradeLeavesLessThanWasSpent()
    {
        var complaint = Received(new ClockRule("PLAN", ContractDuration.Hours(24), ClockStart.Received));
        var now = MondayNine + Duration.FromHours(5);

        ComplaintClocks.Replan(complaint, [new ClockRule("PLAN", ContractDuration.Hours(4), ClockStart.Received)], now, Office);

        Assert.True(complaint.Clocks[0].BreachDueAt(now));
    }

    [Fact]
    public void StartOnlyTheClocksOfTheStepAndEachKindOnce()
    {
        var rules = new[]
        {
            new ClockRule("ACKNOWLEDGE", ContractDuration.Hours(1), ClockStart.Received),
            new ClockRule("NOTIFY", ContractDuration.WorkingDays(1), ClockStart.PlanApproved),
            new ClockRule("CALLBACK", ContractDuration.Hours(24), ClockStart.Resolved),
        };
        var complaint = Received(rules);

        var started = ComplaintClocks.Start(complaint, rules, ClockStart.PlanApproved, Office.At(2026, 11, 23, 15), Office);

        var notify = Assert.Single(started);
        Assert.Equal("NOTIFY", notify.Kind);
        Assert.Equal(Office.At(2026, 11, 24, 18), notify.DueAt);
        Assert.Empty(ComplaintClocks.Start(complaint, rules, ClockStart.Received, Office.At(2026, 11, 23, 15), Office));
    }

    [Fact]
    public void RefuseToMeetAClockTheComplaintDoesNotRun()
    {
        var complaint = Received(new ClockRule("ACKNOWLEDGE", ContractDuration.Hours(1), ClockStart.Received));

        var refusal = Assert.Throws<DomainException>(() => ComplaintClocks.Meet(complaint, "CALLBACK", MondayNine, Office));

        Assert.Equal(ErrorCode.BadUserInput, refusal.Code);
        Assert.Equal(ClockState.Running, complaint.Clocks[0].State);
    }

    [Fact]
    public void NameItsStateAsTheApiSpellsItWhenRefusing()
    {
        var clock = StartOne(new ClockRule("REPORT", ContractDuration.Minutes(10), ClockStart.Received));
        clock.Breach(MondayNine + Duration.FromMinutes(10));

        var refused = Assert.Throws<DomainException>(() => clock.Warn(MondayNine + Duration.FromMinutes(11)));

        Assert.Equal("The REPORT clock is BREACHED and its warning is not due.", refused.Message);
        ApiWording.AssertReadsLikeTheApi(refused.Message);
    }

    private static SlaClock StartOne(ClockRule rule) => Received(rule).Clocks[0];

    private static Complaint Received(params ClockRule[] rules) => Complaint.Receive(
        Guid.NewGuid(),
        "20261123-TEL-0001",
        new ComplaintIntake(Channel.Phone, FeedbackKind.Complaint, "product/quality", "cloudy wine", new Customer("Wang", null, null, CustomerTier.Normal), null, null, IntakeFacts.None),
        new PolicyVerdict("test", "1.0.0", new AssignedGrade("NORMAL", 1, "test"), rules.Where(r => r.StartsOn == ClockStart.Received).Select(r => PlannedClock.Plan(r, MondayNine, Office)).ToList()),
        MondayNine);

    private static void AssertInvalidTransition(Action act) =>
        Assert.Equal(ErrorCode.InvalidTransition, Assert.Throws<DomainException>(act).Code);
}

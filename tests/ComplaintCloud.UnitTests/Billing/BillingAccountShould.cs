using ComplaintCloud.Domain.Billing;
using NodaTime;

namespace ComplaintCloud.UnitTests.Billing;

public sealed class BillingAccountShould
{
    private static readonly Instant Noon = Instant.FromUtc(2026, 11, 26, 12, 0);
    private static readonly Duration Grace = Duration.FromDays(7);

    [Fact]
    public void BeOnTheFreePlanInFullBeforeEverSubscribing()
    {
        var standing = BillingAccount.Open(Guid.NewGuid()).StandingAt(Noon, Grace);

        Assert.Equal(new BillingStanding(Plan.FreeCode, true, null, null), standing);
    }

    [Fact]
    public void IgnoreAStateReadBeforeTheOneAlreadyApplied()
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_1", SubscriptionStatus.Canceled), Noon);

        var applied = account.Apply(State("sub_1", SubscriptionStatus.Active), Noon - Duration.FromSeconds(1));

        Assert.False(applied);
        Assert.Equal(SubscriptionStatus.Canceled, account.Status);
    }

    [Fact]
    public void KeepTheLiveSubscriptionWhenAReplacedOneReportsItsEnd()
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_new", SubscriptionStatus.Active), Noon);

        var applied = account.Apply(State("sub_old", SubscriptionStatus.Canceled), Noon + Duration.FromMinutes(1));

        Assert.False(applied);
        Assert.Equal("sub_new", account.StripeSubscriptionId);
        Assert.True(account.StandingAt(Noon, Grace).Writable);
    }

    [Fact]
    public void KeepFullServiceForTheGracePeriodAfterPastDueThenBecomeReadOnly()
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_1", SubscriptionStatus.PastDue), Noon);
        // A later reading still past due does not restart the grace period.
        account.Apply(State("sub_1", SubscriptionStatus.PastDue), Noon + Duration.FromDays(3));

        var during = account.StandingAt(Noon + Grace - Duration.FromMinutes(1), Grace);
        var after = account.StandingAt(Noon + Grace, Grace);

        Assert.True(during.Writable);
        Assert.Equal(Noon + Grace, during.GraceEndsAt);
        Assert.NotNull(during.Warning);
        Assert.False(after.Writable);
        Assert.Equal("TEAM", after.PlanCode);
    }

    [Fact]
    public void StartTheGracePeriodAfreshAfterAPaymentWentThrough()
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_1", SubscriptionStatus.PastDue), Noon);
        account.Apply(State("sub_1", SubscriptionStatus.Active), Noon + Duration.FromDays(1));
        account.Apply(State("sub_1", SubscriptionStatus.PastDue), Noon + Duration.FromDays(30));

        Assert.Equal(Noon + Duration.FromDays(30), account.PastDueSince);
    }

    [Theory]
    [InlineData(SubscriptionStatus.Trialing, true)]
    [InlineData(SubscriptionStatus.Active, true)]
    [InlineData(SubscriptionStatus.Unpaid, false)]
    [InlineData(SubscriptionStatus.Paused, false)]
    [InlineData(SubscriptionStatus.Canceled, false)]
    public void WorkComplaintsOnlyWhileTheSubscriptionIsInGoodStanding(SubscriptionStatus status, bool writable)
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_1", status), Noon);

        Assert.Equal(writable, account.StandingAt(Noon, Grace).Writable);
    }

    [Fact]
    public void StayOnTheFreePlanWhileTheFirstPaymentIsPending()
    {
        var account = BillingAccount.Open(Guid.NewGuid());
        account.Apply(State("sub_1", SubscriptionStatus.Incomplete), Noon);

        Assert.Equal(new BillingStanding(Plan.FreeCode, true, null, null), account.StandingAt(Noon, Grace));
    }

    private static SubscriptionState State(string id, SubscriptionStatus status) =>
        new(id, "cus_1", status, "TEAM", Noon + Duration.FromDays(30), null);
}

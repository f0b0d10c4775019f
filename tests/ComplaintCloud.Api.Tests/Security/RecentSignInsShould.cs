using ComplaintCloud.Application.Users;
using NodaTime;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>
/// A token found current is taken again without a query for two seconds; a node refuses it at once after it changed
/// the user itself (UserAccountsShould), and another node within those two seconds.
/// </summary>
public sealed class RecentSignInsShould
{
    private static readonly Instant Checked = Instant.FromUtc(2026, 12, 7, 9, 0);
    private readonly Guid _user = Guid.NewGuid();
    private readonly RecentSignIns _recent = new();

    [Fact]
    public void ConfirmATokenFoundCurrentForTwoSecondsThenAskTheDatabaseAgain()
    {
        _recent.Remember(_user, "stamp", Checked);

        Assert.True(_recent.Confirms(_user, "stamp", Checked + Duration.FromMilliseconds(1_999)));
        Assert.False(_recent.Confirms(_user, "stamp", Checked + Duration.FromSeconds(2)));
    }

    [Fact]
    public void NotConfirmATokenIssuedBeforeTheUsersCredentialsChanged()
    {
        _recent.Remember(_user, "new-stamp", Checked);

        Assert.False(_recent.Confirms(_user, "old-stamp", Checked));
        Assert.False(_recent.Confirms(Guid.NewGuid(), "new-stamp", Checked));
    }

    [Fact]
    public void ConfirmNothingOfAUserForgotten()
    {
        _recent.Remember(_user, "stamp", Checked);

        _recent.Forget(_user);

        Assert.False(_recent.Confirms(_user, "stamp", Checked));
    }
}

using ComplaintCloud.Domain.Tenants;
using NodaTime;

namespace ComplaintCloud.UnitTests.Tenants;

public sealed class UserLockoutShould
{
    private static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 9, 0);

    [Fact]
    public void LockTheAccountForFifteenMinutesAfterFiveWrongPasswordsInARow()
    {
        var user = NewUser();

        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedLogIn(Start);
        }

        Assert.False(user.IsLockedOut(Start));
        user.RecordFailedLogIn(Start);
        Assert.True(user.IsLockedOut(Start + Duration.FromMinutes(14) + Duration.FromSeconds(59)));
        Assert.False(user.IsLockedOut(Start + Duration.FromMinutes(15)));
    }

    [Fact]
    public void ForgetWrongPasswordsOnceTheRightOneComes()
    {
        var user = NewUser();
        for (var i = 0; i < 4; i++)
        {
            user.RecordFailedLogIn(Start);
        }

        Assert.True(user.RecordSuccessfulLogIn());
        user.RecordFailedLogIn(Start);

        Assert.False(user.IsLockedOut(Start));
        Assert.Equal(1, user.FailedLogIns);
    }

    private static User NewUser() =>
        User.Create(Guid.NewGuid(), "agent@example.com", "a-long-password", [PlatformRoles.Agent], p => p, Start, "input.");
}

using ComplaintCloud.Infrastructure.Auth;
using NodaTime;
using NodaTime.Testing;

namespace ComplaintCloud.IntegrationTests.Notifications;

/// <summary>The tracking link's token (issue 13.9, 14.3): one complaint of one tenant, for <see cref="TrackingLinks.Lifetime"/>, unforgeable.</summary>
public sealed class TrackingLinkTokensShould
{
    private static readonly AuthSettings Auth = new(new string('k', 48), TimeSpan.FromHours(1), new Uri("http://127.0.0.1/reset-password"));
    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 12, 7, 2, 0));
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _complaint = Guid.NewGuid();

    [Fact]
    public void NameTheComplaintUntilThirtyDaysHavePassed()
    {
        var links = new TrackingLinks(Auth, null, _clock);
        var token = links.Issue(_tenant, _complaint);

        _clock.Advance(Duration.FromDays(30) - Duration.FromSeconds(1));
        var lastSecond = links.Read(token, _tenant);
        _clock.Advance(Duration.FromSeconds(1));

        Assert.Equal(_complaint, lastSecond);
        Assert.Null(links.Read(token, _tenant));
    }

    [Fact]
    public void NameNothingForAnotherTenantOrSignedWithAnotherKey()
    {
        var token = new TrackingLinks(Auth, null, _clock).Issue(_tenant, _complaint);
        var otherKey = new TrackingLinks(new AuthSettings(new string('x', 48), TimeSpan.FromHours(1), new Uri("http://127.0.0.1/reset-password")), null, _clock);

        Assert.Null(new TrackingLinks(Auth, null, _clock).Read(token, Guid.NewGuid()));
        Assert.Null(otherKey.Read(token, _tenant));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void NameNothingForAMalformedOrForgedToken(string token) =>
        Assert.Null(new TrackingLinks(Auth, null, _clock).Read(token, _tenant));

    [Fact]
    public void LinkToTheTenantsTrackingPageOnlyWhenTheConsolesPublicAddressIsSet()
    {
        var link = new TrackingLinks(Auth, new Uri("https://desk.example/cc/"), _clock).LinkFor("acme", _tenant, _complaint);

        Assert.Matches(@"^https://desk\.example/cc/acme/track\?t=[A-Za-z0-9_-]{48}$", link);
        Assert.Null(new TrackingLinks(Auth, null, _clock).LinkFor("acme", _tenant, _complaint));
    }
}

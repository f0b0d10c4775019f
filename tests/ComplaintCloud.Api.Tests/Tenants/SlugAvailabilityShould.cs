using System.Net;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Domain;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Api.Tests.Tenants;

/// <summary>Issue 13.1: the sign-up form checks the slug as it is typed, before the company has an account.</summary>
[Collection(ApiFixture.Collection)]
public sealed class SlugAvailabilityShould(ApiFixture api)
{
    private const string Check = "query($slug: String!) { slugAvailability(slug: $slug) { slug available reason } }";

    [Fact]
    public async Task CallASlugFreeUntilACompanySignsUpWithIt()
    {
        var free = "t-" + Guid.NewGuid().ToString("N")[..12];
        var tenant = await api.SignUpAsync();

        var before = await api.Client().SendAsync(Check, new { slug = free });
        var taken = await api.Client().SendAsync(Check, new { slug = tenant.Slug });

        before.AssertNoErrors();
        Assert.True(before.Data.GetProperty("slugAvailability").GetProperty("available").GetBoolean());
        taken.AssertNoErrors();
        Assert.False(taken.Data.GetProperty("slugAvailability").GetProperty("available").GetBoolean());
        Assert.Equal($"The slug '{tenant.Slug}' is taken.", taken.Data.GetProperty("slugAvailability").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("ab", "3 to 40 lower-case letters")]
    [InlineData("Acme", "3 to 40 lower-case letters")]
    [InlineData("settings", "names a page of the service itself")]
    public async Task GiveSignUpsOwnReasonForASlugNoCompanyCanHave(string slug, string reason)
    {
        var result = await api.Client().SendAsync(Check, new { slug });

        result.AssertNoErrors();
        Assert.False(result.Data.GetProperty("slugAvailability").GetProperty("available").GetBoolean());
        Assert.Contains(reason, result.Data.GetProperty("slugAvailability").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void RefuseMoreChecksFromOneAddressThanTheHoursLimit()
    {
        // Its own limiter, not the shared service's: every API test calls from 127.0.0.1.
        using var limits = new PublicPageLimits(new ConfigurationBuilder().Build());
        var services = new ServiceCollection().AddScoped<TenantContext>().BuildServiceProvider();
        HttpContext From(string address) => new DefaultHttpContext { RequestServices = services, Connection = { RemoteIpAddress = IPAddress.Parse(address) } };

        for (var i = 0; i < PublicPageLimits.DefaultSlugChecksPerHour; i++)
        {
            limits.TakeSlugCheck(From("192.0.2.1"));
        }

        var refused = Assert.Throws<DomainException>(() => limits.TakeSlugCheck(From("192.0.2.1")));
        Assert.Equal(ErrorCode.RateLimited, refused.Code);
        limits.TakeSlugCheck(From("192.0.2.2"));
    }
}

using ComplaintCloud.Domain;
using ComplaintCloud.Domain.Tenants;
using NodaTime;

namespace ComplaintCloud.UnitTests.Tenants;

public sealed class TenantShould
{
    private const string Document = """{"version":"1.0.0"}""";

    [Fact]
    public void KeepTheSameCustomPolicyDocumentAgainWithoutComplaint()
    {
        var tenant = NewTenant();
        tenant.KeepCustomPolicy("1.0.0", Document);

        tenant.KeepCustomPolicy("1.0.0", Document);

        Assert.Equal(Document, Assert.Single(tenant.CustomPolicies).Value);
    }

    [Fact]
    public void RefuseOtherContentUnderAKeptCustomPolicyVersion()
    {
        var tenant = NewTenant();
        tenant.KeepCustomPolicy("1.0.0", Document);

        var refused = Assert.Throws<DomainException>(() => tenant.KeepCustomPolicy("1.0.0", """{"version":"1.0.0","other":true}"""));

        Assert.Equal((ErrorCode.Conflict, Document), (refused.Code, tenant.CustomPolicies["1.0.0"]));
    }

    [Fact]
    public void KeepNoMoreCustomPolicyVersionsThanItsLimit()
    {
        var tenant = NewTenant();
        for (var minor = 0; minor < Tenant.MaxCustomPolicyVersions; minor++)
        {
            tenant.KeepCustomPolicy($"1.{minor}.0", Document);
        }

        var refused = Assert.Throws<DomainException>(() => tenant.KeepCustomPolicy("2.0.0", Document));

        Assert.Equal((ErrorCode.Conflict, Tenant.MaxCustomPolicyVersions), (refused.Code, tenant.CustomPolicies.Count));
    }

    [Theory]
    [InlineData("graphql")]
    [InlineData("reports")]
    [InlineData("login")]
    [InlineData("complaints")]
    public void RefuseASlugThatNamesAPageOfTheServiceItself(string slug)
    {
        var refused = Assert.Throws<DomainException>(() => NewTenant(slug));

        Assert.Equal((ErrorCode.BadUserInput, "input.slug"), (refused.Code, refused.Field));
    }

    private static Tenant NewTenant(string slug = "acme") =>
        Tenant.SignUp("Acme", slug, new TenantPolicy("general-enterprise", "1.0.0", new Dictionary<string, string>()), Tenant.DefaultTimeZone, Instant.FromUtc(2026, 3, 2, 2, 0));
}

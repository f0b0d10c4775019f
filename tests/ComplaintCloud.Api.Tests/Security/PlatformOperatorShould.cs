using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

[Collection(ApiFixture.Collection)]
public sealed class PlatformOperatorShould(ApiFixture api)
{
    private const string Suspend = "mutation($i: SuspendTenantInput!) { suspendTenant(input: $i) { slug suspendedAt } }";

    [Fact]
    public async Task ListTenantsAndHealthWithoutAnyComplaintContents()
    {
        var tenant = await api.SignUpAsync();
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction("An operator must never read this"))).AssertNoErrors();

        var result = await Operator().SendAsync("{ platformTenants { id slug name policyId createdAt suspendedAt } platformHealth { database tenants loadedPolicies } }");

        result.AssertNoErrors();
        Assert.Contains(result.Data.GetProperty("platformTenants").EnumerateArray(), t => t.GetProperty("slug").GetString() == tenant.Slug);
        Assert.True(result.Data.GetProperty("platformHealth").GetProperty("database").GetBoolean());
        Assert.True(result.Data.GetProperty("platformHealth").GetProperty("loadedPolicies").GetInt32() >= 3);
        Assert.DoesNotContain("An operator must never read this", result.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ complaints { totalCount } }")]
    [InlineData("{ tenant { id } }")]
    [InlineData("{ apiKeys { id } }")]
    public async Task RefuseTheOperatorEverythingButThePlatformFields(string query)
    {
        Assert.Equal("FORBIDDEN", (await Operator().SendAsync(query)).FirstErrorCode);
    }

    [Fact]
    public async Task RefusePlatformFieldsToTenantsAndAWrongPlatformKey()
    {
        var tenant = await api.SignUpAsync();
        var wrongKey = api.Client();
        wrongKey.Http.DefaultRequestHeaders.Add("X-Platform-Key", "guessed-key");

        var asTenant = await tenant.Client.SendAsync("{ platformTenants { id } }");
        var guessed = await wrongKey.SendAsync("{ platformTenants { id } }");

        Assert.Equal("FORBIDDEN", asTenant.FirstErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, guessed.Status);
        Assert.Equal("UNAUTHENTICATED", guessed.FirstErrorCode);
    }

    [Fact]
    public async Task MakeASuspendedTenantReadOnlyUntilResumed()
    {
        var tenant = await api.SignUpAsync();
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();

        (await Operator().SendAsync(Suspend, new { i = new { tenantId = tenant.TenantId, suspended = true } })).AssertNoErrors();
        var refused = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        var read = await tenant.Client.SendAsync(Operations.Count);
        var logIn = await api.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail, password = "a-long-password" } });
        (await Operator().SendAsync(Suspend, new { i = new { tenantId = tenant.TenantId, suspended = false } })).AssertNoErrors();
        var resumed = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
        Assert.Equal(1, read.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
        logIn.AssertNoErrors();
        resumed.AssertNoErrors();
    }

    [Fact]
    public async Task AnswerNotFoundForSuspendingAnUnknownTenant()
    {
        var result = await Operator().SendAsync(Suspend, new { i = new { tenantId = Guid.NewGuid(), suspended = true } });

        Assert.Equal("NOT_FOUND", result.FirstErrorCode);
    }

    private GraphQLClient Operator()
    {
        var client = api.Client();
        client.Http.DefaultRequestHeaders.Add("X-Platform-Key", ApiFixture.PlatformAdminKey);
        return client;
    }
}

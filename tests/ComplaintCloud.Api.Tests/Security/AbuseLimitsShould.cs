using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Hostile documents are refused with a code before they cost much, and the service stays healthy.</summary>
[Collection(ApiFixture.Collection)]
public sealed class AbuseLimitsShould(ApiFixture api)
{
    [Fact]
    public async Task RefuseAQueryAHundredLevelsDeep()
    {
        var query = "{" + string.Concat(Enumerable.Repeat(" tenant {", 100)) + " id" + new string('}', 101);

        await AssertRefusedAndStillHealthyAsync(await api.Client().SendAsync(query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseAOneMegabyteQuery()
    {
        var query = "{ policies {" + string.Concat(Enumerable.Repeat(" id", 330_000)) + " } }";

        await AssertRefusedAndStillHealthyAsync(await api.Client().SendAsync(query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseATenMegabyteBody()
    {
        var body = "{\"query\":\"{ policies { id } }\",\"variables\":{\"padding\":\"" + new string('x', 10 * 1024 * 1024) + "\"}}";

        await AssertRefusedAndStillHealthyAsync(await api.Client().SendRawAsync(body), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task RefuseAThousandAliases()
    {
        var query = "{" + string.Concat(Enumerable.Range(0, 1_000).Select(i => $" a{i}: policies {{ id }}")) + " }";

        var result = await api.Client().SendAsync(query);

        Assert.Contains("MAX_ALIASES_EXCEEDED", result.Text, StringComparison.Ordinal);
        await AssertRefusedAndStillHealthyAsync(result, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseAListTooCostlyToResolve()
    {
        var tenant = await api.SignUpAsync();
        const string page = "complaints(first: 100) { nodes { history { type at data } clocks { kind dueAt } grade { code name } customer { name } } }";
        var query = "{" + string.Concat(Enumerable.Range(0, 20).Select(i => $" p{i}: {page}")) + " }";

        var result = await tenant.Client.SendAsync(query);

        Assert.Contains("COMPLEXITY", result.Text, StringComparison.Ordinal);
        await AssertRefusedAndStillHealthyAsync(result, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RefuseUnknownFields()
    {
        await AssertRefusedAndStillHealthyAsync(await api.Client().SendAsync("{ tenants { id } }"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnswerRateLimitedOnceTheCallerHasSpentItsMinute()
    {
        await using var limited = api.Variant("Testing", ("RateLimits:PerIpPerMinute", "3"));
        using var http = limited.CreateClient();
        var client = new GraphQLClient(http);

        for (var i = 0; i < 3; i++)
        {
            (await client.SendAsync("{ __typename }")).AssertNoErrors();
        }

        var refused = await client.SendAsync("{ __typename }");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
    }

    [Fact]
    public async Task LimitEachTenantApartFromTheOthers()
    {
        await using var limited = api.Variant("Testing", ("RateLimits:PerTenantPerMinute", "2"));
        using var http = limited.CreateClient();
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();
        var headersA = new Dictionary<string, string> { ["X-Tenant"] = a.Slug };

        var first = await new GraphQLClient(http).SendAsync("{ __typename }", headers: headersA);
        var second = await new GraphQLClient(http).SendAsync("{ __typename }", headers: headersA);
        var third = await new GraphQLClient(http).SendAsync("{ __typename }", headers: headersA);
        var otherTenant = await new GraphQLClient(http).SendAsync("{ __typename }", headers: new Dictionary<string, string> { ["X-Tenant"] = b.Slug });

        first.AssertNoErrors();
        second.AssertNoErrors();
        Assert.Equal("RATE_LIMITED", third.FirstErrorCode);
        otherTenant.AssertNoErrors();
    }

    [Fact]
    public async Task AnswerIntrospectionInProductionOnlyToSignedInCallers()
    {
        await using var production = api.Variant("Production");
        using var http = production.CreateClient();
        var tenant = await api.SignUpAsync();
        const string introspection = "{ __schema { queryType { name } } }";

        var anonymous = await new GraphQLClient(http).SendAsync(introspection);
        http.DefaultRequestHeaders.Authorization = tenant.Client.Http.DefaultRequestHeaders.Authorization;
        var signedIn = await new GraphQLClient(http).SendAsync(introspection);

        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);
        signedIn.AssertNoErrors();
    }

    private async Task AssertRefusedAndStillHealthyAsync(GraphQLResult result, HttpStatusCode status)
    {
        Assert.True(status == result.Status, $"Expected {(int)status}, got {(int)result.Status}: {result.Text}");
        Assert.NotNull(result.FirstErrorCode);
        using var health = await api.Client().Http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        (await api.Client().SendAsync("{ policies { id } }")).AssertNoErrors();
    }
}

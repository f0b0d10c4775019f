using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

[Collection(ApiFixture.Collection)]
public sealed class TenantResolutionShould(ApiFixture api)
{
    [Fact]
    public async Task RefuseAnXTenantHeaderNamingAnotherTenantThanTheToken()
    {
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();

        var result = await b.Client.SendAsync(Operations.Count, headers: new Dictionary<string, string> { ["X-Tenant"] = a.Slug });

        Assert.Equal(HttpStatusCode.Forbidden, result.Status);
        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseASubDomainNamingAnotherTenantThanTheToken()
    {
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();

        var result = await b.Client.SendAsync(Operations.Count, headers: new Dictionary<string, string> { ["Host"] = $"{a.Slug}.localhost" });

        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
    }

    [Fact]
    public async Task AcceptAnXTenantHeaderNamingTheTokensOwnTenant()
    {
        var a = await api.SignUpAsync();

        var result = await a.Client.SendAsync(Operations.Count, headers: new Dictionary<string, string> { ["X-Tenant"] = a.Slug });

        result.AssertNoErrors();
    }

    [Fact]
    public async Task AnswerNotFoundForAnUnknownTenant()
    {
        var result = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(), new Dictionary<string, string> { ["X-Tenant"] = "no-such-tenant" });

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal("NOT_FOUND", result.FirstErrorCode);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged")]
    public async Task RefuseATokenTheServiceWouldNotIssueNow(string kind)
    {
        var a = await api.SignUpAsync();
        var me = await a.Client.SendAsync("{ me { id } }");
        var userId = me.Data.GetProperty("me").GetProperty("id").GetString()!;
        var token = kind == "expired" ? Tokens.Expired(a, userId) : Tokens.SignedWithAnotherKey(a, userId);

        var result = await api.Client(token).SendAsync(Operations.Count);

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal("UNAUTHENTICATED", result.FirstErrorCode);
    }

    [Fact]
    public async Task TakeAnAnonymousCustomersComplaintForTheTenantInTheHeader()
    {
        var a = await api.SignUpAsync();

        var result = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(), new Dictionary<string, string> { ["X-Tenant"] = a.Slug });

        result.AssertNoErrors();
        Assert.Contains("-CHAT-", result.Data.GetProperty("submitPublicComplaint").GetProperty("number").GetString(), StringComparison.Ordinal);
        var seen = await a.Client.SendAsync("{ complaints { nodes { channel customer { contact tier } } } }");
        var complaint = seen.Data.GetProperty("complaints").GetProperty("nodes")[0];
        Assert.Equal("ONLINE_CHAT", complaint.GetProperty("channel").GetString());
        Assert.Equal("NORMAL", complaint.GetProperty("customer").GetProperty("tier").GetString());
        Assert.Equal("13900001111", complaint.GetProperty("customer").GetProperty("contact").GetString());
    }

    [Fact]
    public async Task TakeAnAnonymousCustomersComplaintForTheTenantOfTheSubDomain()
    {
        var a = await api.SignUpAsync();

        var result = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(), new Dictionary<string, string> { ["Host"] = $"{a.Slug}.localhost" });

        result.AssertNoErrors();
        Assert.Equal(1, (await a.Client.SendAsync(Operations.Count)).Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task RefuseAPublicComplaintWithoutAContactAndStoreNothing()
    {
        var a = await api.SignUpAsync();

        var result = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint(contact: " "), new Dictionary<string, string> { ["X-Tenant"] = a.Slug });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.customer.contact", result.FirstErrorField);
        Assert.Equal(0, (await a.Client.SendAsync(Operations.Count)).Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task RefuseAPublicComplaintThatNamesNoTenant()
    {
        var result = await api.Client().SendAsync(Operations.PublicSubmit, Operations.PublicComplaint());

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("X-Tenant", result.FirstErrorField);
    }
}

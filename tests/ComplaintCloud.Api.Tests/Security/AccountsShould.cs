using System.Net.Http.Headers;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

[Collection(ApiFixture.Collection)]
public sealed class AccountsShould(ApiFixture api)
{
    private const string LogIn = "mutation($i: LogInInput!) { logIn(input: $i) { token } }";

    [Fact]
    public async Task LockLogInAfterFiveWrongPasswordsEvenForTheRightOne()
    {
        var tenant = await api.SignUpAsync();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("UNAUTHENTICATED", (await api.Client().SendAsync(LogIn, Credentials(tenant, "wrong-password-" + i))).FirstErrorCode);
        }

        var locked = await api.Client().SendAsync(LogIn, Credentials(tenant, "a-long-password"));

        Assert.Equal("UNAUTHENTICATED", locked.FirstErrorCode);
        Assert.Contains("locked", locked.Errors[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetFourWrongPasswordsAfterTheRightOne()
    {
        var tenant = await api.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await api.Client().SendAsync(LogIn, Credentials(tenant, "wrong-password-" + i));
        }

        (await api.Client().SendAsync(LogIn, Credentials(tenant, "a-long-password"))).AssertNoErrors();
        await api.Client().SendAsync(LogIn, Credentials(tenant, "wrong-password-again"));

        (await api.Client().SendAsync(LogIn, Credentials(tenant, "a-long-password"))).AssertNoErrors();
    }

    [Fact]
    public async Task SwapAValidTokenForAFreshOneThatWorks()
    {
        var tenant = await api.SignUpAsync();

        var refreshed = await tenant.Client.SendAsync("mutation { refreshToken { token user { email roles } tenant { slug } } }");

        refreshed.AssertNoErrors();
        var token = refreshed.Data.GetProperty("refreshToken").GetProperty("token").GetString()!;
        var me = await api.Client(token).SendAsync("{ me { email } }");
        Assert.Equal(tenant.AdminEmail, me.Data.GetProperty("me").GetProperty("email").GetString());
    }

    [Fact]
    public async Task RefuseToRefreshWithoutAToken()
    {
        var result = await api.Client().SendAsync("mutation { refreshToken { token } }");

        Assert.Equal("UNAUTHENTICATED", result.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseToRefreshAnExpiredToken()
    {
        var tenant = await api.SignUpAsync();
        var userId = (await tenant.Client.SendAsync("{ me { id } }")).Data.GetProperty("me").GetProperty("id").GetString()!;
        var client = api.Client();
        client.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Expired(tenant, userId));

        var result = await client.SendAsync("mutation { refreshToken { token } }");

        Assert.Equal("UNAUTHENTICATED", result.FirstErrorCode);
    }

    private static object Credentials(SignedInTenant tenant, string password) =>
        new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail, password } };
}

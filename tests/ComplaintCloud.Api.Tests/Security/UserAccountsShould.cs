using System.Net;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Issue 19: a token works only while its user is active in its tenant and has not changed credentials since.</summary>
[Collection(ApiFixture.Collection)]
public sealed class UserAccountsShould(ApiFixture api)
{
    private const string Me = "{ me { email } }";
    private const string Deactivate = "mutation($i: UserIdInput!) { deactivateUser(input: $i) { id active deactivatedAt } }";
    private const string Reactivate = "mutation($i: UserIdInput!) { reactivateUser(input: $i) { id active } }";
    private const string ChangePassword = "mutation($i: ChangePasswordInput!) { changePassword(input: $i) { token } }";
    private const string Refresh = "mutation { refreshToken { token } }";

    [Fact]
    public async Task RefuseEveryTokenOfADeactivatedUserAtOnce()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        (await agent.SendAsync(Me)).AssertNoErrors();

        var deactivated = await desk.Admin.SendAsync(Deactivate, new { i = new { userId = agentId } });

        deactivated.AssertNoErrors();
        Assert.False(deactivated.Data.GetProperty("deactivateUser").GetProperty("active").GetBoolean());
        var refused = await agent.SendAsync(Me);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("UNAUTHENTICATED", refused.FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await agent.SendAsync(Refresh)).FirstErrorCode);
    }

    [Fact]
    public async Task RefuseADeactivatedUsersLogInAndLetThemBackWhenReactivated()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        var email = (await agent.SendAsync(Me)).Data.GetProperty("me").GetProperty("email").GetString()!;
        (await desk.Admin.SendAsync(Deactivate, new { i = new { userId = agentId } })).AssertNoErrors();

        Assert.Equal("UNAUTHENTICATED", (await LogInAsync(desk, email, "a-long-password")).FirstErrorCode);

        (await desk.Admin.SendAsync(Reactivate, new { i = new { userId = agentId } })).AssertNoErrors();
        (await LogInAsync(desk, email, "a-long-password")).AssertNoErrors();
        // Reactivation lets the user log in again; the tokens deactivation ended stay ended.
        Assert.Equal("UNAUTHENTICATED", (await agent.SendAsync(Me)).FirstErrorCode);
    }

    [Fact]
    public async Task LetOnlyATenantAdminDeactivateAndNeverThemself()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        var adminId = (await desk.Admin.SendAsync("{ me { id } }")).Data.GetProperty("me").GetProperty("id").GetString();

        var byAgent = await agent.SendAsync(Deactivate, new { i = new { userId = agentId } });
        var self = await desk.Admin.SendAsync(Deactivate, new { i = new { userId = adminId } });

        Assert.Equal("FORBIDDEN", byAgent.FirstErrorCode);
        Assert.Equal(("BAD_USER_INPUT", "input.userId"), (self.FirstErrorCode, self.FirstErrorField));
        (await agent.SendAsync(Me)).AssertNoErrors();
        (await desk.Admin.SendAsync(Me)).AssertNoErrors();
    }

    [Fact]
    public async Task TreatAnotherTenantsUserAsNotFound()
    {
        var other = await Desk.OpenAsync(api, "general-enterprise");
        var (otherAgent, otherAgentId) = await other.UserAsync("AGENT");
        var desk = await Desk.OpenAsync(api, "general-enterprise");

        var result = await desk.Admin.SendAsync(Deactivate, new { i = new { userId = otherAgentId } });

        Assert.Equal(("NOT_FOUND", "input.userId"), (result.FirstErrorCode, result.FirstErrorField));
        (await otherAgent.SendAsync(Me)).AssertNoErrors();
    }

    [Fact]
    public async Task RefuseATokenNamingAUserItsTenantDoesNotHave()
    {
        var tenant = await api.SignUpAsync();
        var other = await api.SignUpAsync();
        var otherAdminId = (await other.Client.SendAsync("{ me { id } }")).Data.GetProperty("me").GetProperty("id").GetString()!;

        var unknown = await api.Client(Tokens.ForUnknownUser(tenant, Guid.NewGuid().ToString())).SendAsync(Me);
        var foreign = await api.Client(Tokens.ForUnknownUser(tenant, otherAdminId)).SendAsync(Me);

        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (unknown.Status, unknown.FirstErrorCode));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (foreign.Status, foreign.FirstErrorCode));
    }

    [Fact]
    public async Task EndEveryEarlierTokenWhenTheUserChangesTheirPassword()
    {
        var tenant = await api.SignUpAsync();
        var otherDevice = api.Client((await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-long-password")).Data.GetProperty("logIn").GetProperty("token").GetString());

        var changed = await tenant.Client.SendAsync(ChangePassword, new { i = new { currentPassword = "a-long-password", newPassword = "a-new-long-password" } });

        changed.AssertNoErrors();
        Assert.Equal("UNAUTHENTICATED", (await tenant.Client.SendAsync(Me)).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await otherDevice.SendAsync(Refresh)).FirstErrorCode);
        (await api.Client(changed.Data.GetProperty("changePassword").GetProperty("token").GetString()).SendAsync(Me)).AssertNoErrors();
        Assert.Equal("UNAUTHENTICATED", (await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-long-password")).FirstErrorCode);
        (await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-new-long-password")).AssertNoErrors();
    }

    [Theory]
    [InlineData("a-wrong-password", "a-new-long-password", "input.currentPassword")]
    [InlineData("a-long-password", "short", "input.newPassword")]
    public async Task RefuseAPasswordChangeWithoutTheCurrentPasswordOrWithATooShortOneAndChangeNothing(string current, string next, string field)
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(ChangePassword, new { i = new { currentPassword = current, newPassword = next } });

        Assert.Equal(("BAD_USER_INPUT", field), (result.FirstErrorCode, result.FirstErrorField));
        (await tenant.Client.SendAsync(Me)).AssertNoErrors();
        (await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-long-password")).AssertNoErrors();
    }

    [Fact]
    public async Task EndEveryTokenOfTheUserWhenTheySignOutEverywhere()
    {
        var tenant = await api.SignUpAsync();
        var otherDevice = api.Client((await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-long-password")).Data.GetProperty("logIn").GetProperty("token").GetString());

        (await tenant.Client.SendAsync("mutation { signOutEverywhere }")).AssertNoErrors();

        Assert.Equal("UNAUTHENTICATED", (await tenant.Client.SendAsync(Me)).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await otherDevice.SendAsync(Refresh)).FirstErrorCode);
        (await LogInAsync(tenant.Slug, tenant.AdminEmail, "a-long-password")).AssertNoErrors();
    }

    [Fact]
    public async Task RefreshIntoATokenThatOutlivesNoCredentialChange()
    {
        var tenant = await api.SignUpAsync();
        var refreshed = api.Client((await tenant.Client.SendAsync(Refresh)).Data.GetProperty("refreshToken").GetProperty("token").GetString());

        (await refreshed.SendAsync("mutation { signOutEverywhere }")).AssertNoErrors();

        Assert.Equal("UNAUTHENTICATED", (await tenant.Client.SendAsync(Refresh)).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await refreshed.SendAsync(Refresh)).FirstErrorCode);
    }

    [Fact]
    public async Task ListTheTenantsUsersWithTheirRolesAndWhetherActiveForTenantAdminsOnly()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, agentId) = await desk.UserAsync("AGENT");
        (await desk.Admin.SendAsync(Deactivate, new { i = new { userId = agentId } })).AssertNoErrors();
        var (viewer, _) = await desk.UserAsync("VIEWER");

        var users = await desk.Admin.SendAsync("{ users { id email roles active } }");

        users.AssertNoErrors();
        var listed = users.Data.GetProperty("users").EnumerateArray()
            .Select(u => $"{string.Join('+', u.GetProperty("roles").EnumerateArray().Select(r => r.GetString()))} {u.GetProperty("active").GetBoolean()}")
            .Order(StringComparer.Ordinal);
        Assert.Equal(["AGENT False", "TENANT_ADMIN True", "VIEWER True"], listed);
        Assert.Equal("FORBIDDEN", (await viewer.SendAsync("{ users { id } }")).FirstErrorCode);
        Assert.Equal("UNAUTHENTICATED", (await agent.SendAsync("{ users { id } }")).FirstErrorCode);
    }

    private Task<GraphQLResult> LogInAsync(Desk desk, string email, string password) => LogInAsync(desk.Slug, email, password);

    private Task<GraphQLResult> LogInAsync(string slug, string email, string password) =>
        api.Client().SendAsync("mutation($i: LogInInput!) { logIn(input: $i) { token } }", new { i = new { tenantSlug = slug, email, password } });
}

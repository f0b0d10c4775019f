using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

[Collection(ApiFixture.Collection)]
public sealed class InvitationsShould(ApiFixture api)
{
    private const string Invite = """
        mutation($i: InviteUserInput!) { inviteUser(input: $i) { token invitation { email roles expiresAt } } }
        """;

    private const string Accept = """
        mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token user { email roles } } }
        """;

    [Fact]
    public async Task LetAnInviteeJoinWithTheInvitedRolesIncludingOnesThePolicyNames()
    {
        var tenant = await api.SignUpAsync("winery");
        var token = await InviteAsync(tenant, "head@example.com", "AGENT", "DEPARTMENT_HEAD");

        var accepted = await api.Client().SendAsync(Accept, new { i = new { tenantSlug = tenant.Slug, token, password = "chosen-password" } });

        accepted.AssertNoErrors();
        var roles = accepted.Data.GetProperty("acceptInvitation").GetProperty("user").GetProperty("roles").EnumerateArray().Select(r => r.GetString());
        Assert.Equal(["AGENT", "DEPARTMENT_HEAD"], roles);
        var logIn = await api.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, email = "head@example.com", password = "chosen-password" } });
        logIn.AssertNoErrors();
    }

    [Fact]
    public async Task AcceptAnInvitationOnlyOnce()
    {
        var tenant = await api.SignUpAsync();
        var token = await InviteAsync(tenant, "agent@example.com", "AGENT");
        var input = new { i = new { tenantSlug = tenant.Slug, token, password = "chosen-password" } };

        (await api.Client().SendAsync(Accept, input)).AssertNoErrors();
        var again = await api.Client().SendAsync(Accept, input);

        Assert.Equal("BAD_USER_INPUT", again.FirstErrorCode);
        Assert.Equal("input.token", again.FirstErrorField);
    }

    [Fact]
    public async Task RefuseARoleNeitherThePlatformNorThePolicyNames()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Invite, new { i = new { email = "x@example.com", roles = (string[])["SUPREME_LEADER"] } });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.roles", result.FirstErrorField);
    }

    [Fact]
    public async Task LetOnlyTenantAdminsInvite()
    {
        var tenant = await api.SignUpAsync();
        var token = await InviteAsync(tenant, "viewer@example.com", "VIEWER");
        var viewer = await api.Client().SendAsync(Accept, new { i = new { tenantSlug = tenant.Slug, token, password = "chosen-password" } });
        var viewerClient = api.Client(viewer.Data.GetProperty("acceptInvitation").GetProperty("token").GetString());

        var result = await viewerClient.SendAsync(Invite, new { i = new { email = "y@example.com", roles = (string[])["TENANT_ADMIN"] } });

        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseAnotherTenantsInvitation()
    {
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();
        var token = await InviteAsync(a, "agent@example.com", "AGENT");

        var result = await api.Client().SendAsync(Accept, new { i = new { tenantSlug = b.Slug, token, password = "chosen-password" } });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
    }

    [Fact]
    public async Task ListOnlyTheOpenInvitationsNewestFirstWithoutTheirTokens()
    {
        var tenant = await api.SignUpAsync();
        var acceptedToken = await InviteAsync(tenant, "accepted@example.com", "AGENT");
        await InviteAsync(tenant, "older@example.com", "AGENT");
        await InviteAsync(tenant, "newer@example.com", "VIEWER");
        (await api.Client().SendAsync(Accept, new { i = new { tenantSlug = tenant.Slug, token = acceptedToken, password = "chosen-password" } })).AssertNoErrors();

        var listed = await tenant.Client.SendAsync("{ invitations { email roles expiresAt acceptedAt } }");

        listed.AssertNoErrors();
        var invitations = listed.Data.GetProperty("invitations").EnumerateArray().ToList();
        Assert.Equal(["newer@example.com", "older@example.com"], invitations.Select(i => i.GetProperty("email").GetString()));
        Assert.DoesNotContain("token", listed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListInvitationsToTenantAdminsOnly()
    {
        var tenant = await api.SignUpAsync();
        var token = await InviteAsync(tenant, "agent@example.com", "AGENT");
        var agent = await api.Client().SendAsync(Accept, new { i = new { tenantSlug = tenant.Slug, token, password = "chosen-password" } });

        var result = await api.Client(agent.Data.GetProperty("acceptInvitation").GetProperty("token").GetString()).SendAsync("{ invitations { email } }");

        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
    }

    private static async Task<string> InviteAsync(SignedInTenant tenant, string email, params string[] roles)
    {
        var invited = await tenant.Client.SendAsync(Invite, new { i = new { email, roles } });
        invited.AssertNoErrors();
        return invited.Data.GetProperty("inviteUser").GetProperty("token").GetString()!;
    }
}

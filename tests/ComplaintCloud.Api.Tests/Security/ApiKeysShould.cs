using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

[Collection(ApiFixture.Collection)]
public sealed class ApiKeysShould(ApiFixture api)
{
    private const string Create = """
        mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id name scopes revokedAt } } }
        """;

    [Fact]
    public async Task LetAKeySubmitComplaintsForItsTenant()
    {
        var tenant = await api.SignUpAsync();
        var (key, _) = await CreateKeyAsync(tenant, "complaints:submit");

        var submitted = await KeyClient(key).SendAsync(Operations.Submit, Operations.CalmMalfunction());

        submitted.AssertNoErrors();
        Assert.Equal(1, (await tenant.Client.SendAsync(Operations.Count)).Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task RefuseWhatTheKeysScopesDoNotAllow()
    {
        var tenant = await api.SignUpAsync();
        var (key, _) = await CreateKeyAsync(tenant, "complaints:submit");

        var read = await KeyClient(key).SendAsync(Operations.Count);
        var admin = await KeyClient(key).SendAsync("mutation { createApiKey(input: {name: \"escalated\", scopes: [\"complaints:read\"]}) { key } }");

        Assert.Equal("FORBIDDEN", read.FirstErrorCode);
        Assert.Equal("FORBIDDEN", admin.FirstErrorCode);
    }

    // The service keeps the documents it has parsed and checked; the caller's scope is checked on every request all the same.
    [Fact]
    public async Task RefuseWhatTheKeysScopesDoNotAllowInADocumentAlreadyRunForTheAdmin()
    {
        var tenant = await api.SignUpAsync();
        var (key, _) = await CreateKeyAsync(tenant, "complaints:submit");
        var document = $"query {{ complaints(first: 1) {{ totalCount }} }} # {Guid.NewGuid()}";
        (await tenant.Client.SendAsync(document)).AssertNoErrors();

        var read = await KeyClient(key).SendAsync(document);

        Assert.Equal("FORBIDDEN", read.FirstErrorCode);
    }

    [Fact]
    public async Task StopARevokedKeyAtOnce()
    {
        var tenant = await api.SignUpAsync();
        var (key, id) = await CreateKeyAsync(tenant, "complaints:submit");

        var revoked = await tenant.Client.SendAsync("mutation($i: RevokeApiKeyInput!) { revokeApiKey(input: $i) { revokedAt } }", new { i = new { id } });
        var refused = await KeyClient(key).SendAsync(Operations.Submit, Operations.CalmMalfunction());

        revoked.AssertNoErrors();
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal("UNAUTHENTICATED", refused.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseATamperedKeyAndAKeyPointedAtAnotherTenant()
    {
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();
        var (key, _) = await CreateKeyAsync(a, "complaints:submit");
        var parts = key.Split('_');
        var retargeted = string.Join('_', parts[0], Guid.Parse(b.TenantId).ToString("N"), parts[2], parts[3]);
        var tampered = key[..^1] + (key[^1] == '0' ? '1' : '0');

        foreach (var forged in new[] { retargeted, tampered, "cck_nonsense" })
        {
            Assert.Equal("UNAUTHENTICATED", (await KeyClient(forged).SendAsync(Operations.Submit, Operations.CalmMalfunction())).FirstErrorCode);
        }

        var headerMismatch = await KeyClient(key).SendAsync(Operations.Submit, Operations.CalmMalfunction(), new Dictionary<string, string> { ["X-Tenant"] = b.Slug });
        Assert.Equal("FORBIDDEN", headerMismatch.FirstErrorCode);
        Assert.Equal(0, (await b.Client.SendAsync(Operations.Count)).Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ListKeysWithoutTheirSecretsAndRefuseUnknownScopes()
    {
        var tenant = await api.SignUpAsync();
        var (key, _) = await CreateKeyAsync(tenant, "complaints:read");

        var listed = await tenant.Client.SendAsync("{ apiKeys { id name scopes } }");
        var unknown = await tenant.Client.SendAsync(Create, new { i = new { name = "bad", scopes = (string[])["everything"] } });

        listed.AssertNoErrors();
        Assert.DoesNotContain(key.Split('_')[3], listed.Text, StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", unknown.FirstErrorCode);
        Assert.Equal("input.scopes", unknown.FirstErrorField);
    }

    private static async Task<(string Key, string Id)> CreateKeyAsync(SignedInTenant tenant, string scope)
    {
        var created = await tenant.Client.SendAsync(Create, new { i = new { name = "call centre", scopes = new[] { scope } } });
        created.AssertNoErrors();
        var payload = created.Data.GetProperty("createApiKey");
        return (payload.GetProperty("key").GetString()!, payload.GetProperty("apiKey").GetProperty("id").GetString()!);
    }

    private GraphQLClient KeyClient(string key)
    {
        var client = api.Client();
        client.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}

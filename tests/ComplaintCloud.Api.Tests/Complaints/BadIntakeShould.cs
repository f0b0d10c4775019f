using System.Net;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>Bad input gets a clear error with a code and stores nothing.</summary>
[Collection(ApiFixture.Collection)]
public sealed class BadIntakeShould(ApiFixture api)
{
    [Fact]
    public async Task AnswerMalformedJsonWith400AndStoreNothing()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendRawAsync("{\"query\": \"mutation { submitComplaint(");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task AnswerAMissingRequiredFieldWithBadUserInput()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Operations.Submit, WithInput(input => input.Remove("description")));

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task AnswerAnUnknownEnumValueWithBadUserInput()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Operations.Submit, WithInput(input => input["channel"] = "CARRIER_PIGEON"));

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task AnswerAnEmptyDescriptionWithBadUserInputNamingTheField()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Operations.Submit, WithInput(input => input["description"] = "   "));

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.description", result.FirstErrorField);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseAOneMegabyteDescription()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Operations.Submit, WithInput(input => input["description"] = new string('x', 1024 * 1024)));

        Assert.True(result.Status is HttpStatusCode.RequestEntityTooLarge || result.FirstErrorCode == "BAD_USER_INPUT", result.Text);
        Assert.Contains("BAD_USER_INPUT", result.Text, StringComparison.Ordinal);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseADescriptionOverTheLimitThatFitsInTheBody()
    {
        var tenant = await api.SignUpAsync();

        var result = await tenant.Client.SendAsync(Operations.Submit, WithInput(input => input["description"] = new string('x', 20_001)));

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.description", result.FirstErrorField);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseSignUpOnAnUnknownPolicyAndCreateNoTenant()
    {
        var slug = "nopolicy-" + Guid.NewGuid().ToString("N")[..8];

        var result = await api.Client().SendAsync(
            "mutation($i: SignUpInput!) { signUp(input: $i) { token } }",
            new { i = new { companyName = "No Policy", slug, adminEmail = "a@nopolicy.example", adminPassword = "a-long-password", policyId = "no-such-policy" } });
        var logIn = await api.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
            new { i = new { tenantSlug = slug, email = "a@nopolicy.example", password = "a-long-password" } });

        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal("input.policyId", result.FirstErrorField);
        Assert.Equal("UNAUTHENTICATED", logIn.FirstErrorCode);
    }

    [Fact]
    public async Task RefuseATakenSlugWithConflict()
    {
        var tenant = await api.SignUpAsync();

        var result = await api.Client().SendAsync(
            "mutation($i: SignUpInput!) { signUp(input: $i) { token } }",
            new { i = new { companyName = "Copycat", slug = tenant.Slug, adminEmail = "a@copy.example", adminPassword = "a-long-password" } });

        Assert.Equal("CONFLICT", result.FirstErrorCode);
        Assert.Equal("input.slug", result.FirstErrorField);
    }

    private static object WithInput(Action<Dictionary<string, object?>> change)
    {
        var input = Operations.CalmMalfunctionInput();
        change(input);
        return new { input };
    }
}

using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Tenants;

/// <summary>Issue 13.1: the sign-up wizard resumes at its policy step until the company has chosen one.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PolicyChoiceShould(ApiFixture api)
{
    [Fact]
    public async Task LeaveThePolicyUnchosenAfterASignUpThatNamesNoneUntilTheAdminSelectsOne()
    {
        var slug = "t-" + Guid.NewGuid().ToString("N")[..12];
        var signUp = await api.Client().SendAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { token tenant { policy { policyId } policyChosenAt } } }",
            new { input = new { companyName = "Wizard Co", slug, adminEmail = $"admin@{slug}.example", adminPassword = "a-long-password" } });
        signUp.AssertNoErrors();
        var admin = api.Client(signUp.Data.GetProperty("signUp").GetProperty("token").GetString());

        var selected = await admin.SendAsync(
            "mutation { selectPolicy(input: { policyId: \"winery\" }) { policyChosenAt } }");

        Assert.Equal(JsonValueKind.Null, signUp.Data.GetProperty("signUp").GetProperty("tenant").GetProperty("policyChosenAt").ValueKind);
        selected.AssertNoErrors();
        Assert.Equal(JsonValueKind.String, selected.Data.GetProperty("selectPolicy").GetProperty("policyChosenAt").ValueKind);
    }

    [Fact]
    public async Task CountAPolicyNamedAtSignUpAsChosen()
    {
        var tenant = await api.SignUpAsync("winery");

        var result = await tenant.Client.SendAsync("{ tenant { policyChosenAt } }");

        result.AssertNoErrors();
        Assert.Equal(JsonValueKind.String, result.Data.GetProperty("tenant").GetProperty("policyChosenAt").ValueKind);
    }
}

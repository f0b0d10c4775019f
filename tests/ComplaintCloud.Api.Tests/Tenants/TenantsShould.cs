using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Tenants;

[Collection(ApiFixture.Collection)]
public sealed class TenantsShould(ApiFixture api)
{
    [Fact]
    public async Task ListTheThreeBuiltInPoliciesLoadedFromDisk()
    {
        var result = await api.Client().SendAsync("{ policies { id version status name zh: name(locale: \"zh\") grades { code rank } } }");

        result.AssertNoErrors();
        var loaded = result.Data.GetProperty("policies").EnumerateArray()
            .Where(p => p.GetProperty("status").GetString() == "LOADED")
            .Select(p => p.GetProperty("id").GetString())
            .ToHashSet();
        Assert.Superset(new HashSet<string?> { "general-enterprise", "winery", "gas-station" }, loaded);
    }

    [Fact]
    public async Task ShowTheFolderEachPolicyVersionWasLoadedFrom()
    {
        var result = await api.Client().SendAsync("{ policies { id version folder } }");

        result.AssertNoErrors();
        Assert.Contains(
            "general-enterprise 1.0.0 general-enterprise/1.0.0",
            result.Data.GetProperty("policies").EnumerateArray()
                .Select(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("version").GetString()} {p.GetProperty("folder").GetString()}"));
    }

    [Fact]
    public async Task ListTheRolesEachPolicyNamesInBothLanguages()
    {
        var result = await api.Client().SendAsync("{ policies { id roles { code en: name zh: name(locale: \"zh\") } } }");

        result.AssertNoErrors();
        var generalEnterprise = result.Data.GetProperty("policies").EnumerateArray().First(p => p.GetProperty("id").GetString() == "general-enterprise");
        Assert.Equal(
            ["CS_AGENT Customer-service agent 客服专员", "CS_SUPERVISOR Customer-service supervisor 客服主管", "DEPARTMENT_HEAD Department head 部门负责人",
             "AFTER_SALES_MANAGER After-sales manager 售后部经理", "VP Vice-president in charge 分管副总", "LEGAL Legal department 法务部",
             "PR Public relations department 公关部"],
            generalEnterprise.GetProperty("roles").EnumerateArray()
                .Select(r => $"{r.GetProperty("code").GetString()} {r.GetProperty("en").GetString()} {r.GetProperty("zh").GetString()}"));
    }

    [Fact]
    public async Task RefuseAWrongPasswordWithTheSameAnswerAsAnUnknownTenant()
    {
        var tenant = await api.SignUpAsync();
        const string logIn = "mutation($i: LogInInput!) { logIn(input: $i) { token } }";

        var wrongPassword = await api.Client().SendAsync(logIn, new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail, password = "not-the-password" } });
        var unknownTenant = await api.Client().SendAsync(logIn, new { i = new { tenantSlug = "no-such-tenant", email = tenant.AdminEmail, password = "not-the-password" } });

        Assert.Equal("UNAUTHENTICATED", wrongPassword.FirstErrorCode);
        Assert.Equal(wrongPassword.Errors[0].GetProperty("message").GetString(), unknownTenant.Errors[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task LetTheAdminSwitchPolicyAndRefuseAnUnknownSetting()
    {
        var tenant = await api.SignUpAsync();
        const string select = "mutation($i: SelectPolicyInput!) { selectPolicy(input: $i) { policy { policyId version settings } } }";

        var switched = await tenant.Client.SendAsync(select, new { i = new { policyId = "winery" } });
        var refused = await tenant.Client.SendAsync(select, new { i = new { policyId = "winery", settings = new { noSuchSetting = 1 } } });
        var me = await tenant.Client.SendAsync("{ tenant { policy { policyId } } me { email roles } }");

        switched.AssertNoErrors();
        Assert.Equal("BAD_USER_INPUT", refused.FirstErrorCode);
        Assert.Equal("input.settings.noSuchSetting", refused.FirstErrorField);
        Assert.Equal("winery", me.Data.GetProperty("tenant").GetProperty("policy").GetProperty("policyId").GetString());
        Assert.Equal(tenant.AdminEmail, me.Data.GetProperty("me").GetProperty("email").GetString());
    }
}

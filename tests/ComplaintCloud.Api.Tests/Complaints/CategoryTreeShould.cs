using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>Issue 16.8: each tenant has a category tree, seeded from its policy, edited by its admins, and intake takes only its categories.</summary>
[Collection(ApiFixture.Collection)]
public sealed class CategoryTreeShould(ApiFixture api)
{
    private const string List = "query($all: Boolean) { categories(includeInactive: $all) { code name nameZh: name(locale: \"zh\") parentCode active } }";

    private const string Upsert = "mutation($i: UpsertCategoryInput!) { upsertCategory(input: $i) { code name nameZh: name(locale: \"zh\") parentCode active } }";

    [Fact]
    public async Task BeSeededFromThePolicysCategoriesWithTheirParentsAndBilingualNamesOrderedByCode()
    {
        var tenant = await api.SignUpAsync("gas-station");

        var categories = await ListAsync(tenant.Client);

        var fuel = categories.Single(c => S(c, "code") == "fuel");
        var quality = categories.Single(c => S(c, "code") == "fuel/quality");
        Assert.Equal(("Fuel", "油品", null), (S(fuel, "name"), S(fuel, "nameZh"), S(fuel, "parentCode")));
        Assert.Equal(("Fuel quality", "油品质量", "fuel"), (S(quality, "name"), S(quality, "nameZh"), S(quality, "parentCode")));
        Assert.Contains(categories, c => S(c, "code") == "safety/incident");
        var codes = categories.Select(c => S(c, "code")!).ToList();
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
    }

    [Fact]
    public async Task RefuseAnUnknownCategoryAtIntakeWithBadUserInputOnInputCategoryAndStoreNothing()
    {
        var tenant = await api.SignUpAsync();
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "zzz";

        var result = await tenant.Client.SendAsync(Operations.Submit, new { input });

        Assert.Equal(("BAD_USER_INPUT", "input.category"), (result.FirstErrorCode, result.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseAnUnknownCategoryOnThePublicForm()
    {
        var tenant = await api.SignUpAsync("gas-station");

        var result = await api.Client().SendAsync(
            Operations.PublicSubmit,
            new { input = new { kind = "COMPLAINT", category = "product/fuel-quality", description = "The petrol knocks. 汽油爆震。", customerName = "Wang", contact = "13900001111" } },
            new Dictionary<string, string> { ["X-Tenant"] = tenant.Slug });

        Assert.Equal(("BAD_USER_INPUT", "input.category"), (result.FirstErrorCode, result.FirstErrorField));
    }

    [Fact]
    public async Task ListTheActiveCategoriesToTheAnonymousPublicForm()
    {
        var tenant = await api.SignUpAsync("winery");

        var categories = await ListAsync(api.Client(), headers: new Dictionary<string, string> { ["X-Tenant"] = tenant.Slug });

        Assert.Contains(categories, c => S(c, "code") == "product/quality");
    }

    [Fact]
    public async Task LetATenantAdminAddAChildUnderAnExistingParentThatIntakeThenAccepts()
    {
        var tenant = await api.SignUpAsync("gas-station");

        var added = await tenant.Client.SendAsync(Upsert, new { i = new { code = "fuel/quality/octane", nameZh = "辛烷值不足", nameEn = "Low octane" } });
        added.AssertNoErrors();
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "fuel/quality/octane";
        var submitted = await tenant.Client.SendAsync(Operations.Submit, new { input });

        Assert.Equal(("fuel/quality", true), (S(added.Data.GetProperty("upsertCategory"), "parentCode"), added.Data.GetProperty("upsertCategory").GetProperty("active").GetBoolean()));
        submitted.AssertNoErrors();
    }

    [Fact]
    public async Task GradeASubcategoryTheTenantAddedAsThePolicyGradesItsParent()
    {
        var tenant = await api.SignUpAsync("gas-station");
        (await tenant.Client.SendAsync(Upsert, new { i = new { code = "fuel/quality/octane", nameZh = "辛烷值不足", nameEn = "Low octane" } })).AssertNoErrors();
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "fuel/quality/octane";
        input["amountInvolved"] = 0m;

        var submitted = await tenant.Client.SendAsync(Operations.Submit, new { input });

        submitted.AssertNoErrors();
        // SPEC §3c: fuel quality disputes always go up, above the station.
        Assert.Equal("ESCALATED", submitted.Data.GetProperty("submitComplaint").GetProperty("grade").GetProperty("code").GetString());
    }

    [Fact]
    public async Task RefuseAChildWhoseParentIsNotInTheTree()
    {
        var tenant = await api.SignUpAsync("gas-station");

        var result = await tenant.Client.SendAsync(Upsert, new { i = new { code = "lubricants/oil", nameZh = "机油", nameEn = "Engine oil" } });

        Assert.Equal(("BAD_USER_INPUT", "input.code"), (result.FirstErrorCode, result.FirstErrorField));
        Assert.DoesNotContain(await ListAsync(tenant.Client, includeInactive: true), c => S(c, "code") == "lubricants/oil");
    }

    [Fact]
    public async Task RefuseARetiredCategoryAtIntakeButStillListItWithTheInactive()
    {
        var tenant = await api.SignUpAsync();
        // Taken once while active: intake keeps that answer for 2 s, and retiring the category must forget it.
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        var retired = await tenant.Client.SendAsync(Upsert, new { i = new { code = "product/malfunction", nameZh = "功能故障", nameEn = "Malfunction", active = false } });
        retired.AssertNoErrors();

        var result = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());

        Assert.Equal(("BAD_USER_INPUT", "input.category"), (result.FirstErrorCode, result.FirstErrorField));
        Assert.DoesNotContain(await ListAsync(tenant.Client), c => S(c, "code") == "product/malfunction");
        Assert.Contains(await ListAsync(tenant.Client, includeInactive: true), c => S(c, "code") == "product/malfunction" && !c.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task LetOnlyTenantAdminsEditTheTree()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (agent, _) = await desk.UserAsync("AGENT");

        var result = await agent.SendAsync(Upsert, new { i = new { code = "product/smell", nameZh = "异味", nameEn = "Smell" } });

        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
        Assert.Contains(await ListAsync(agent), c => S(c, "code") == "product/malfunction");
    }

    [Fact]
    public async Task KeepATenantsTreeItsOwn()
    {
        var a = await api.SignUpAsync("gas-station");
        var b = await api.SignUpAsync("gas-station");

        (await a.Client.SendAsync(Upsert, new { i = new { code = "fuel/quality/octane", nameZh = "辛烷值不足", nameEn = "Low octane" } })).AssertNoErrors();

        Assert.DoesNotContain(await ListAsync(b.Client), c => S(c, "code") == "fuel/quality/octane");
    }

    private static async Task<List<JsonElement>> ListAsync(GraphQLClient client, bool includeInactive = false, IDictionary<string, string>? headers = null)
    {
        var result = await client.SendAsync(List, new { all = includeInactive }, headers);
        result.AssertNoErrors();
        return [.. result.Data.GetProperty("categories").EnumerateArray()];
    }

    private static string? S(JsonElement element, string property) => element.GetProperty(property).GetString();
}

using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Tenants;

/// <summary>Issue 13.1: what the sign-up wizard shows of each policy, and the settings form it generates.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PolicyCardsShould(ApiFixture api)
{
    private const string Policies = """
        {
          policies {
            id
            settings { key zh: name(locale: "zh") kind defaultValue minimum maximum }
            gradeTerms { grade { code } clocks { kind amount unit startsOn } approvers }
          }
        }
        """;

    [Fact]
    public async Task DeclareEachSettingWithItsKindDefaultAndLimits()
    {
        var tenant = await api.SignUpAsync();

        var winery = await WineryAsync(tenant);

        var serious = winery.GetProperty("settings").EnumerateArray().Single(s => s.GetProperty("key").GetString() == "seriousAmountThreshold");
        Assert.Equal(("特大投诉起点金额（元）", "NUMBER", "5000"), (serious.GetProperty("zh").GetString(), serious.GetProperty("kind").GetString(), serious.GetProperty("defaultValue").GetString()));
        Assert.Equal((0m, 100_000_000m), (serious.GetProperty("minimum").GetDecimal(), serious.GetProperty("maximum").GetDecimal()));
    }

    [Fact]
    public async Task ShowEachGradesClocksAndApproversUnderTheDefaults()
    {
        var tenant = await api.SignUpAsync();

        var winery = await WineryAsync(tenant);

        var serious = winery.GetProperty("gradeTerms").EnumerateArray().Single(t => t.GetProperty("grade").GetProperty("code").GetString() == "SERIOUS");
        var clocks = serious.GetProperty("clocks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("kind").GetString()!, c => (c.GetProperty("amount").GetInt32(), c.GetProperty("unit").GetString()));
        // SPEC §3b, serious: reported and on site within 10 minutes, plan within 24 hours; seed 002: winery leadership approves.
        Assert.Equal((10, "MINUTES"), clocks["REPORT"]);
        Assert.Equal((10, "MINUTES"), clocks["ON_SITE"]);
        Assert.Equal((24, "HOURS"), clocks["PLAN"]);
        Assert.Equal(["WINERY_LEADERSHIP"], serious.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
    }

    private static async Task<JsonElement> WineryAsync(SignedInTenant tenant)
    {
        var result = await tenant.Client.SendAsync(Policies);
        result.AssertNoErrors();
        return result.Data.GetProperty("policies").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "winery");
    }
}

using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Tenants;

[Collection(ApiFixture.Collection)]
public sealed class PolicyPreviewShould(ApiFixture api)
{
    private const string Preview = """
        query($i: PreviewPolicyInput!) {
          previewPolicy(input: $i) { policyId grade { code zh: name(locale: "zh") } clocks { kind dueAt } approvers reviewers }
        }
        """;

    // Wednesday 4 March 2026, 10:30 in Shanghai.
    private const string ReceivedAt = "2026-03-04T02:30:00Z";

    [Fact]
    public async Task GradeAndClockASampleUnderTunedSettings_WithoutSwitchingTheTenant()
    {
        var tenant = await api.SignUpAsync("general-enterprise");

        var preview = await tenant.Client.SendAsync(Preview, new
        {
            i = new { policyId = "winery", settings = new { seriousAmountThreshold = 1000 }, sample = new { category = "product/quality", amountInvolved = 1500, receivedAt = ReceivedAt } },
        });
        var after = await tenant.Client.SendAsync("{ tenant { policy { policyId } } }");

        preview.AssertNoErrors();
        var result = preview.Data.GetProperty("previewPolicy");
        Assert.Equal(("SERIOUS", "特大"), (result.GetProperty("grade").GetProperty("code").GetString(), result.GetProperty("grade").GetProperty("zh").GetString()));
        var clocks = result.GetProperty("clocks").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("dueAt").GetDateTime());
        // SPEC §3b, serious: reported and on site within 10 minutes, plan within 24 hours.
        Assert.Equal(new DateTime(2026, 3, 4, 2, 40, 0, DateTimeKind.Utc), clocks["REPORT"]);
        Assert.Equal(new DateTime(2026, 3, 4, 2, 40, 0, DateTimeKind.Utc), clocks["ON_SITE"]);
        Assert.Equal(new DateTime(2026, 3, 5, 2, 30, 0, DateTimeKind.Utc), clocks["PLAN"]);
        // Seed 002: the unit leader reviews a serious plan, winery leadership approves it.
        Assert.Equal(["WINERY_LEADERSHIP"], result.GetProperty("approvers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["UNIT_LEADER"], result.GetProperty("reviewers").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("general-enterprise", after.Data.GetProperty("tenant").GetProperty("policy").GetProperty("policyId").GetString());
    }

    [Fact]
    public async Task NameTheSettingThatIsOutOfRange()
    {
        var tenant = await api.SignUpAsync();

        var preview = await tenant.Client.SendAsync(Preview, new
        {
            i = new { policyId = "winery", settings = new { seriousAmountThreshold = -1 }, sample = new { category = "product/quality" } },
        });

        Assert.Equal("BAD_USER_INPUT", preview.FirstErrorCode);
        Assert.Equal("input.settings.seriousAmountThreshold", preview.FirstErrorField);
    }

    [Fact]
    public async Task NameTheSampleFactThatCannotBe()
    {
        var tenant = await api.SignUpAsync();

        var preview = await tenant.Client.SendAsync(Preview, new
        {
            i = new { policyId = "winery", sample = new { category = "product/quality", facts = new { affectedCustomers = 0 } } },
        });

        Assert.Equal("BAD_USER_INPUT", preview.FirstErrorCode);
        Assert.Equal("input.sample.facts.affectedCustomers", preview.FirstErrorField);
    }
}

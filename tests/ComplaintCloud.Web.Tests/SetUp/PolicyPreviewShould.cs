using ComplaintCloud.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace ComplaintCloud.Web.Tests.SetUp;

/// <summary>Issue 13.2: beside the settings form, how the policy so tuned would grade and clock a sample complaint.</summary>
public sealed class PolicyPreviewShould(WebFixture web) : BrowserTest(web)
{
    [Fact]
    public async Task RegradeTheSampleWhenTheSeriousAmountThresholdIsLowered()
    {
        var tenant = await SignUpAsync("winery");
        await LogInAsync(tenant);
        await Page.GotoAsync("/settings/policy?policy=winery");
        var preview = Page.GetByTestId("policy-preview");

        await Page.GetByLabel("Amount involved (yuan)").FillAsync("1500");
        // SPEC §3b: from 500 yuan general, from 5,000 serious; 1,500 is general until the threshold drops to 1,000.
        await Expect(preview.GetByTestId("grade-tag")).ToHaveAttributeAsync("data-grade", "GENERAL");
        await Expect(preview.GetByTestId("preview-clock-PLAN")).ToHaveCountAsync(0);
        await Page.GetByLabel("Amount from which a complaint is serious (yuan)").FillAsync("1000");

        await Expect(preview.GetByTestId("grade-tag")).ToHaveAttributeAsync("data-grade", "SERIOUS");
        // A serious complaint needs a plan within 24 hours; a general one has no plan clock.
        await Expect(preview.GetByTestId("preview-clock-PLAN")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(Page);
        await SaveScreenshotAsync("policy-preview.png");
    }
}

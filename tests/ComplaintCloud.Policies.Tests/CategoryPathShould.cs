using ComplaintCloud.Plugins.Abstractions;

namespace ComplaintCloud.Policies.Tests;

/// <summary>Issue 16.8: a policy's rule for a category holds for the subcategories of the tenant's tree, and for nothing that merely shares letters.</summary>
public sealed class CategoryPathShould
{
    [Theory]
    [InlineData("fuel/quality", "fuel/quality")]
    [InlineData("fuel/quality/octane", "fuel/quality")]
    [InlineData("Fuel/Quality/Octane", "fuel/quality")]
    [InlineData("safety/vehicle", "safety/")]
    [InlineData("safety", "safety/")]
    public void PutACategoryWithinItselfAndItsAncestors(string category, string ancestor) =>
        Assert.True(CategoryPath.IsWithin(category, ancestor));

    [Theory]
    [InlineData("product/fuel-quality", "fuel/quality")]
    [InlineData("fuel/quality-check", "fuel/quality")]
    [InlineData("fuel", "fuel/quality")]
    [InlineData("safetyx/vehicle", "safety/")]
    public void PutNoCategoryWithinAPathThatIsNotOneOfItsAncestors(string category, string ancestor) =>
        Assert.False(CategoryPath.IsWithin(category, ancestor));
}

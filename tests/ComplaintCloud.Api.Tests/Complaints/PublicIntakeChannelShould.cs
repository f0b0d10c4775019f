using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>Issue 16.14: a customer's own complaint is recorded with the channel the customer used, not always APP.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PublicIntakeChannelShould(ApiFixture api)
{
    [Theory]
    [InlineData("APP", "-APP-")]
    [InlineData("SOCIAL_MEDIA", "-SOC-")]
    [InlineData("IN_STORE", "-STORE-")]
    public async Task RecordTheChannelTheFormSays(string channel, string numberPart)
    {
        var tenant = await api.SignUpAsync();

        var (number, recorded) = await SubmitAsync(tenant, channel);

        Assert.Contains(numberPart, number, StringComparison.Ordinal);
        Assert.Equal(channel, recorded);
    }

    [Fact]
    public async Task RecordAFormThatNamesNoChannelAsAWebPageOnline()
    {
        var tenant = await api.SignUpAsync();

        var (number, recorded) = await SubmitAsync(tenant, channel: null);

        Assert.Contains("-CHAT-", number, StringComparison.Ordinal);
        Assert.Equal("ONLINE_CHAT", recorded);
    }

    [Theory]
    [InlineData("PHONE")]
    [InlineData("EMAIL")]
    [InlineData("API")]
    public async Task RefuseAChannelNoCustomerTypesIntoAFormAndStoreNothing(string channel)
    {
        var tenant = await api.SignUpAsync();

        var refused = await api.Client().SendAsync(Operations.PublicSubmit, Input(channel), Headers(tenant));

        Assert.Equal(("BAD_USER_INPUT", "input.channel"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    private async Task<(string Number, string? Channel)> SubmitAsync(SignedInTenant tenant, string? channel)
    {
        var submitted = await api.Client().SendAsync(Operations.PublicSubmit, Input(channel), Headers(tenant));
        submitted.AssertNoErrors();
        var seen = await tenant.Client.SendAsync("{ complaints { nodes { channel } } }");
        seen.AssertNoErrors();
        return (submitted.Data.GetProperty("submitPublicComplaint").GetProperty("number").GetString()!,
            seen.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("channel").GetString());
    }

    private static object Input(string? channel) => new
    {
        input = new { channel, kind = "COMPLAINT", category = "product/malfunction", description = "The kettle leaks. 水壶漏水。", customerName = "Han Meimei", contact = "13900001111" },
    };

    private static Dictionary<string, string> Headers(SignedInTenant tenant) => new() { ["X-Tenant"] = tenant.Slug };
}

using System.Text;
using ComplaintCloud.Api.Security;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>Issue 13.8: what the customers' own feedback page needs of the API, without signing in.</summary>
[Collection(ApiFixture.Collection)]
public sealed class PublicFeedbackFormShould(ApiFixture api)
{
    private const string Submit = """
        mutation($input: PublicComplaintInput!) {
          submitPublicComplaint(input: $input) { number zh: acknowledgement(locale: "zh") en: acknowledgement(locale: "en") }
        }
        """;

    [Fact]
    public async Task NameTheTenantToAnAnonymousVisitor()
    {
        var tenant = await api.SignUpAsync();

        var result = await api.Client().SendAsync("{ publicTenant { slug name } }", headers: Headers(tenant));

        result.AssertNoErrors();
        Assert.Equal(tenant.Slug, result.Data.GetProperty("publicTenant").GetProperty("slug").GetString());
        Assert.False(string.IsNullOrWhiteSpace(result.Data.GetProperty("publicTenant").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task AnswerWithTheNumberAndTheSeedsAcknowledgementWithin24HoursInBothLanguages()
    {
        var tenant = await api.SignUpAsync();

        var result = await api.Client().SendAsync(Submit, Input(), Headers(tenant));

        result.AssertNoErrors();
        var receipt = result.Data.GetProperty("submitPublicComplaint");
        var number = receipt.GetProperty("number").GetString()!;
        // Seed 000: "您反馈的[问题简述]已记录，我们将在24小时内联系您处理", the category named as the tree names it.
        Assert.Matches($"您反馈的.*故障.*问题已记录（编号{number}），我们将在24小时内联系您处理", receipt.GetProperty("zh").GetString());
        Assert.Contains($"is recorded as {number}; we will contact you within 24 hours", receipt.GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepTheCustomersAttachmentAsEvidenceOfTheComplaint()
    {
        var tenant = await api.SignUpAsync();
        var photo = Encoding.UTF8.GetBytes("a photo of the leaking kettle");

        var result = await api.Client().SendAsync(Submit, Input(attachments: [new { fileName = "kettle.jpg", contentType = "image/jpeg", base64 = Convert.ToBase64String(photo) }]), Headers(tenant));

        result.AssertNoErrors();
        var seen = await tenant.Client.SendAsync("{ complaints { nodes { evidence { fileName contentType fileSize addedBy } } } }");
        seen.AssertNoErrors();
        var evidence = Assert.Single(seen.Data.GetProperty("complaints").GetProperty("nodes")[0].GetProperty("evidence").EnumerateArray());
        Assert.Equal(("kettle.jpg", "image/jpeg", photo.Length), (evidence.GetProperty("fileName").GetString(), evidence.GetProperty("contentType").GetString(), evidence.GetProperty("fileSize").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, evidence.GetProperty("addedBy").ValueKind);
    }

    [Fact]
    public async Task RefuseAnAttachmentThatIsNoBase64AndStoreNothing()
    {
        var tenant = await api.SignUpAsync();

        var refused = await api.Client().SendAsync(Submit, Input(attachments: [new { fileName = "kettle.jpg", contentType = "image/jpeg", base64 = "not base64!" }]), Headers(tenant));

        Assert.Equal(("BAD_USER_INPUT", "input.attachments[0].base64"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseAComplaintWhoseHiddenFieldABotFilledInAndStoreNothing()
    {
        var tenant = await api.SignUpAsync();

        var refused = await api.Client().SendAsync(Submit, Input(website: "http://spam.example"), Headers(tenant));

        Assert.Equal(("BAD_USER_INPUT", "input.website"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseMoreComplaintsFromOneAddressThanTheHoursLimitButTakeThemForAnotherTenant()
    {
        var tenant = await api.SignUpAsync();
        var other = await api.SignUpAsync();
        for (var i = 0; i < PublicPageLimits.DefaultSubmissionsPerHour; i++)
        {
            (await api.Client().SendAsync(Submit, Input(), Headers(tenant))).AssertNoErrors();
        }

        var refused = await api.Client().SendAsync(Submit, Input(), Headers(tenant));
        var elsewhere = await api.Client().SendAsync(Submit, Input(), Headers(other));

        Assert.Equal("RATE_LIMITED", refused.FirstErrorCode);
        Assert.Equal(PublicPageLimits.DefaultSubmissionsPerHour, await ComplaintIntakeShould.CountAsync(tenant));
        elsewhere.AssertNoErrors();
    }

    private static object Input(object[]? attachments = null, string? website = null) => new
    {
        input = new
        {
            kind = "COMPLAINT",
            category = "product/malfunction",
            description = "水壶用了三天就漏水。",
            customerName = "韩梅梅",
            contact = "13900001111",
            attachments,
            website,
        },
    };

    private static Dictionary<string, string> Headers(SignedInTenant tenant) => new() { ["X-Tenant"] = tenant.Slug };
}

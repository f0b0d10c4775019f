using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>
/// Issue 16.9 (SPEC §2.2): the duplicate check knows a customer however the contact was written — trimmed, e-mail
/// case-folded, phone numbers in E.164 with the tenant's country (Asia/Shanghai: China, +86) — and keeps what the
/// customer gave.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class DuplicateContactShould(ApiFixture api)
{
    private const string Read = "query($id: ID!) { complaint(id: $id) { duplicateOf customer { contact } } }";

    [Theory]
    [InlineData("wang@example.com", "WANG@example.com ")]
    [InlineData("+86 13800138000", "138 0013 8000")]
    [InlineData("13800138000", "+86-138-0013-8000")]
    public async Task FlagARepeatWhoseContactIsWrittenDifferentlyAndKeepItAsGiven(string firstContact, string secondContact)
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var first = await desk.SubmitAsync(WithContact(firstContact));
        var second = await desk.SubmitAsync(WithContact(secondContact));

        var read = await desk.Admin.SendAsync(Read, new { id = second });

        read.AssertNoErrors();
        Assert.Equal(first, read.Data.GetProperty("complaint").GetProperty("duplicateOf").GetString());
        Assert.Equal(secondContact, read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
    }

    [Fact]
    public async Task NotFlagAnotherCustomersNumber()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        await desk.SubmitAsync(WithContact("138 0013 8000"));
        var second = await desk.SubmitAsync(WithContact("139 0013 8000"));

        var read = await desk.Admin.SendAsync(Read, new { id = second });

        Assert.Null(read.Data.GetProperty("complaint").GetProperty("duplicateOf").GetString());
    }

    // Without a customer number, which would match on its own.
    private static Dictionary<string, object?> WithContact(string contact)
    {
        var input = Operations.CalmMalfunctionInput();
        input["customer"] = new { name = "Wang", contact };
        return input;
    }
}

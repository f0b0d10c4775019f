using System.Net;
using System.Text;
using ComplaintCloud.Api.Tests.Complaints;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>
/// Issue 16.15–16: bytes that are no text and characters no text column can hold are refused at the edge as bad
/// input, never an internal error, and nothing is stored.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class BadTextShould(ApiFixture api)
{
    private static readonly byte[] NotUtf8 = [0xFF, 0xFE];

    [Theory]
    [InlineData("query")]
    [InlineData("variables")]
    [InlineData("operationName")]
    public async Task AnswerInvalidUtf8AnywhereInTheBodyWith400AndBadUserInputAndStoreNothing(string where)
    {
        var tenant = await api.SignUpAsync();
        var body = Encoding.UTF8.GetBytes(
            """{"query":"mutation Intake($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } } BAD_QUERY","operationName":"IntakeBAD_NAME","variables":{"input":{"channel":"PHONE","kind":"COMPLAINT","category":"product/malfunction","description":"It leaks BAD_VARIABLE","customer":{"name":"Li Lei"}}}}""");
        var marker = Encoding.UTF8.GetBytes(where switch { "query" => " BAD_QUERY", "variables" => " BAD_VARIABLE", _ => "BAD_NAME" });

        var result = await tenant.Client.SendBytesAsync(Replace(body, marker, NotUtf8));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal("BAD_USER_INPUT", result.FirstErrorCode);
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseANulInAPublicComplaintNamingTheFieldAndStoreNothing()
    {
        var tenant = await api.SignUpAsync();
        var input = new Dictionary<string, object?>
        {
            ["kind"] = "COMPLAINT", ["category"] = "product/malfunction", ["description"] = "The kettle\0 leaks.", ["customerName"] = "Han Meimei", ["contact"] = "13900001111",
        };

        var refused = await api.Client().SendAsync(Operations.PublicSubmit, new { input }, new Dictionary<string, string> { ["X-Tenant"] = tenant.Slug });

        Assert.Equal(("BAD_USER_INPUT", "input.description"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Theory]
    [InlineData("description")]
    [InlineData("request")]
    [InlineData("customer.name")]
    [InlineData("facts.attributes.batch")]
    public async Task RefuseANulInAnyTextOfAStaffIntakeNamingTheField(string field)
    {
        var tenant = await api.SignUpAsync();
        var input = Operations.CalmMalfunctionInput();
        switch (field)
        {
            case "customer.name":
                input["customer"] = new { name = "Li\0Lei" };
                break;
            case "facts.attributes.batch":
                input["facts"] = new { attributes = new Dictionary<string, string> { ["batch"] = "B\0-17" } };
                break;
            default:
                input[field] = "bad\0text";
                break;
        }

        var refused = await tenant.Client.SendAsync(Operations.Submit, new { input });

        Assert.Equal(("BAD_USER_INPUT", "input." + field), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task RefuseANulInATextWrittenIntoTheDocumentItself()
    {
        var tenant = await api.SignUpAsync();

        var refused = await tenant.Client.SendAsync(
            """mutation { submitComplaint(input: {channel: PHONE, kind: COMPLAINT, category: "product/malfunction", description: "bad\u0000text", customer: {name: "Li"}}) { id } }""");

        Assert.Equal(("BAD_USER_INPUT", "query"), (refused.FirstErrorCode, refused.FirstErrorField));
        Assert.Equal(0, await ComplaintIntakeShould.CountAsync(tenant));
    }

    [Fact]
    public async Task GiveTheNumberBackWhenANulIsRefused()
    {
        var tenant = await api.SignUpAsync();
        var input = Operations.CalmMalfunctionInput();
        (await tenant.Client.SendAsync(Operations.Submit, new { input })).AssertNoErrors();
        input["description"] = "bad\0text";
        Assert.Equal("BAD_USER_INPUT", (await tenant.Client.SendAsync(Operations.Submit, new { input })).FirstErrorCode);
        input["description"] = "good text";

        var next = await tenant.Client.SendAsync(Operations.Submit, new { input });

        next.AssertNoErrors();
        Assert.EndsWith("-0002", next.Data.GetProperty("submitComplaint").GetProperty("number").GetString(), StringComparison.Ordinal);
    }

    private static byte[] Replace(byte[] body, byte[] marker, byte[] replacement)
    {
        var at = body.AsSpan().IndexOf(marker);
        Assert.True(at >= 0);
        return [.. body[..at], .. replacement, .. body[(at + marker.Length)..]];
    }
}

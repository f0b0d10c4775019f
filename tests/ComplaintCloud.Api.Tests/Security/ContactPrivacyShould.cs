using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Seed 001: contact details are for callbacks, masked without the right, and every unmasked read is on record.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ContactPrivacyShould(ApiFixture api)
{
    private const string ReadContact = "query($id: ID!) { complaint(id: $id) { customer { contact } } }";
    private const string ReadHistory = "query($id: ID!) { complaint(id: $id) { history { type actorId } } }";

    [Fact]
    public async Task RecordWhoSawTheContactUnmasked()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var adminId = (await tenant.Client.SendAsync("{ me { id } }")).Data.GetProperty("me").GetProperty("id").GetString();

        var read = await tenant.Client.SendAsync(ReadContact, new { id });

        Assert.Equal("13812345678", read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        var viewed = (await HistoryAsync(tenant, id)).Where(e => e.GetProperty("type").GetString() == "CONTACT_VIEWED").ToList();
        Assert.NotEmpty(viewed);
        Assert.All(viewed, e => Assert.Equal(adminId, e.GetProperty("actorId").GetString()));
    }

    [Fact]
    public async Task MaskTheContactForAViewerAndRecordNothing()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var before = (await HistoryAsync(tenant, id)).Count;
        var invited = await tenant.Client.SendAsync(
            "mutation { inviteUser(input: {email: \"viewer@example.com\", roles: [\"VIEWER\"]}) { token } }");
        var accepted = await api.Client().SendAsync(
            "mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, token = invited.Data.GetProperty("inviteUser").GetProperty("token").GetString(), password = "viewer-password" } });
        var viewer = api.Client(accepted.Data.GetProperty("acceptInvitation").GetProperty("token").GetString());

        var read = await viewer.SendAsync(ReadContact, new { id });

        Assert.Equal("138******78", read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        Assert.Equal(before, (await HistoryAsync(tenant, id)).Count);
    }

    [Fact]
    public async Task RecordNothingWhenTheContactIsNotAskedFor()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var before = (await HistoryAsync(tenant, id)).Count;

        (await tenant.Client.SendAsync("query($id: ID!) { complaint(id: $id) { customer { name tier } } }", new { id })).AssertNoErrors();

        Assert.Equal(before, (await HistoryAsync(tenant, id)).Count);
    }

    private static async Task<string> SubmitAsync(SignedInTenant tenant)
    {
        var submitted = await tenant.Client.SendAsync("mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }", Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        return submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> HistoryAsync(SignedInTenant tenant, string id) =>
        (await tenant.Client.SendAsync(ReadHistory, new { id })).Data.GetProperty("complaint").GetProperty("history").EnumerateArray().ToList();
}

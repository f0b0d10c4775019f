using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>Seed 001: contact details are for callbacks, masked without the right, and every unmasked read is on record.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ContactPrivacyShould(ApiFixture api)
{
    private const string ReadContact = "query($id: ID!) { complaint(id: $id) { customer { contact } } }";
    private const string ReadViews = "query($id: ID!) { contactViews(complaintId: $id) { userId at } }";

    [Fact]
    public async Task RecordWhoSawTheContactUnmasked()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var adminId = (await tenant.Client.SendAsync("{ me { id } }")).Data.GetProperty("me").GetProperty("id").GetString();

        var read = await tenant.Client.SendAsync(ReadContact, new { id });

        Assert.Equal("13812345678", read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        var viewed = await ViewsAsync(tenant, id);
        Assert.NotEmpty(viewed);
        Assert.All(viewed, v => Assert.Equal(adminId, v.GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task MaskTheContactForAViewerAndRecordNothing()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var before = (await ViewsAsync(tenant, id)).Count;
        var invited = await tenant.Client.SendAsync(
            "mutation { inviteUser(input: {email: \"viewer@example.com\", roles: [\"VIEWER\"]}) { token } }");
        var accepted = await api.Client().SendAsync(
            "mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }",
            new { i = new { tenantSlug = tenant.Slug, token = invited.Data.GetProperty("inviteUser").GetProperty("token").GetString(), password = "viewer-password" } });
        var viewer = api.Client(accepted.Data.GetProperty("acceptInvitation").GetProperty("token").GetString());

        var read = await viewer.SendAsync(ReadContact, new { id });

        Assert.Equal("138******78", read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        Assert.Equal(before, (await ViewsAsync(tenant, id)).Count);
    }

    [Fact]
    public async Task RecordNothingWhenTheContactIsNotAskedFor()
    {
        var tenant = await api.SignUpAsync();
        var id = await SubmitAsync(tenant);
        var before = (await ViewsAsync(tenant, id)).Count;

        (await tenant.Client.SendAsync("query($id: ID!) { complaint(id: $id) { customer { name tier } } }", new { id })).AssertNoErrors();

        Assert.Equal(before, (await ViewsAsync(tenant, id)).Count);
    }

    // The role each shipped policy names to call a complaint back (SPEC §2.10, §3): it must see whom to call.
    [Theory]
    [InlineData("general-enterprise", "CS_SUPERVISOR")]
    [InlineData("winery", "CS_CENTRE")]
    [InlineData("gas-station", "AREA_OFFICE")]
    public async Task ShowTheContactToTheRoleThePolicyChargesWithTheCallbackAndRecordIt(string policyId, string callbackRole)
    {
        var desk = await Desk.OpenAsync(api, policyId);
        var (caller, callerId) = await desk.UserAsync(callbackRole);
        var id = await desk.SubmitAsync();

        var read = await caller.SendAsync(ReadContact, new { id });

        Assert.Equal("13812345678", read.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        Assert.Contains(
            (await desk.Admin.SendAsync(ReadViews, new { id })).Data.GetProperty("contactViews").EnumerateArray(),
            v => v.GetProperty("userId").GetString() == callerId);
    }

    [Fact]
    public async Task ShowTheContactToTheComplaintsOwnerWhoContactsTheCustomer()
    {
        var desk = await Desk.OpenAsync(api, "general-enterprise");
        var (owner, _) = await desk.UserAsync("AFTER_SALES_MANAGER");
        var (bystander, _) = await desk.UserAsync("AFTER_SALES_MANAGER");
        var id = await desk.SubmitAsync();
        await Desk.DoAsync(owner, "assignComplaint", id);

        var byOwner = await owner.SendAsync(ReadContact, new { id });
        var byBystander = await bystander.SendAsync(ReadContact, new { id });

        Assert.Equal("13812345678", byOwner.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
        Assert.Equal("138******78", byBystander.Data.GetProperty("complaint").GetProperty("customer").GetProperty("contact").GetString());
    }

    private static async Task<string> SubmitAsync(SignedInTenant tenant)
    {
        var submitted = await tenant.Client.SendAsync("mutation($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }", Operations.CalmMalfunction());
        submitted.AssertNoErrors();
        return submitted.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> ViewsAsync(SignedInTenant tenant, string id) =>
        (await tenant.Client.SendAsync(ReadViews, new { id })).Data.GetProperty("contactViews").EnumerateArray().ToList();
}

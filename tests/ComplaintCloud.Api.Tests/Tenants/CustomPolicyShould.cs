using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Tenants;

[Collection(ApiFixture.Collection)]
public sealed class CustomPolicyShould(ApiFixture api)
{
    private const string Upload = "mutation($i: UploadCustomPolicyInput!) { uploadCustomPolicy(input: $i) { id version status grades { code } } }";
    private const string Select = "mutation($i: SelectPolicyInput!) { selectPolicy(input: $i) { policy { policyId version } } }";
    private const string ListCustom = "{ policies { id version status } }";
    private const string ListDocuments = "{ policies { id version document } }";

    private static readonly string Example = File.ReadAllText(
        Path.Combine(Checkout.Root(), "src", "ComplaintCloud.Infrastructure", "Plugins", "Declarative", "custom-policy.example.json"));

    [Fact]
    public async Task GradeComplaintsByTheUploadedDocumentOnceSelected()
    {
        var tenant = await api.SignUpAsync();

        var uploaded = await tenant.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } });
        var selected = await tenant.Client.SendAsync(Select, new { i = new { policyId = "custom" } });
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "safety/vehicle";
        var submitted = await tenant.Client.SendAsync(Operations.Submit, new { input });

        uploaded.AssertNoErrors();
        Assert.Equal("LOADED", uploaded.Data.GetProperty("uploadCustomPolicy").GetProperty("status").GetString());
        selected.AssertNoErrors();
        submitted.AssertNoErrors();
        var complaint = submitted.Data.GetProperty("submitComplaint");
        Assert.Equal(("custom", "1.0.0", "CRITICAL"), (
            complaint.GetProperty("policyId").GetString(), complaint.GetProperty("policyVersion").GetString(), complaint.GetProperty("grade").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task NameTheGradeOfAComplaintInBothLanguagesFromTheDocument()
    {
        var tenant = await api.SignUpAsync();
        (await tenant.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } })).AssertNoErrors();
        (await tenant.Client.SendAsync(Select, new { i = new { policyId = "custom" } })).AssertNoErrors();
        var input = Operations.CalmMalfunctionInput();
        input["category"] = "safety/vehicle";

        var submitted = await tenant.Client.SendAsync(Operations.Submit, new { input });

        submitted.AssertNoErrors();
        var grade = submitted.Data.GetProperty("submitComplaint").GetProperty("grade");
        Assert.Equal(("Critical", "重大"), (grade.GetProperty("name").GetString(), grade.GetProperty("nameZh").GetString()));
    }

    [Fact]
    public async Task ListACustomPolicyForItsOwnTenantOnly()
    {
        var owner = await api.SignUpAsync();
        var other = await api.SignUpAsync();
        (await owner.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } })).AssertNoErrors();

        var ownerSees = await owner.Client.SendAsync(ListCustom);
        var otherSees = await other.Client.SendAsync(ListCustom);

        Assert.Contains(ownerSees.Data.GetProperty("policies").EnumerateArray(), p => p.GetProperty("id").GetString() == "custom");
        Assert.DoesNotContain(otherSees.Data.GetProperty("policies").EnumerateArray(), p => p.GetProperty("id").GetString() == "custom");
    }

    [Fact]
    public async Task NameTheFieldOfTheDocumentAtFault()
    {
        var tenant = await api.SignUpAsync();
        var document = JsonNode.Parse(Example)!;
        document["grades"]![1]!["code"] = "priority";

        var refused = await tenant.Client.SendAsync(Upload, new { i = new { document } });

        Assert.Equal("BAD_USER_INPUT", refused.FirstErrorCode);
        Assert.Equal("input.document.grades[1].code", refused.FirstErrorField);
    }

    [Fact]
    public async Task RefuseOtherContentUnderAVersionAlreadyKept()
    {
        var tenant = await api.SignUpAsync();
        (await tenant.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } })).AssertNoErrors();
        var changed = JsonNode.Parse(Example)!;
        changed["defaultGrade"] = "PRIORITY";

        var refused = await tenant.Client.SendAsync(Upload, new { i = new { document = changed } });

        Assert.Equal("CONFLICT", refused.FirstErrorCode);
    }

    [Fact]
    public async Task GiveTheAdminTheDocumentOfEachKeptVersionAsUploaded()
    {
        var tenant = await api.SignUpAsync();
        var second = JsonNode.Parse(Example)!;
        second["version"] = "1.1.0";
        second["defaultGrade"] = "PRIORITY";
        (await tenant.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } })).AssertNoErrors();
        (await tenant.Client.SendAsync(Upload, new { i = new { document = second } })).AssertNoErrors();

        var listed = await tenant.Client.SendAsync(ListDocuments);

        listed.AssertNoErrors();
        var documents = listed.Data.GetProperty("policies").EnumerateArray()
            .GroupBy(p => $"{p.GetProperty("id").GetString()} {p.GetProperty("version").GetString()}")
            .ToDictionary(g => g.Key, g => g.First().GetProperty("document"));
        Assert.Equal("ROUTINE PRIORITY", $"{documents["custom 1.0.0"].GetProperty("defaultGrade")} {documents["custom 1.1.0"].GetProperty("defaultGrade")}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Example), JsonNode.Parse(documents["custom 1.0.0"].GetRawText())));
        Assert.Equal(JsonValueKind.Null, documents["general-enterprise 1.0.0"].ValueKind);
    }

    [Fact]
    public async Task RefuseTheDocumentToAUserWhoIsNotATenantAdmin()
    {
        var tenant = await api.SignUpAsync();
        (await tenant.Client.SendAsync(Upload, new { i = new { document = JsonNode.Parse(Example) } })).AssertNoErrors();
        var (agent, _) = await new Desk(api, tenant).UserAsync("AGENT");

        var refused = await agent.SendAsync(ListDocuments);

        Assert.Equal("FORBIDDEN", refused.FirstErrorCode);
    }
}

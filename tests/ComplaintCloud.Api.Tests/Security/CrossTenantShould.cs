using System.Text.Json;
using System.Text.Json.Nodes;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>
/// Tenant B calls every query and mutation of the schema, found by introspection so that a field added tomorrow is
/// covered without touching this test, with tenant A's ids (and A's slug and invitation token where a slug or token is
/// asked for) and minimal values elsewhere. Nothing of A's may come back, and A must look exactly as before.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class CrossTenantShould(ApiFixture api)
{
    private const string Introspection = """
        { __schema { queryType { name } mutationType { name }
          types { name kind enumValues { name }
            fields { name args { name defaultValue type { ...T } } type { ...T } }
            inputFields { name defaultValue type { ...T } } } } }
        fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }
        """;

    // What A looks like to itself; the contact is left out, since reading it is itself recorded.
    private const string Snapshot = """
        { tenant { id slug name policy { policyId version settings } } me { id email roles }
          apiKeys { id name scopes revokedAt }
          complaints { totalCount nodes { id number status description customer { name tier } history { type actorId data } clocks { kind dueAt state } } } }
        """;

    [Fact]
    public async Task LeakAndChangeNothingOfAnotherTenantThroughAnyField()
    {
        var a = await TenantAAsync();
        var b = await api.SignUpAsync();
        var before = (await a.Tenant.Client.SendAsync(Snapshot)).Text;
        var introspected = await api.Client().SendAsync(Introspection);
        introspected.AssertNoErrors();
        var schema = new SchemaWalk(introspected.Data.GetProperty("__schema"));
        var calls = 0;

        foreach (var (operation, field) in schema.RootFields())
        {
            foreach (var id in a.Ids)
            {
                var (document, variables) = schema.Call(operation, field, new Fill(id, a.Tenant.Slug, a.InvitationToken));
                var result = await b.Client.SendAsync(document, variables);
                calls++;
                foreach (var secret in a.Secrets)
                {
                    Assert.False(result.Text.Contains(secret, StringComparison.Ordinal), $"{operation} {field.GetProperty("name")} showed B \"{secret}\": {result.Text}");
                }
            }
        }

        Assert.True(calls >= 5 * schema.RootFields().Count());
        Assert.Equal(before, (await a.Tenant.Client.SendAsync(Snapshot)).Text);
        (await api.Client().SendAsync(
            "mutation($i: AcceptInvitationInput!) { acceptInvitation(input: $i) { token } }",
            new { i = new { tenantSlug = a.Tenant.Slug, token = a.InvitationToken, password = "still-open-password" } })).AssertNoErrors();
    }

    [Fact]
    public async Task AnswerNotFoundForAnotherTenantsComplaint()
    {
        var a = await TenantAAsync();
        var b = await api.SignUpAsync();

        var result = await b.Client.SendAsync("query($id: ID!) { complaint(id: $id) { number } }", new { id = a.ComplaintId });

        Assert.Equal("NOT_FOUND", result.FirstErrorCode);
    }

    private async Task<TenantA> TenantAAsync()
    {
        var tenant = await api.SignUpAsync();
        var complaint = (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction("Tenant A's secret kettle story"))).Data.GetProperty("submitComplaint");
        var me = (await tenant.Client.SendAsync("{ me { id } }")).Data.GetProperty("me");
        var key = (await tenant.Client.SendAsync("mutation { createApiKey(input: {name: \"a\", scopes: [\"complaints:submit\"]}) { apiKey { id } } }"))
            .Data.GetProperty("createApiKey").GetProperty("apiKey");
        var invitation = (await tenant.Client.SendAsync("mutation { inviteUser(input: {email: \"new@a.example\", roles: [\"AGENT\"]}) { token } }"))
            .Data.GetProperty("inviteUser");
        var complaintId = complaint.GetProperty("id").GetString()!;
        return new TenantA(
            tenant,
            complaintId,
            [complaintId, tenant.TenantId, me.GetProperty("id").GetString()!, key.GetProperty("id").GetString()!, Guid.NewGuid().ToString()],
            invitation.GetProperty("token").GetString()!,
            [complaint.GetProperty("number").GetString()!, "Tenant A's secret kettle story", tenant.AdminEmail, "13812345678"]);
    }

    private sealed record TenantA(SignedInTenant Tenant, string ComplaintId, string[] Ids, string InvitationToken, string[] Secrets);

    /// <summary>What to put in arguments: the victim's id, slug and token, and minimal values elsewhere.</summary>
    private sealed record Fill(string Id, string Slug, string Token);

    private sealed class SchemaWalk(JsonElement schema)
    {
        private readonly Dictionary<string, JsonElement> _types = schema.GetProperty("types").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!);

        // signOutEverywhere last: it names nothing of A's, and ends B's own token, which would refuse every later call.
        public IEnumerable<(string Operation, JsonElement Field)> RootFields() =>
            new[] { ("query", "queryType"), ("mutation", "mutationType") }
                .Where(root => schema.GetProperty(root.Item2).ValueKind == JsonValueKind.Object)
                .SelectMany(root => _types[schema.GetProperty(root.Item2).GetProperty("name").GetString()!]
                    .GetProperty("fields").EnumerateArray().Select(field => (root.Item1, field)))
                .OrderBy(call => call.field.GetProperty("name").GetString() == "signOutEverywhere");

        public (string Document, Dictionary<string, JsonNode?> Variables) Call(string operation, JsonElement field, Fill fill)
        {
            var variables = new Dictionary<string, JsonNode?>();
            var declarations = new List<string>();
            var arguments = new List<string>();
            foreach (var argument in field.GetProperty("args").EnumerateArray())
            {
                var name = argument.GetProperty("name").GetString()!;
                var type = argument.GetProperty("type");
                if (!IsRequired(argument) && NamedType(type) != "ID")
                {
                    continue;
                }

                variables[name] = Value(type, name, fill);
                declarations.Add($"${name}: {Print(type)}");
                arguments.Add($"{name}: ${name}");
            }

            var head = declarations.Count == 0 ? operation : $"{operation}({string.Join(", ", declarations)})";
            var call = arguments.Count == 0 ? field.GetProperty("name").GetString() : $"{field.GetProperty("name").GetString()}({string.Join(", ", arguments)})";
            var selection = _types[NamedType(field.GetProperty("type"))].GetProperty("kind").GetString() is "OBJECT" or "INTERFACE" or "UNION" ? " { __typename }" : "";
            return ($"{head} {{ {call}{selection} }}", variables);
        }

        private JsonNode? Value(JsonElement type, string name, Fill fill) => type.GetProperty("kind").GetString() switch
        {
            "NON_NULL" => Value(type.GetProperty("ofType"), name, fill),
            "LIST" => new JsonArray(Value(type.GetProperty("ofType"), name, fill)),
            "ENUM" => _types[type.GetProperty("name").GetString()!].GetProperty("enumValues")[0].GetProperty("name").GetString(),
            "INPUT_OBJECT" => InputObject(type.GetProperty("name").GetString()!, fill),
            _ => type.GetProperty("name").GetString() switch
            {
                "ID" => fill.Id,
                "Int" or "Float" or "Decimal" => 1,
                "Boolean" => false,
                "DateTime" => "2026-01-01T00:00:00Z",
                "JSON" => new JsonObject(),
                _ when name.Contains("slug", StringComparison.OrdinalIgnoreCase) => fill.Slug,
                _ when name.Contains("token", StringComparison.OrdinalIgnoreCase) => fill.Token,
                _ => "x",
            },
        };

        private JsonObject InputObject(string typeName, Fill fill)
        {
            var value = new JsonObject();
            foreach (var field in _types[typeName].GetProperty("inputFields").EnumerateArray().Where(IsRequired))
            {
                var name = field.GetProperty("name").GetString()!;
                value[name] = Value(field.GetProperty("type"), name, fill);
            }

            return value;
        }

        private static bool IsRequired(JsonElement argument) =>
            argument.GetProperty("type").GetProperty("kind").GetString() == "NON_NULL" && argument.GetProperty("defaultValue").ValueKind == JsonValueKind.Null;

        private static string NamedType(JsonElement type) =>
            type.GetProperty("name").GetString() ?? NamedType(type.GetProperty("ofType"));

        private static string Print(JsonElement type) => type.GetProperty("kind").GetString() switch
        {
            "NON_NULL" => Print(type.GetProperty("ofType")) + "!",
            "LIST" => "[" + Print(type.GetProperty("ofType")) + "]",
            _ => type.GetProperty("name").GetString()!,
        };
    }
}

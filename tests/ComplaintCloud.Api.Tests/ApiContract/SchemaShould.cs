using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ComplaintCloud.Api.Tests.ApiContract;

[Collection(ApiFixture.Collection)]
public sealed class SchemaShould(ApiFixture api)
{
    /// <summary>
    /// The SDL frontends build against is checked in as schema.graphql; a schema change must come with it.
    /// Run the tests with COMPLAINTCLOUD_UPDATE_SCHEMA=1 to rewrite the file, then review the diff.
    /// </summary>
    [Fact]
    public async Task MatchTheCheckedInSchemaGraphql()
    {
        var printed = api.Services.GetRequiredService<ISchema>().Print().ReplaceLineEndings("\n").TrimEnd() + "\n";
        var checkedIn = Path.Combine(Checkout.Root(), "schema.graphql");

        if (Environment.GetEnvironmentVariable("COMPLAINTCLOUD_UPDATE_SCHEMA") == "1")
        {
            await File.WriteAllTextAsync(checkedIn, printed);
        }

        Assert.True(File.Exists(checkedIn), "schema.graphql is missing; run the tests with COMPLAINTCLOUD_UPDATE_SCHEMA=1.");
        Assert.True(
            printed == (await File.ReadAllTextAsync(checkedIn)).ReplaceLineEndings("\n"),
            "The GraphQL schema changed but schema.graphql did not: run the tests with COMPLAINTCLOUD_UPDATE_SCHEMA=1 and commit the diff.");
    }

    [Fact]
    public async Task OfferTheOperationsApiMdPromises()
    {
        var result = await api.Client().SendAsync("""
            { __schema { queryType { fields { name } } mutationType { fields { name } } } }
            """);

        result.AssertNoErrors();
        var schema = result.Data.GetProperty("__schema");
        var queries = schema.GetProperty("queryType").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        var mutations = schema.GetProperty("mutationType").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Subset(queries.ToHashSet(), new HashSet<string?> { "me", "tenant", "policies", "complaint", "complaints" });
        Assert.Subset(mutations.ToHashSet(), new HashSet<string?> { "signUp", "logIn", "selectPolicy", "submitComplaint" });
    }
}

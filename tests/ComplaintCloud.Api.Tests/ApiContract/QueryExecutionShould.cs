using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.ApiContract;

[Collection(ApiFixture.Collection)]
public sealed class QueryExecutionShould(ApiFixture api)
{
    [Fact]
    public async Task AnswerSeveralDatabaseFieldsOfOneQueryEveryTime()
    {
        var tenant = await api.SignUpAsync();

        // Run in parallel, these fields would race on the request's one DbContext and fail now and then.
        var results = new List<GraphQLResult>();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            results.Add(await tenant.Client.SendAsync("{ tenant { slug } me { email } policies { id } complaints { totalCount } }"));
        }

        Assert.All(results, result => result.AssertNoErrors());
    }
}

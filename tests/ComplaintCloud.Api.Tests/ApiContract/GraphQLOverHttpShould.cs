using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Api.Tests.Transport;
using Xunit.Abstractions;

namespace ComplaintCloud.Api.Tests.ApiContract;

[Collection(ApiFixture.Collection)]
public sealed class GraphQLOverHttpShould(ApiFixture api, ITestOutputHelper output)
{
    /// <summary>The public graphql-http audit against the real service, schema and all: no failure, no warning.</summary>
    [Fact]
    public async Task PassTheGraphqlHttpAuditOnTheRealService()
    {
        var report = await GraphQLHttpAudit.RunAsync(new Uri(api.BaseAddress, "/graphql"));
        output.WriteLine(report.Output);

        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Matches(@"\d+ ok, 0 notice, 0 warn, 0 error", report.Output);
    }
}

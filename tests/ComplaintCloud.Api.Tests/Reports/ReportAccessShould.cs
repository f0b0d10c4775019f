using System.Net;
using System.Text.Json;
using ComplaintCloud.Api.Tests.Lifecycle;
using ComplaintCloud.Api.Tests.Support;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// Reports, their exports and the points ledger carry the customers' words and penalties charged to named people:
/// tenant admins and report readers read them, nobody else of the tenant does.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportAccessShould(ApiFixture api)
{
    private const string Report = "query { report(period: {month: \"2026-10\"}) { total pointsLedger { entries { points } } } }";
    private static readonly string[] Exports = ["/reports/report.csv?month=2026-10", "/reports/complaints.csv?month=2026-10"];

    [Theory]
    [InlineData("AGENT")]
    [InlineData("VIEWER")]
    [InlineData("CS_CENTRE", "WINERY_LEADERSHIP")]
    public async Task Refuse_the_report_to_anyone_but_a_tenant_admin_or_report_reader(params string[] roles)
    {
        var (client, _) = await (await Desk.OpenAsync(api, "winery")).UserAsync(roles);

        var result = await client.SendAsync(Report);

        Assert.Equal("FORBIDDEN", result.FirstErrorCode);
        Assert.Equal(JsonValueKind.Null, result.Data.ValueKind);
    }

    [Fact]
    public async Task Refuse_the_exports_with_403_and_the_graphql_error_shape()
    {
        var (agent, _) = await (await Desk.OpenAsync(api, "winery")).UserAsync("AGENT");

        foreach (var export in Exports)
        {
            var response = await agent.Http.GetAsync(new Uri(export, UriKind.Relative));
            var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors")[0];

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("FORBIDDEN", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Equal("Only a tenant admin or a report reader can read reports.", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Let_a_report_reader_read_the_report_and_the_exports()
    {
        var (reader, _) = await (await Desk.OpenAsync(api, "winery")).UserAsync("CS_CENTRE", "REPORT_READER");

        (await reader.SendAsync(Report)).AssertNoErrors();
        foreach (var export in Exports)
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(new Uri(export, UriKind.Relative))).StatusCode);
        }
    }
}

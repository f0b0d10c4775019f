using System.Globalization;
using System.Net;
using ComplaintCloud.Api.Tests.Support;
using Npgsql;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// Reports and CSV exports read through ConnectionStrings:ComplaintCloudReadOnly (a replica in production; here the
/// same database, through a read-only session whose application name shows which connection served them).
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ReadReplicaShould(ApiFixture api)
{
    [Fact]
    public async Task ServeTheReportFromTheReadOnlyConnection()
    {
        const string application = "cc-read-only-report";
        await using var node = NodeReadingFrom(application);
        var tenant = await SignedInOnAsync(node);

        var report = await tenant.SendAsync("{ report(period: {month: \"2026-10\"}) { total } }");

        report.AssertNoErrors();
        Assert.True(await SessionsNamedAsync(application) > 0);
    }

    [Fact]
    public async Task ServeTheComplaintListExportFromTheReadOnlyConnection()
    {
        const string application = "cc-read-only-export";
        await using var node = NodeReadingFrom(application);
        var tenant = await SignedInOnAsync(node);

        using var csv = await tenant.Http.GetAsync(new Uri("/reports/complaints.csv?month=2026-10", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True(await SessionsNamedAsync(application) > 0);
    }

    // default_transaction_read_only: a write on this connection would fail, as it would on a replica.
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> NodeReadingFrom(string application) =>
        api.Variant("Testing", ("ConnectionStrings:ComplaintCloudReadOnly", new NpgsqlConnectionStringBuilder(api.ConnectionString)
        {
            ApplicationName = application,
            Options = "-c default_transaction_read_only=on",
        }.ConnectionString));

    private async Task<GraphQLClient> SignedInOnAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> node)
    {
        var tenant = await api.SignUpAsync();
        var http = node.CreateClient();
        http.DefaultRequestHeaders.Authorization = tenant.Client.Http.DefaultRequestHeaders.Authorization;
        return new GraphQLClient(http);
    }

    private async Task<long> SessionsNamedAsync(string application)
    {
        await using var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = @name", connection);
        command.Parameters.AddWithValue("name", application);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}

using System.Net;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Tests;

namespace ComplaintCloud.Api.Tests.Telemetry;

/// <summary>The traces and metrics a desk operator watches (issue 15), seen through OpenTelemetry's in-memory exporter.</summary>
[Collection(ApiFixture.Collection)]
public sealed class TelemetryShould(ApiFixture api)
{
    [Fact]
    public async Task CountEachComplaintReceivedUnderTheTenantsPlanAndChannel()
    {
        using var telemetry = new TelemetryCapture();
        var tenant = await api.SignUpAsync();

        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        (await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();

        // Billing is off in the fixture: every tenant is on the DEVELOPMENT plan.
        Assert.True(telemetry.Count("complaintcloud.complaints.received", ("plan", "DEVELOPMENT"), ("channel", "Phone")) >= 2);
    }

    [Fact]
    public async Task CountGraphQLErrorsByTheirCode()
    {
        using var telemetry = new TelemetryCapture();
        var tenant = await api.SignUpAsync();

        var missing = await tenant.Client.SendAsync(Operations.ReadOne, new { id = Guid.NewGuid() });

        Assert.Equal("NOT_FOUND", missing.FirstErrorCode);
        Assert.True(telemetry.Count("complaintcloud.graphql.errors", ("code", "NOT_FOUND")) >= 1);
    }

    [Fact]
    public async Task TraceEachOperationUnderItsNameWithItsSqlBeneath()
    {
        using var telemetry = new TelemetryCapture();
        var tenant = await api.SignUpAsync();

        (await tenant.Client.SendAsync("query CountForTheTrace { complaints { totalCount } }")).AssertNoErrors();

        var operation = Assert.Single(telemetry.Spans, span => span.DisplayName == "query CountForTheTrace");
        Assert.Contains(telemetry.Spans, span => span.Source.Name == "Npgsql" && span.ParentSpanId == operation.SpanId);
    }

    [Fact]
    public async Task ServeMetricsForAPrometheusScrapeWhenTelemetryPrometheusIsOn()
    {
        await using var node = api.Variant("Testing", ("Telemetry:Prometheus", "true"));
        using var http = node.CreateClient();
        var tenant = await api.SignUpAsync();
        http.DefaultRequestHeaders.Authorization = tenant.Client.Http.DefaultRequestHeaders.Authorization;

        var missing = await new GraphQLClient(http).SendAsync(Operations.ReadOne, new { id = Guid.NewGuid() });
        using var scrape = await http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal("NOT_FOUND", missing.FirstErrorCode);
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        var exposition = await scrape.Content.ReadAsStringAsync();
        Assert.Contains("complaintcloud_graphql_errors", exposition, StringComparison.Ordinal);
        Assert.Contains("code=\"NOT_FOUND\"", exposition, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServeNoMetricsUnlessConfigured()
    {
        using var scrape = await api.Client().Http.GetAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, scrape.StatusCode);
    }

    [Fact]
    public async Task KeepCustomersWordsAndContactOutOfSpansAndLabels()
    {
        using var telemetry = new TelemetryCapture();
        var tenant = await api.SignUpAsync();
        const string words = "telemetry-must-not-see-this 秘密";
        var input = Operations.CalmMalfunctionInput(words);
        input["customer"] = new { name = "Telemetry Hidden-Name", contact = "13987654321", tier = "NORMAL" };

        (await tenant.Client.SendAsync("mutation SubmitForTheTrace($input: SubmitComplaintInput!) { submitComplaint(input: $input) { id } }", new { input })).AssertNoErrors();

        var spans = telemetry.Spans;
        Assert.Contains(spans, span => span.DisplayName == "mutation SubmitForTheTrace");
        var recorded = spans.SelectMany(span => span.TagObjects.Select(tag => Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(span.DisplayName))
            .Concat(telemetry.MetricTagValues())
            .ToList();
        foreach (var secret in new[] { "telemetry-must-not-see-this", "秘密", "Hidden-Name", "13987654321" })
        {
            Assert.DoesNotContain(recorded, value => value.Contains(secret, StringComparison.Ordinal));
        }
    }
}

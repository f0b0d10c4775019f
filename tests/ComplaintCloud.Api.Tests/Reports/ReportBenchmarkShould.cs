using System.Diagnostics;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// The issue's budget: a one-month report for a tenant holding 100,000 complaints within 300 ms, end to end over HTTP.
/// Loading the rows takes a while, so it runs only with COMPLAINTCLOUD_BENCHMARK=1; the README records the figure.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportBenchmarkShould(ApiFixture api, ITestOutputHelper output)
{
    private const int Complaints = 100_000;
    private const int Budget = 300;

    // A year of history: about 8,300 complaints fall in the reported month.
    private const int MonthsOfHistory = 12;

    [Fact]
    public async Task Report_a_month_of_a_100_000_complaint_tenant_within_300_ms()
    {
        if (Environment.GetEnvironmentVariable("COMPLAINTCLOUD_BENCHMARK") != "1")
        {
            return;
        }

        var tenant = await api.SignUpAsync();
        await LoadAsync(Guid.Parse(tenant.TenantId), MonthsOfHistory);
        const string query = "query { report(period: {month: \"2026-10\"}) { total firstContactResolution { value } resolutionHoursP90 sla { met } topCategories { key } typicalCases { id } } }";
        (await tenant.Client.SendAsync(query)).AssertNoErrors();

        var timings = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            (await tenant.Client.SendAsync(query)).AssertNoErrors();
            timings.Add(watch.ElapsedMilliseconds);
        }

        var median = timings.Order().ElementAt(2);
        output.WriteLine($"{Complaints} complaints over {MonthsOfHistory} months: median {median} ms of {string.Join(", ", timings)}");
        Assert.True(median <= Budget, $"median {median} ms");
    }

    // Spreads the complaints evenly over the months up to October 2026, each with one clock and some with a callback.
    private async Task LoadAsync(Guid tenantId, int months)
    {
        await using var scope = api.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var seconds = months * 30 * 86_400 / Complaints;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaints (id, tenant_id, number, status, kind, channel, category, description, customer_name, customer_tier,
              safety_risk, legal_risk, publicity_risk, affected_customers, customer_emotion, attributes, grade_code, grade_rank,
              policy_id, policy_version, received_at, resolved_at, reopen_count, handler_ids, last_callback, root_cause)
            SELECT gen_random_uuid(), {tenantId}, 'B-' || n, (ARRAY['Received','Resolved','Closed'])[1 + n % 3], 'Complaint',
              (ARRAY['Phone','OnlineChat','App','Email'])[1 + n % 4], '产品/类别' || (n % 17), '客户反映的问题 ' || n, '王先生', 'Normal',
              false, false, false, 1, 'Calm', jsonb_build_object(), (ARRAY['NORMAL','URGENT','MAJOR'])[1 + n % 3], 1 + n % 3,
              'general-enterprise', '1.0.0', ts, CASE WHEN n % 3 > 0 THEN ts + make_interval(hours => n % 50) END, n % 7 / 6,
              ARRAY[gen_random_uuid()],
              CASE WHEN n % 3 = 2 THEN jsonb_build_object('satisfaction', jsonb_build_object('overall', 1 + n % 5, 'attitude', 1 + n % 4,
                'speed', 1 + n % 3, 'professionalism', 5, 'outcome', 4)) END,
              ARRAY['原因' || (n % 11)]
            FROM generate_series(1, {Complaints}) AS n,
                 LATERAL (SELECT timestamptz '2026-10-31 15:00:00+00' - make_interval(secs => n * {seconds})) AS t(ts)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sla_clocks (id, tenant_id, complaint_id, kind, started_at, warn_at, due_at, pauses_while_waiting_on_customer, state)
            SELECT gen_random_uuid(), tenant_id, id, 'RESOLVE', received_at, received_at, received_at, false,
                   CASE WHEN resolved_at IS NULL THEN 'Running' WHEN reopen_count > 0 THEN 'Breached' ELSE 'Met' END
            FROM complaints WHERE tenant_id = {tenantId}
            """);
        await db.Database.ExecuteSqlRawAsync("ANALYZE complaints; ANALYZE sla_clocks");
    }
}

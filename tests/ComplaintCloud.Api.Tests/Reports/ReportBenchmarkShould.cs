using System.Diagnostics;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Abstractions;

namespace ComplaintCloud.Api.Tests.Reports;

/// <summary>
/// The issue's budget: a one-month report for a tenant holding 100,000 complaints within 300 ms, end to end over HTTP,
/// both when they are spread over a year and when all of them fall in the reported month. Loading the rows takes a
/// while, so it runs only with COMPLAINTCLOUD_BENCHMARK=1; the README records the figures.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ReportBenchmarkShould(ApiFixture api, ITestOutputHelper output)
{
    private const int Complaints = 100_000;
    private const int Budget = 300;
    private const int Runs = 9;

    [Theory]
    [InlineData(12)] // a year of history: about 8,300 complaints fall in the reported month
    [InlineData(1)] // the worst case: all of them fall in the reported month
    public async Task Report_a_month_of_a_100_000_complaint_tenant_within_300_ms(int monthsOfHistory)
    {
        if (Environment.GetEnvironmentVariable("COMPLAINTCLOUD_BENCHMARK") != "1")
        {
            return;
        }

        var tenant = await api.SignUpAsync();
        await LoadAsync(Guid.Parse(tenant.TenantId), monthsOfHistory);

        const string query = """
            query { report(period: {month: "2026-10"}) {
              total byDepartment { key count } firstContactResolution { value } resolutionHoursP90 satisfaction { overall }
              sla { met } topCategories { key } topRootCauses { key } typicalCases { id }
            } }
            """;
        var warmUp = await tenant.Client.SendAsync(query);
        warmUp.AssertNoErrors();
        var inMonth = warmUp.Data.GetProperty("report").GetProperty("total").GetInt32();

        var timings = new List<long>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            (await tenant.Client.SendAsync(query)).AssertNoErrors();
            timings.Add(watch.ElapsedMilliseconds);
        }

        var median = timings.Order().ElementAt(Runs / 2);
        output.WriteLine($"{Complaints} complaints over {monthsOfHistory} month(s), {inMonth} in the reported month: median {median} ms of {string.Join(", ", timings)}");
        Assert.True(median <= Budget, $"median {median} ms");
    }

    // Spreads the complaints evenly over the months up to October 2026. Each has an acknowledgement and a resolution
    // clock and the events of its assignment; every seventh was reopened, every fifth handed over, two in three have
    // a plan with tasks of one or two departments (every fourth on its second revision, after a rejected one), a third
    // were called back.
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
              policy_id, policy_version, received_at, resolved_at, reopen_count, handler_ids, last_callback, root_cause, plan_revision)
            SELECT gen_random_uuid(), {tenantId}, 'B-' || n, (ARRAY['Received','Resolved','Closed'])[1 + n % 3],
              (ARRAY['Complaint','Complaint','Complaint','Inquiry','Suggestion'])[1 + n % 5],
              (ARRAY['Phone','OnlineChat','App','Email'])[1 + n % 4], '产品/类别' || (n % 17), '客户反映的问题 ' || n, '王先生', 'Normal',
              false, false, false, 1, 'Calm', jsonb_build_object(), (ARRAY['NORMAL','URGENT','MAJOR'])[1 + n % 3], 1 + n % 3,
              'general-enterprise', '1.0.0', ts, CASE WHEN n % 3 > 0 THEN ts + make_interval(hours => n % 50) END, n % 7 / 6,
              CASE WHEN n % 5 = 0 THEN ARRAY[gen_random_uuid(), gen_random_uuid()] ELSE ARRAY[gen_random_uuid()] END,
              CASE WHEN n % 3 = 2 THEN jsonb_build_object('satisfaction', jsonb_build_object('overall', 1 + n % 5, 'attitude', 1 + n % 4,
                'speed', 1 + n % 3, 'professionalism', 5, 'outcome', 4), 'byId', gen_random_uuid(), 'at', ts + interval '3 days') END,
              CASE WHEN n % 13 > 0 THEN ARRAY['现象' || (n % 5), '原因' || (n % 11)] ELSE ARRAY[]::text[] END,
              CASE WHEN n % 3 > 0 AND n % 4 = 0 THEN 1 ELSE 0 END
            FROM generate_series(1, {Complaints}) AS n,
                 LATERAL (SELECT timestamptz '2026-10-31 15:00:00+00' - make_interval(secs => n * {seconds})) AS t(ts)
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sla_clocks (id, tenant_id, complaint_id, kind, started_at, warn_at, due_at, pauses_while_waiting_on_customer, state)
            SELECT gen_random_uuid(), c.tenant_id, c.id, k.clock_kind, c.received_at, c.received_at, c.received_at, false,
                   CASE WHEN k.clock_kind = 'ACKNOWLEDGE' THEN 'Met' WHEN c.resolved_at IS NULL THEN 'Running' WHEN c.reopen_count > 0 THEN 'Breached' ELSE 'Met' END
            FROM complaints c, unnest(ARRAY['ACKNOWLEDGE', 'RESOLVE']) AS k(clock_kind)
            WHERE c.tenant_id = {tenantId}
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaint_events (tenant_id, complaint_id, type, actor_id, at, data)
            SELECT tenant_id, id, e.type, handler_ids[1], received_at + e.after, jsonb_build_object('before', jsonb_build_object(), 'after', jsonb_build_object())
            FROM complaints,
                 LATERAL (VALUES ('ASSIGNED', interval '10 minutes', true),
                                 ('HANDED_OVER', interval '2 hours', cardinality(handler_ids) > 1),
                                 ('REOPENED', interval '3 days', reopen_count > 0)) AS e(type, after, happened)
            WHERE tenant_id = {tenantId} AND e.happened
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO complaint_tasks (id, tenant_id, complaint_id, plan_revision, title, department, due_at, progress, done)
            SELECT gen_random_uuid(), tenant_id, id, revision, '查明原因并整改',
                   (ARRAY['质检部','物流部','客服部','生产部','销售部'])[1 + (number_of_complaint + task) % 5], received_at + interval '7 days', 100, true
            FROM (SELECT tenant_id, id, received_at, plan_revision, substr(number, 3)::int AS number_of_complaint FROM complaints WHERE tenant_id = {tenantId}) c,
                 LATERAL (VALUES (0, c.plan_revision, true), (1, c.plan_revision, number_of_complaint % 2 = 0), (0, 0, c.plan_revision = 1)) AS t(task, revision, planned)
            WHERE c.number_of_complaint % 3 > 0 AND t.planned
            """);

        // What autovacuum reaches soon after a bulk load: statistics and the visibility map. Only the tables' owner may
        // run it; the service's role would be skipped with a warning.
        await using var owner = new NpgsqlConnection(api.MigrationsConnectionString);
        await owner.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE complaints, sla_clocks, complaint_events, complaint_tasks, complaint_plan_departments", owner);
        vacuum.CommandTimeout = 300;
        await vacuum.ExecuteNonQueryAsync();
    }
}

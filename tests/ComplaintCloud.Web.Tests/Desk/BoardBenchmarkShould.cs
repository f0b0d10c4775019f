using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using Xunit.Abstractions;

namespace ComplaintCloud.Web.Tests.Desk;

/// <summary>
/// Issue 12's budget: with 10,000 open complaints in the tenant, the board's first page is on screen within 1 s of
/// clicking "Log in". Each run is a fresh browser (nothing cached), timed inside the page from the click to the
/// twentieth row. Seeding takes a while, so it runs only with COMPLAINTCLOUD_BENCHMARK=1; the figures are in
/// docs/console.md and the README.
/// </summary>
public sealed class BoardBenchmarkShould(WebFixture web, ITestOutputHelper output) : BrowserTest(web)
{
    private const int OpenComplaints = 10_000;
    private const int BudgetMs = 1000;
    private const int Runs = 9;

    // Resolves with the milliseconds from the first click on the page to the board showing a full page of rows.
    private const string TimeLogInToFirstPage = """
        () => new Promise((resolve) => {
          let clickedAt;
          document.addEventListener('click', () => { clickedAt ??= performance.now(); }, { capture: true });
          new MutationObserver((_, observer) => {
            if (clickedAt !== undefined && document.querySelectorAll('[data-testid=board-table] tbody tr[data-row-key]').length >= 20) {
              observer.disconnect();
              resolve(performance.now() - clickedAt);
            }
          }).observe(document.body, { childList: true, subtree: true });
        })
        """;

    [Fact]
    public async Task ShowTheFirstPageOfTenThousandOpenComplaintsWithinOneSecondOfLogIn()
    {
        if (Environment.GetEnvironmentVariable("COMPLAINTCLOUD_BENCHMARK") != "1")
        {
            return;
        }

        var tenant = await SignUpAsync();
        await SeedAsync(tenant);
        var open = await tenant.Client.SendAsync("{ complaints(filter: {status: [RECEIVED]}, first: 1) { totalCount } }");
        Assert.Equal(OpenComplaints, open.Data.GetProperty("complaints").GetProperty("totalCount").GetInt32());

        // The first run warms the service (compiled queries, the policy's first answers); it is not counted.
        await TimeLogInAsync(tenant);
        var timings = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            timings.Add(await TimeLogInAsync(tenant));
        }

        // Where the time goes: the two requests the page waits on, timed over HTTP alone.
        var logIns = await TimeRequestAsync(() => Web.Client().SendAsync(
            "mutation($i: LogInInput!) { logIn(input: $i) { token } }", new { i = new { tenantSlug = tenant.Slug, email = tenant.AdminEmail, password = Password } }));
        var pages = await TimeRequestAsync(() => tenant.Client.SendAsync(BoardPageQuery));

        var (plan, scans) = await ExplainThePagesScanAsync(tenant);

        var median = Median(timings);
        output.WriteLine(
            $"{OpenComplaints} open complaints, log-in to first page: median {median:F0} ms, worst {timings.Max():F0} ms of {Listed(timings)}; " +
            $"logIn alone: median {Median(logIns):F0} ms; the board's page alone: median {Median(pages):F0} ms; " +
            $"the page's scan in PostgreSQL: median {Median(scans):F2} ms, {plan}; " +
            $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Assert.DoesNotContain("Sort", plan, StringComparison.Ordinal);
        Assert.True(median <= BudgetMs, $"median {median:F0} ms");
    }

    private const string BoardPageQuery = """
        { complaints(filter: {status: [RECEIVED, ACKNOWLEDGED, ASSIGNED, INVESTIGATING, RESPONSIBILITY_DECIDED, PLAN_PROPOSED, PLAN_APPROVED,
            CUSTOMER_NOTIFIED, CUSTOMER_CONFIRMED, EXECUTING, RESOLVED, CALLBACK_DONE, REOPENED, WITHDRAWN]}, orderBy: NEAREST_DEADLINE, first: 20) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id number receivedAt channel kind category status ownerId grade { code rank name }
            nearestClock { kind state warnAt dueAt remainingSeconds } } } } }
        """;

    // The page's ordered scan as PostgreSQL plans and times it, less sensitive to the machine's load than a request: the
    // board's filter (every status but CLOSED) and order, and the page and one more row that the handler asks for.
    private async Task<(string Plan, List<double> Milliseconds)> ExplainThePagesScanAsync(SignedInTenant tenant)
    {
        await using var connection = new NpgsqlConnection(Web.ConnectionString);
        await connection.OpenAsync();
        await using (var useTenant = new NpgsqlCommand("SELECT set_config('app.tenant_id', @tenant, false)", connection))
        {
            useTenant.Parameters.AddWithValue("tenant", tenant.TenantId);
            await useTenant.ExecuteScalarAsync();
        }

        var plan = "";
        var timings = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            await using var explain = new NpgsqlCommand(
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT * FROM complaints WHERE tenant_id = @tenant AND status = ANY(@open) ORDER BY nearest_due_at, id LIMIT 21",
                connection);
            explain.Parameters.AddWithValue("tenant", Guid.Parse(tenant.TenantId));
            explain.Parameters.AddWithValue("open", Enum.GetNames<ComplaintCloud.Domain.Complaints.ComplaintStatus>().Where(status => status != "Closed").ToArray());
            using var explained = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
            timings.Add(explained.RootElement[0].GetProperty("Execution Time").GetDouble());
            plan = Nodes(explained.RootElement[0].GetProperty("Plan"));
        }

        return (plan, timings);
    }

    private static string Nodes(JsonElement node) =>
        node.GetProperty("Node Type").GetString()
        + (node.TryGetProperty("Index Name", out var index) ? $" using {index.GetString()}" : "")
        + (node.TryGetProperty("Plans", out var children) ? " <- " + string.Join(", ", children.EnumerateArray().Select(Nodes)) : "");

    private static double Median(List<double> timings) => timings.Order().ElementAt(timings.Count / 2);

    private static string Listed(List<double> timings) =>
        string.Join(", ", timings.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    private static async Task<List<double>> TimeRequestAsync(Func<Task<GraphQLResult>> send)
    {
        var timings = new List<double>();
        for (var run = 0; run < Runs; run++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            (await send()).AssertNoErrors();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        return timings;
    }

    private async Task<double> TimeLogInAsync(SignedInTenant tenant)
    {
        await using var browser = await Web.Browser.NewContextAsync(new() { BaseURL = Web.BaseAddress.ToString(), ViewportSize = Screen, Locale = "en-US" });
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/login");
        var firstPage = page.EvaluateAsync<double>(TimeLogInToFirstPage);
        await page.GetByLabel("Company (tenant slug)").FillAsync(tenant.Slug);
        await page.GetByLabel("E-mail").FillAsync(tenant.AdminEmail);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
        return await firstPage;
    }

    // One complaint made by the API, copied row for row (its clocks too) with deadlines a few seconds apart, all left
    // RECEIVED; the generated columns are left to PostgreSQL.
    private async Task SeedAsync(SignedInTenant tenant)
    {
        var made = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        made.AssertNoErrors();
        var original = Guid.Parse(made.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!);

        await using var scope = Web.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().UseTenant(Guid.Parse(tenant.TenantId));
        var db = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var complaintColumns = await ColumnsAsync(db, "complaints");
        var clockColumns = await ColumnsAsync(db, "sla_clocks");
        // Built from the catalogue's column names only; the original's id is a parameter.
#pragma warning disable EF1002
        await db.Database.ExecuteSqlRawAsync(
            $"""
            WITH copies AS MATERIALIZED (
              SELECT gen_random_uuid() AS id, n, make_interval(secs => n * 0.3) AS earlier FROM generate_series(2, {OpenComplaints}) AS n),
            complaints_made AS (
              INSERT INTO complaints ({string.Join(", ", complaintColumns)})
              SELECT {string.Join(", ", complaintColumns.Select(column => "copy." + column))}
              FROM complaints c CROSS JOIN copies k,
                LATERAL jsonb_populate_record(NULL::complaints, to_jsonb(c) || jsonb_build_object(
                  'id', k.id, 'number', c.number || '-' || k.n, 'received_at', c.received_at - k.earlier,
                  'nearest_due_at', c.nearest_due_at - k.earlier)) AS copy
              WHERE c.id = @original)
            INSERT INTO sla_clocks ({string.Join(", ", clockColumns)})
            SELECT {string.Join(", ", clockColumns.Select(column => "copy." + column))}
            FROM sla_clocks s CROSS JOIN copies k,
              LATERAL jsonb_populate_record(NULL::sla_clocks, to_jsonb(s) || jsonb_build_object(
                'id', gen_random_uuid(), 'complaint_id', k.id,
                'started_at', s.started_at - k.earlier, 'warn_at', s.warn_at - k.earlier, 'due_at', s.due_at - k.earlier)) AS copy
            WHERE s.complaint_id = @original
            """,
            new NpgsqlParameter("original", original));
#pragma warning restore EF1002

        // What autovacuum reaches soon after a bulk load; only the tables' owner may run it.
        await using var owner = new NpgsqlConnection(Web.MigrationsConnectionString);
        await owner.OpenAsync();
        await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE complaints, sla_clocks", owner);
        vacuum.CommandTimeout = 300;
        await vacuum.ExecuteNonQueryAsync();
    }

    private static async Task<string[]> ColumnsAsync(ComplaintCloudDbContext db, string table) =>
        await db.Database.SqlQuery<string>(
                $"SELECT quote_ident(column_name::text) AS \"Value\" FROM information_schema.columns WHERE table_name = {table} AND is_generated = 'NEVER' ORDER BY ordinal_position")
            .ToArrayAsync();
}

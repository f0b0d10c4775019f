using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Application.Clocks;
using ComplaintCloud.Application.Complaints.Queries;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace ComplaintCloud.Api.Tests.Complaints;

/// <summary>
/// Issue 17, point 3: every order <c>complaints</c> offers is a range scan of an index in that order, for the first
/// page and for a later one, so a page costs the same however many complaints the tenant holds. The statements are
/// those the list handler sends (<c>ComplaintQueries</c>), over a tenant of 5,000 complaints with fresh statistics.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class ComplaintListPlansShould(ApiFixture api)
{
    private const int Complaints = 5_000;

    [Fact]
    public async Task ReadTheNewestFirstFromTheIndexInThatOrderStartingAtTheCursor()
    {
        var (connection, tenantId) = await TenantWithComplaintsAsync();
        await using var _ = connection;

        var first = await PlanAsync(connection, tenantId, Page("", "c.received_at DESC, c.id DESC"));
        var later = await PlanAsync(connection, tenantId, Page(
            "AND c.received_at <= @at AND (c.received_at < @at OR (c.received_at = @at AND c.id < @id))", "c.received_at DESC, c.id DESC"));

        AssertARangeScanOf("ix_complaints_tenant_id_received_at_id", first);
        AssertARangeScanOf("ix_complaints_tenant_id_received_at_id", later);
        Assert.Contains("received_at <=", Scan(Limit(later)!.Value).GetProperty("Index Cond").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadTheNearestDeadlineFirstFromTheIndexInThatOrder()
    {
        var (connection, tenantId) = await TenantWithComplaintsAsync();
        await using var _ = connection;

        var first = await PlanAsync(connection, tenantId, Page("", "c.nearest_due_at, c.id"));

        AssertARangeScanOf("ix_complaints_tenant_id_nearest_due_at_id", first);
    }

    // Planning a page cost three times what running it did (docs/load.md). The session prefers custom plans here: the
    // page's own settings choose.
    [Fact]
    public async Task ReadEveryPreparedPageWithOneGenericPlanFromTheIndexInItsOrder()
    {
        var (owner, tenantId) = await TenantWithComplaintsAsync();
        await owner.DisposeAsync();
        var (db, tenant) = await OwnConnectionAsync(tenantId, "-c plan_cache_mode=force_custom_plan");
        await using var _ = db;
        var list = new ComplaintQueries(db, tenant);

        for (var run = 0; run < RunsPastTheFifthPrepared; run++)
        {
            await list.ListAsync(new ComplaintFilter(), ComplaintOrder.Newest, 20, null, ComplaintParts.Row, CancellationToken.None);
        }

        var (custom, generic) = await PlansOfPreparedStatementsAsync(db, "FROM complaints");
        Assert.True(generic > 5, $"The page ran {generic} times with its generic plan: not from its first prepared run on.");
        Assert.Equal(0L, custom);
        AssertARangeScanOf("ix_complaints_tenant_id_received_at_id", await GenericPlanOfThePageAsync(db, tenantId));
        Assert.Equal("force_custom_plan", await SettingAsync(db, "plan_cache_mode"));
        Assert.Equal("on", await SettingAsync(db, "enable_bitmapscan"));
    }

    // A filter's values decide the plan: an agent's own five complaints among a tenant's 100,000 took 0.1 ms by the
    // owner index under a plan for that agent, 68 ms by the order's index under one plan for every agent (docs/load.md).
    // The session prefers the generic plan here.
    [Fact]
    public async Task PlanEveryRunOfAFilteredPreparedPageForItsValues()
    {
        var signedUp = await api.SignUpAsync();
        var (db, tenant) = await OwnConnectionAsync(Guid.Parse(signedUp.TenantId), "-c plan_cache_mode=force_generic_plan");
        await using var _ = db;
        var list = new ComplaintQueries(db, tenant);

        for (var run = 0; run < RunsPastTheFifthPrepared; run++)
        {
            await list.ListAsync(new ComplaintFilter(Owner: OwnerFilter.Mine), ComplaintOrder.Newest, 20, null, ComplaintParts.Row, CancellationToken.None);
        }

        var (custom, generic) = await PlansOfPreparedStatementsAsync(db, "FROM complaints");
        Assert.True(custom > 5, $"The page ran {custom} times prepared: not past the fifth.");
        Assert.Equal(0L, generic);
    }

    // PostgreSQL's generic plan, used from a prepared statement's sixth run, takes every tenant for an average one. The
    // session prefers the generic plan here, as PostgreSQL did for the list's page among 1,000 tenants.
    [Fact]
    public async Task PlanEveryRunOfThePreparedAtRiskBoardForItsOwnTenant()
    {
        var signedUp = await api.SignUpAsync();
        var (db, tenant) = await OwnConnectionAsync(Guid.Parse(signedUp.TenantId), "-c plan_cache_mode=force_generic_plan");
        await using var _ = db;
        var board = new SlaBoard(db, tenant, SystemClock.Instance, api.Services.GetRequiredService<IServiceScopeFactory>());

        for (var run = 0; run < RunsPastTheFifthPrepared; run++)
        {
            await board.AtRiskAsync(null, CancellationToken.None);
        }

        var (custom, generic) = await PlansOfPreparedStatementsAsync(db, "FROM sla_clocks");
        Assert.True(custom > 5, $"The board ran {custom} times prepared: not past the fifth.");
        Assert.Equal(0L, generic);
        Assert.Equal("force_generic_plan", await SettingAsync(db, "plan_cache_mode"));
    }

    // Planning every run of intake's statements and reads by id cost intake a third of its throughput (docs/load.md).
    [Fact]
    public async Task LeaveOtherPreparedStatementsTheirGenericPlan()
    {
        var signedUp = await api.SignUpAsync();
        var (db, _) = await OwnConnectionAsync(Guid.Parse(signedUp.TenantId), options: null);
        await using var __ = db;
        var id = Guid.NewGuid();

        for (var run = 0; run < RunsPastTheFifthPrepared; run++)
        {
            await db.Complaints.AsNoTracking().Where(c => c.Id == id).ToListAsync();
        }

        var (_, generic) = await PlansOfPreparedStatementsAsync(db, "FROM complaints");
        Assert.True(generic > 0, "Every run of an untagged statement was planned anew.");
    }

    // Npgsql prepares a statement on its fifth use; PostgreSQL plans the first five runs of a prepared statement for
    // their values and may reuse a generic plan from the sixth.
    private const int RunsPastTheFifthPrepared = 12;

    // A pool of its own (by its application name), so the connection's prepared statements are the test's alone.
    private async Task<(ComplaintCloudDbContext Db, TenantContext Tenant)> OwnConnectionAsync(Guid tenantId, string? options)
    {
        var tenant = new TenantContext();
        tenant.SignIn(tenantId, Guid.NewGuid(), []);
        var connectionString = new NpgsqlConnectionStringBuilder(api.ConnectionString) { ApplicationName = $"plans-{Guid.NewGuid():N}", Options = options }.ConnectionString;
        var db = ServiceContext.For(connectionString, tenant);
        await db.Database.OpenConnectionAsync();
        return (db, tenant);
    }

    // Runs of the prepared statements on the context's connection that read the table named, planned anew and generic.
    private static async Task<(long Custom, long Generic)> PlansOfPreparedStatementsAsync(ComplaintCloudDbContext db, string from)
    {
        await using var plans = new NpgsqlCommand(
            "SELECT coalesce(sum(custom_plans), 0), coalesce(sum(generic_plans), 0) FROM pg_prepared_statements WHERE statement LIKE '%' || @from || '%'",
            (NpgsqlConnection)db.Database.GetDbConnection());
        plans.Parameters.AddWithValue("from", from);
        await using var reader = await plans.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    // The plan the page's prepared statement keeps for every run, explained for the tenant and a page of 20.
    private static async Task<JsonElement> GenericPlanOfThePageAsync(ComplaintCloudDbContext db, Guid tenantId)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var statement = new NpgsqlCommand(
            "SELECT name, parameter_types::text[] FROM pg_prepared_statements WHERE statement LIKE '%FROM complaints%' AND generic_plans > 0", connection);
        string name;
        string[] types;
        await using (var reader = await statement.ExecuteReaderAsync())
        {
            Assert.True(await reader.ReadAsync(), "No prepared page ran with a generic plan.");
            (name, types) = (reader.GetString(0), reader.GetFieldValue<string[]>(1));
        }

        var values = types.Select(type => type switch
        {
            "uuid" => $"'{tenantId}'",
            "integer" => "21",
            _ => throw new Xunit.Sdk.XunitException($"The page takes a parameter of type {type}."),
        });
        var setting = await SettingAsync(db, "plan_cache_mode");
        await db.Database.ExecuteSqlRawAsync("SET plan_cache_mode = force_generic_plan");
        await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) EXECUTE {name}({string.Join(", ", values)})", connection);
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        await db.Database.ExecuteSqlAsync($"SELECT set_config('plan_cache_mode', {setting}, false)");
        return plan.RootElement[0].GetProperty("Plan").Clone();
    }

    private static Task<string> SettingAsync(ComplaintCloudDbContext db, string name) =>
        db.Database.SqlQuery<string>($"SELECT current_setting({name}) AS \"Value\"").SingleAsync();

    // As the list handler asks for a page of 20: the ids of the page and one more row (to tell whether there is a next
    // page) in the order asked, then their rows.
    private static string Page(string after, string order) =>
        $"""
        SELECT * FROM complaints c WHERE c.tenant_id = @tenant AND c.id IN (
          SELECT p.id FROM complaints p WHERE p.tenant_id = @tenant {after.Replace("c.", "p.", StringComparison.Ordinal)}
          ORDER BY {order.Replace("c.", "p.", StringComparison.Ordinal)} LIMIT 21)
        ORDER BY {order}
        """;

    // The page's ids come from the index in its order, no sort beneath the limit; sorting the 21 rows after is cheap.
    private static void AssertARangeScanOf(string index, JsonElement plan)
    {
        var ids = Limit(plan) ?? throw new Xunit.Sdk.XunitException("No limit in " + plan.GetRawText());
        Assert.DoesNotContain("Sort", ids.GetRawText(), StringComparison.Ordinal);
        Assert.True(Scan(ids).TryGetProperty("Index Name", out var name) && name.GetString() == index, plan.GetRawText());
    }

    private static JsonElement? Limit(JsonElement plan) =>
        plan.GetProperty("Node Type").GetString() == "Limit"
            ? plan
            : plan.TryGetProperty("Plans", out var children) ? children.EnumerateArray().Select(Limit).FirstOrDefault(found => found is not null) : null;

    // The scan beneath the limit; row-level security adds an init plan beside it.
    private static JsonElement Scan(JsonElement plan) =>
        plan.TryGetProperty("Plans", out var children)
            ? Scan(children.EnumerateArray().First(child => child.GetProperty("Parent Relationship").GetString() != "InitPlan"))
            : plan;

    private static async Task<JsonElement> PlanAsync(NpgsqlConnection connection, Guid tenantId, string sql)
    {
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
        explain.Parameters.AddWithValue("tenant", tenantId);
        explain.Parameters.AddWithValue("at", DateTime.UtcNow);
        explain.Parameters.AddWithValue("id", Guid.NewGuid());
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        return plan.RootElement[0].GetProperty("Plan").Clone();
    }

    // One complaint made by the API, copied row for row a second apart; the generated columns are left to PostgreSQL.
    // Connected as the tables' owner, which may ANALYZE them, under the tenant's row-level security.
    private async Task<(NpgsqlConnection Connection, Guid TenantId)> TenantWithComplaintsAsync()
    {
        var tenant = await api.SignUpAsync();
        var made = await tenant.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction());
        made.AssertNoErrors();
        var tenantId = Guid.Parse(tenant.TenantId);
        var connection = new NpgsqlConnection(api.MigrationsConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "SELECT set_config('app.tenant_id', @tenant, false)", ("tenant", tenant.TenantId));
        await using var columns = new NpgsqlCommand(
            "SELECT string_agg(quote_ident(column_name::text), ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'complaints' AND is_generated = 'NEVER'",
            connection);
        var names = (string)(await columns.ExecuteScalarAsync())!;
        var copies = string.Join(", ", names.Split(", ").Select(name => "copy." + name));
        await ExecuteAsync(
            connection,
            $"""
            INSERT INTO complaints ({names})
            SELECT {copies}
            FROM complaints c CROSS JOIN generate_series(2, {Complaints}) AS n,
              LATERAL jsonb_populate_record(NULL::complaints, to_jsonb(c) || jsonb_build_object(
                'id', gen_random_uuid(), 'number', c.number || '-' || n, 'received_at', c.received_at - make_interval(secs => n))) AS copy
            WHERE c.id = @original
            """,
            ("original", Guid.Parse(made.Data.GetProperty("submitComplaint").GetProperty("id").GetString()!)));
        await ExecuteAsync(connection, "ANALYZE complaints");
        return (connection, tenantId);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}

using System.Text.Json;
using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task PlanEveryRunOfAPreparedPageForItsOwnTenant()
    {
        // PostgreSQL's generic plan, used from a prepared statement's sixth run, takes every tenant for an average one:
        // with 1,000 tenants it read every row of a tenant holding 200,000 for a page of 20 (docs/load.md).
        await using var db = new ComplaintCloudDbContext(
            (DbContextOptions<ComplaintCloudDbContext>)new DbContextOptionsBuilder<ComplaintCloudDbContext>().UseComplaintCloudDatabase(api.ConnectionString).Options,
            new TenantContext());

        var mode = await db.Database.SqlQuery<string>($"SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();

        Assert.Equal("force_custom_plan", mode);
    }

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

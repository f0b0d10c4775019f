using ComplaintCloud.Api.Tests.Support;
using ComplaintCloud.Infrastructure;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using ComplaintCloud.Infrastructure.Telemetry;
using ComplaintCloud.Infrastructure.Tenancy;
using ComplaintCloud.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ComplaintCloud.Api.Tests.Security;

/// <summary>
/// PostgreSQL itself keeps tenants apart: the service's own database role, with EF Core's query filters out of the
/// way, sees and changes only the current tenant's rows, and cannot switch the rules off.
/// </summary>
[Collection(ApiFixture.Collection)]
public sealed class RowLevelSecurityShould(ApiFixture api)
{
    private const string InsufficientPrivilege = "42501";

    [Fact]
    public async Task ShowRawSqlOfTheRuntimeRoleOnlyTheCurrentTenantsRowsInEveryTenantTable()
    {
        var (a, b) = await TwoTenantsWithAComplaintEachAsync();
        await using var connection = await RuntimeConnectionAsync(b.TenantId);

        foreach (var table in await TenantTablesAsync())
        {
            Assert.Equal(0L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"{table}\" WHERE tenant_id <> @b", ("b", Guid.Parse(b.TenantId))));
        }

        Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints") >= 1);
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints WHERE tenant_id = @a", ("a", Guid.Parse(a.TenantId))));
        Assert.Equal(b.TenantId, (await ScalarAsync<Guid>(connection, "SELECT id FROM tenants")).ToString());
    }

    [Fact]
    public async Task ShowAnSlaSweepOnlyTheTenantsItNamesForItsTransaction()
    {
        var (a, b) = await TwoTenantsWithAComplaintEachAsync();
        await using var connection = await RuntimeConnectionAsync(tenantId: null);
        await using (var sweep = await connection.BeginTransactionAsync())
        {
            await ScalarAsync<string>(connection, $"SELECT set_config('{RowLevelSecurity.SweptTenantsSetting}', @tenants, true)", ("tenants", $"{{{a.TenantId}}}"));

            foreach (var table in await TenantTablesAsync())
            {
                Assert.Equal(0L, await ScalarAsync<long>(connection, $"SELECT count(*) FROM \"{table}\" WHERE tenant_id <> @a", ("a", Guid.Parse(a.TenantId))));
            }

            Assert.True(await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints") >= 1);
            Assert.Equal(a.TenantId, (await ScalarAsync<Guid>(connection, "SELECT id FROM tenants")).ToString());
            await sweep.CommitAsync();
        }

        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints"));
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints WHERE tenant_id = @b", ("b", Guid.Parse(b.TenantId))));
    }

    [Fact]
    public async Task ShowNoRowsToAConnectionThatNamesNoTenant()
    {
        await TwoTenantsWithAComplaintEachAsync();
        await using var connection = await RuntimeConnectionAsync(tenantId: null);

        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM complaints"));
        Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM tenants"));
    }

    [Fact]
    public async Task HideOtherTenantsRowsFromEfCoreWithItsQueryFiltersIgnored()
    {
        var (a, b) = await TwoTenantsWithAComplaintEachAsync();
        await using var db = ContextFor(api.ConnectionString, b.TenantId);

        var seen = await db.Complaints.IgnoreQueryFilters().Select(c => c.TenantId).Distinct().ToListAsync();

        Assert.Equal([Guid.Parse(b.TenantId)], seen);
        Assert.Empty(await db.Users.IgnoreQueryFilters().Where(u => u.TenantId == Guid.Parse(a.TenantId)).ToListAsync());
    }

    [Fact]
    public async Task ForgetTheTenantOfAConnectionThatWentBackToThePool()
    {
        var (a, _) = await TwoTenantsWithAComplaintEachAsync();
        // A pool of one connection, so that the second context is handed the very connection the first gave back.
        var poolOfOne = new NpgsqlConnectionStringBuilder(api.ConnectionString) { MaxPoolSize = 1, ApplicationName = "rls-pool-of-one" }.ConnectionString;
        int firstBackend;
        await using (var first = ContextFor(poolOfOne, a.TenantId))
        {
            Assert.NotEqual(0, await first.Complaints.IgnoreQueryFilters().CountAsync());
            firstBackend = await BackendOfAsync(first);
        }

        await using var next = ContextFor(poolOfOne, tenantId: null);

        Assert.Equal(firstBackend, await BackendOfAsync(next));
        Assert.Equal(0, await next.Complaints.IgnoreQueryFilters().CountAsync());
        Assert.Equal("", await next.Database.SqlQuery<string>($"SELECT current_setting({RowLevelSecurity.TenantSetting}, true) AS \"Value\"").SingleAsync());
    }

    [Fact]
    public async Task ForgetTheTenantOfAContextThatWentBackToItsPool()
    {
        var (a, _) = await TwoTenantsWithAComplaintEachAsync();
        // A pool of one context, so that the second lease is handed the very context the first gave back.
        var poolOfOne = new PooledDbContextFactory<ComplaintCloudDbContext>(api.Services.GetRequiredService<DbContextOptions<ComplaintCloudDbContext>>(), poolSize: 1);
        var tenant = new TenantContext();
        tenant.UseTenant(Guid.Parse(a.TenantId));
        ComplaintCloudDbContext first;
        await using (first = poolOfOne.CreateDbContext().WorkingFor(tenant))
        {
            Assert.NotEqual(0, await first.Complaints.CountAsync());
            first.Database.AutoSavepointsEnabled = false;
        }

        await using var next = poolOfOne.CreateDbContext();

        Assert.Same(first, next);
        Assert.Equal(0, await next.Complaints.CountAsync());
        Assert.Equal(0, await next.Complaints.IgnoreQueryFilters().CountAsync());
        Assert.True(next.Database.AutoSavepointsEnabled);
    }

    [Fact]
    public async Task NameTheTenantInTheFirstQuerysOwnRoundTrip()
    {
        var (_, b) = await TwoTenantsWithAComplaintEachAsync();
        using var telemetry = new TelemetryCapture();
        await using var db = await OpenedBeforeItsTenantAsync(b.TenantId);

        List<Guid> seen;
        using (var query = ComplaintCloudTelemetry.Traces.StartActivity("first query"))
        {
            seen = await db.Complaints.IgnoreQueryFilters().Select(c => c.TenantId).Distinct().ToListAsync();
            Assert.Single(telemetry.Spans, span => span.Source.Name == "Npgsql" && span.ParentSpanId == query!.SpanId);
        }

        Assert.Equal([Guid.Parse(b.TenantId)], seen);
    }

    [Fact]
    public async Task NameTheTenantAgainAfterTheQueryThatCarriedItFailed()
    {
        var (_, b) = await TwoTenantsWithAComplaintEachAsync();
        await using var db = await OpenedBeforeItsTenantAsync(b.TenantId);

        // PostgreSQL rolls back the failed round trip, the setting it carried included.
        await Assert.ThrowsAsync<PostgresException>(() => db.Complaints.Select(c => 1 / (c.Number.Length - c.Number.Length)).ToListAsync());

        Assert.NotEqual(0, await db.Complaints.IgnoreQueryFilters().CountAsync());
    }

    [Fact]
    public void RefuseAConnectionStringThatKeepsSessionSettingsInThePool()
    {
        var keepsSettings = new NpgsqlConnectionStringBuilder(api.ConnectionString) { NoResetOnClose = true }.ConnectionString;

        Assert.Throws<ArgumentException>(() => new DbContextOptionsBuilder<ComplaintCloudDbContext>().UseComplaintCloudDatabase(keepsSettings));
    }

    [Fact]
    public async Task RefuseAnotherTenantsIdOnInsert()
    {
        var (a, b) = await TwoTenantsWithAComplaintEachAsync();
        await using var connection = await RuntimeConnectionAsync(b.TenantId);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<int>(
            connection,
            "INSERT INTO complaint_number_counters (tenant_id, day, last_value) VALUES (@a, DATE '2026-01-01', 1) RETURNING last_value",
            ("a", Guid.Parse(a.TenantId))));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Theory]
    [InlineData("ALTER TABLE complaints DISABLE ROW LEVEL SECURITY")]
    [InlineData("ALTER TABLE complaints NO FORCE ROW LEVEL SECURITY")]
    [InlineData("DROP POLICY tenant_isolation ON complaints")]
    [InlineData("ALTER TABLE tenants DISABLE ROW LEVEL SECURITY")]
    [InlineData("SET row_security = off; SELECT count(*) FROM complaints")]
    [InlineData("SET ROLE complaintcloud_owner; SELECT count(*) FROM complaints")]
    [InlineData("UPDATE complaint_events SET type = 'FORGED'")]
    [InlineData("DELETE FROM complaint_events")]
    [InlineData("DELETE FROM contact_views")]
    [InlineData("UPDATE preventive_measure_events SET type = 'FORGED'")]
    [InlineData("DELETE FROM preventive_measure_events")]
    [InlineData("TRUNCATE complaints CASCADE")]
    [InlineData("CREATE TABLE smuggled (tenant_id uuid)")]
    [InlineData("SELECT complaintcloud_secure('complaintcloud_app')")]
    public async Task RefuseTheRuntimeRoleAnythingThatWouldGetAroundIt(string sql)
    {
        await TwoTenantsWithAComplaintEachAsync();
        await using var connection = await RuntimeConnectionAsync(tenantId: null);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<object>(connection, sql));

        Assert.Equal(InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task RunTheServiceAsAnOrdinaryRoleThatOwnsNothing()
    {
        var runtime = await RuntimeRole.InspectAsync(api.ConnectionString);

        Assert.False(runtime.BypassesRowLevelSecurity);
        Assert.NotEqual(await RuntimeRole.NameAsync(api.MigrationsConnectionString), runtime.Name);
        await using var connection = await RuntimeConnectionAsync(tenantId: null);
        Assert.Equal(0L, await ScalarAsync<long>(
            connection, "SELECT count(*) FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
    }

    [Fact]
    public async Task LeaveNoTableThatHoldsTenantRowsUnprotected()
    {
        var tables = await TenantTablesAsync();

        Assert.Contains("complaints", tables);
        Assert.Contains("complaint_events", tables);
        Assert.Contains("notification_templates", tables);
        Assert.Empty(await RowLevelSecurity.FindUnprotectedTablesAsync(api.MigrationsConnectionString));
    }

    [Fact]
    public async Task ProtectATableAddedLaterWhenAppliedAgain()
    {
        var connections = await api.CreateSecuredDatabaseAsync("rls-new-table");
        await DatabaseMigrator.MigrateAsync(connections, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        await using (var owner = new NpgsqlConnection(connections.Migrations))
        {
            await owner.OpenAsync();
            await ScalarAsync<object>(owner, "CREATE TABLE later_feature (id int PRIMARY KEY, tenant_id uuid NOT NULL)");
        }

        Assert.Equal(["later_feature"], await RowLevelSecurity.FindUnprotectedTablesAsync(connections.Migrations));
        await DatabaseMigrator.MigrateAsync(connections, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        Assert.Empty(await RowLevelSecurity.FindUnprotectedTablesAsync(connections.Migrations));
    }

    private async Task<(SignedInTenant A, SignedInTenant B)> TwoTenantsWithAComplaintEachAsync()
    {
        var a = await api.SignUpAsync();
        var b = await api.SignUpAsync();
        (await a.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        (await b.Client.SendAsync(Operations.Submit, Operations.CalmMalfunction())).AssertNoErrors();
        foreach (var tenant in new[] { a, b })
        {
            (await tenant.Client.SendAsync(
                "mutation($i: UpdateNotificationTemplateInput!) { updateNotificationTemplate(input: $i) { template { kind } } }",
                new { i = new { kind = "RESOLVED", language = "en", subject = "Resolved", body = "{{complaintNumber}} is resolved." } })).AssertNoErrors();
        }

        return (a, b);
    }

    private async Task<IReadOnlyList<string>> TenantTablesAsync()
    {
        await using var connection = new NpgsqlConnection(api.MigrationsConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'tenant_id'", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    /// <summary>The service's DbContext working for a tenant, or for none.</summary>
    private static ComplaintCloudDbContext ContextFor(string connectionString, string? tenantId)
    {
        var tenant = new TenantContext();
        if (tenantId is not null)
        {
            tenant.UseTenant(Guid.Parse(tenantId));
        }

        return ServiceContext.For(connectionString, tenant);
    }

    // As a request's context: its connection opened before its tenant is known.
    private async Task<ComplaintCloudDbContext> OpenedBeforeItsTenantAsync(string tenantId)
    {
        var tenant = new TenantContext();
        var db = ServiceContext.For(api.ConnectionString, tenant);
        await db.Database.OpenConnectionAsync();
        tenant.UseTenant(Guid.Parse(tenantId));
        return db;
    }

    private static Task<int> BackendOfAsync(ComplaintCloudDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT pg_backend_pid() AS \"Value\"").SingleAsync();

    /// <summary>A plain connection as the service's role, set for a tenant the way the service sets it.</summary>
    private async Task<NpgsqlConnection> RuntimeConnectionAsync(string? tenantId)
    {
        var connection = new NpgsqlConnection(api.ConnectionString);
        await connection.OpenAsync();
        await ScalarAsync<string>(connection, $"SELECT set_config('{RowLevelSecurity.TenantSetting}', @tenant, false)", ("tenant", tenantId ?? ""));
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }
}

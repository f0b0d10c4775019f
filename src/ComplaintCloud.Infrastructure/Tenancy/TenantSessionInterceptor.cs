using System.Data.Common;
using System.Runtime.CompilerServices;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ComplaintCloud.Infrastructure.Tenancy;

/// <summary>
/// Tells PostgreSQL which tenant a connection works for, so that row-level security filters what EF Core's query
/// filters already filter. The setting is session-wide (set_config(…, false)): it is made when EF Core opens the
/// connection for a known tenant, or before the first command once the scope learns its tenant (log-in resolves the
/// tenant, then reads the user; a request's connection is opened before its tenant is known), and brought up to date
/// whenever a command runs on a connection set for another tenant value. Per-transaction settings would force every
/// read into an explicit transaction. Nothing is sent when the connection closes: Npgsql's reset of a pooled
/// connection (RESET ALL, before the next user's first command) clears the setting, so a connection taken from the
/// pool names no tenant; <see cref="InfrastructureServices.UseComplaintCloudDatabase"/> refuses a connection string
/// that turns that reset off.
/// <para>
/// Before a LINQ query the setting rides in the query's own round trip, as a first statement whose result is skipped,
/// so a request that reads (the signed-in check, a page) pays no round trip for it. Only queries: a save's batch reads
/// its statements' results by position. If that round trip fails, PostgreSQL rolls the setting back with it, so the
/// connection is set again before its next command.
/// </para>
/// <para>
/// A query tagged by <see cref="TenantPlans"/> carries, in that same first statement, planner settings local to
/// its round trip's implicit transaction: how PostgreSQL plans it.
/// </para>
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    private const string TenantParameter = "app_tenant_setting";
    private const string SetTenant = $"set_config('{RowLevelSecurity.TenantSetting}', @{TenantParameter}, false)";
    private const string SetSql = "SELECT " + SetTenant;

    // What a LINQ query may carry in front of its own text: one statement, whose result is skipped.
    private const string TenantBeforeQuery = SetSql + ";\n";

    // The settings of a tagged query (TenantPlans), until the round trip's end: Npgsql sends one Sync after a
    // command's statements, which ends the implicit transaction they share (and a failure rolls it back).
    private static readonly PlanSettings[] Plans =
    [
        new(TenantPlans.ForItsTenantTag, "set_config('plan_cache_mode', 'force_custom_plan', true)"),
        new(TenantPlans.OnceInIndexOrderTag, "set_config('plan_cache_mode', 'force_generic_plan', true), set_config('enable_bitmapscan', 'off', true)"),
    ];

    // Every statement carried in front of a query starts so.
    private const string Carried = "SELECT set_config(";

    // What the pool's reset leaves, and what the setting holds without a tenant.
    private const string NoTenant = "";

    // What a connection holds after a round trip that carried the setting failed: no tenant value compares equal.
    private const string Unknown = "\0unknown";

    // What each open connection was last set to.
    private readonly ConditionalWeakTable<DbConnection, string> _applied = [];

    private TenantSessionInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        _applied.AddOrUpdate(connection, NoTenant);
        Refresh(connection, null, eventData.Context);
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _applied.AddOrUpdate(connection, NoTenant);
        return RefreshAsync(connection, null, eventData.Context, cancellationToken);
    }

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        _applied.Remove(connection);
        return result;
    }

    public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        _applied.Remove(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (!CarryInQuery(command, eventData))
        {
            Refresh(command.Connection, command.Transaction, eventData.Context);
        }

        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (!CarryInQuery(command, eventData))
        {
            await RefreshAsync(command.Connection, command.Transaction, eventData.Context, cancellationToken);
        }

        return result;
    }

    // The query's own error surfaces here, when its result is reached: the reader is closed, so that the connection
    // can run the next command, and the connection set again.
    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        if (CarriesSetting(command))
        {
            try
            {
                result.NextResult();
            }
            catch
            {
                result.Dispose();
                ForgetIfCarried(command);
                throw;
            }
        }

        return result;
    }

    public async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (CarriesSetting(command))
        {
            try
            {
                await result.NextResultAsync(cancellationToken);
            }
            catch
            {
                await result.DisposeAsync();
                ForgetIfCarried(command);
                throw;
            }
        }

        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ForgetIfCarried(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfCarried(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => ForgetIfCarried(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ForgetIfCarried(command);
        return Task.CompletedTask;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Refresh(command.Connection, command.Transaction, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command.Connection, command.Transaction, eventData.Context, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refresh(command.Connection, command.Transaction, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command.Connection, command.Transaction, eventData.Context, cancellationToken);
        return result;
    }

    private static string CurrentTenant(DbContext? context) =>
        (context as ComplaintCloudDbContext)?.Tenancy.TenantId?.ToString() ?? NoTenant;

    private void Refresh(DbConnection? connection, DbTransaction? transaction, DbContext? context)
    {
        if (Stale(connection, context) is { } tenant)
        {
            Set(connection!, transaction, tenant);
        }
    }

    private async Task RefreshAsync(DbConnection? connection, DbTransaction? transaction, DbContext? context, CancellationToken cancellationToken)
    {
        if (Stale(connection, context) is { } tenant)
        {
            await SetAsync(connection!, transaction, tenant, cancellationToken);
        }
    }

    // True when the query carries its tenant; a query that needs no setting carries nothing.
    private bool CarryInQuery(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource != CommandSource.LinqQuery)
        {
            return false;
        }

        var tenant = Stale(command.Connection, eventData.Context);
        if (PlansOf(command.CommandText) is { } tagged)
        {
            command.CommandText = (tenant is null ? tagged.BeforeQuery : tagged.WithTenantBeforeQuery) + command.CommandText;
        }
        else if (tenant is not null)
        {
            command.CommandText = TenantBeforeQuery + command.CommandText;
        }

        if (tenant is null)
        {
            return false;
        }

        AddTenantParameter(command, tenant);
        _applied.AddOrUpdate(command.Connection!, tenant);
        return true;
    }

    // A loop, not Array.Find with a lambda: it runs before every query, and the lambda would capture the command.
    private static PlanSettings? PlansOf(string commandText)
    {
        foreach (var plans in Plans)
        {
            if (commandText.StartsWith(plans.TaggedQuery, StringComparison.Ordinal))
            {
                return plans;
            }
        }

        return null;
    }

    private static bool CarriesSetting(DbCommand command) => command.CommandText.StartsWith(Carried, StringComparison.Ordinal);

    private static bool CarriesTenant(DbCommand command) => command.CommandText.StartsWith(SetSql, StringComparison.Ordinal);

    private void ForgetIfCarried(DbCommand command)
    {
        if (CarriesTenant(command))
        {
            Forget(command.Connection);
        }
    }

    private void Forget(DbConnection? connection)
    {
        if (connection is not null && _applied.TryGetValue(connection, out _))
        {
            _applied.AddOrUpdate(connection, Unknown);
        }
    }

    private string? Stale(DbConnection? connection, DbContext? context)
    {
        var tenant = CurrentTenant(context);
        return connection is not null && _applied.TryGetValue(connection, out var applied) && applied != tenant
            ? tenant
            : null;
    }

    private void Set(DbConnection connection, DbTransaction? transaction, string tenant)
    {
        using var command = SetCommand(connection, transaction, tenant);
        command.ExecuteNonQuery();
        _applied.AddOrUpdate(connection, tenant);
    }

    private async Task SetAsync(DbConnection connection, DbTransaction? transaction, string tenant, CancellationToken cancellationToken)
    {
        await using var command = SetCommand(connection, transaction, tenant);
        await command.ExecuteNonQueryAsync(cancellationToken);
        _applied.AddOrUpdate(connection, tenant);
    }

    private static DbCommand SetCommand(DbConnection connection, DbTransaction? transaction, string tenant)
    {
        var command = connection.CreateCommand();
        command.CommandText = SetSql;
        command.Transaction = transaction;
        AddTenantParameter(command, tenant);
        return command;
    }

    private static void AddTenantParameter(DbCommand command, string tenant)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = TenantParameter;
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
    }

    private sealed record PlanSettings(string Tag, string Settings)
    {
        public string TaggedQuery { get; } = "-- " + Tag;

        public string BeforeQuery { get; } = "SELECT " + Settings + ";\n";

        public string WithTenantBeforeQuery { get; } = SetSql + ", " + Settings + ";\n";
    }
}

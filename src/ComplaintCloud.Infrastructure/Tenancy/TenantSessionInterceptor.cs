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
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    private const string SetSql = $"SELECT set_config('{RowLevelSecurity.TenantSetting}', @tenant, false)";

    // What the pool's reset leaves, and what the setting holds without a tenant.
    private const string NoTenant = "";

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
        Refresh(command.Connection, command.Transaction, eventData.Context);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command.Connection, command.Transaction, eventData.Context, cancellationToken);
        return result;
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
        var parameter = command.CreateParameter();
        parameter.ParameterName = "tenant";
        parameter.Value = tenant;
        command.Parameters.Add(parameter);
        return command;
    }
}

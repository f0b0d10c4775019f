using System.Data;
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
/// connection and cleared before the connection goes back to the pool. Per-transaction settings would force every
/// read into an explicit transaction; EF Core opens and closes the connection around each unit of work anyway. A
/// scope may learn its tenant while a connection is open (log-in resolves the tenant, then reads the user), so a
/// command run on a connection set for another tenant value first brings the setting up to date.
/// </summary>
public sealed class TenantSessionInterceptor : DbConnectionInterceptor, IDbCommandInterceptor
{
    public static readonly TenantSessionInterceptor Instance = new();

    private const string SetSql = $"SELECT set_config('{RowLevelSecurity.TenantSetting}', @tenant, false)";

    // What each open connection was last set to ("" for no tenant).
    private readonly ConditionalWeakTable<DbConnection, string> _applied = [];

    private TenantSessionInterceptor()
    {
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Set(connection, null, CurrentTenant(eventData.Context));

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        SetAsync(connection, null, CurrentTenant(eventData.Context), cancellationToken);

    public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (connection.State == ConnectionState.Open)
        {
            Set(connection, null, "");
        }

        _applied.Remove(connection);
        return result;
    }

    public override async ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        if (connection.State == ConnectionState.Open)
        {
            await SetAsync(connection, null, "", CancellationToken.None);
        }

        _applied.Remove(connection);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Refresh(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Refresh(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Refresh(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await RefreshAsync(command, eventData, cancellationToken);
        return result;
    }

    private static string CurrentTenant(DbContext? context) =>
        (context as ComplaintCloudDbContext)?.Tenancy.TenantId?.ToString() ?? "";

    private void Refresh(DbCommand command, CommandEventData eventData)
    {
        if (Stale(command, eventData) is { } tenant)
        {
            Set(command.Connection!, command.Transaction, tenant);
        }
    }

    private async Task RefreshAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (Stale(command, eventData) is { } tenant)
        {
            await SetAsync(command.Connection!, command.Transaction, tenant, cancellationToken);
        }
    }

    private string? Stale(DbCommand command, CommandEventData eventData)
    {
        var tenant = CurrentTenant(eventData.Context);
        return command.Connection is { } connection && _applied.TryGetValue(connection, out var applied) && applied != tenant
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

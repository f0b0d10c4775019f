using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ComplaintCloud.Infrastructure.Data.Security;

/// <summary>Migrates the schema as its owner, then puts every tenant-owned table under row-level security.</summary>
public static partial class DatabaseMigrator
{
    /// <summary>
    /// Applies pending migrations and the security rules, and refuses to finish while any table holding tenant rows
    /// is left unprotected. Warns when the runtime role is not bound by row-level security.
    /// </summary>
    public static async Task MigrateAsync(DatabaseConnections connections, ILogger logger, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        // EF Core builds the whole model before it reads the history, for Migrate and GetPendingMigrations alike:
        // seconds of CPU on every start. The history table read directly tells whether there is anything to apply.
        if ((await PendingMigrationsAsync(connections, ct)).Count > 0)
        {
            await using var owner = OwnerContext(connections);
            await owner.Database.MigrateAsync(ct);
        }

        var runtime = await RuntimeRole.InspectAsync(connections.Runtime, ct);
        await RowLevelSecurity.ApplyAsync(connections.Migrations, runtime.Name, ct);
        if (await RowLevelSecurity.FindUnprotectedTablesAsync(connections.Migrations, ct) is { Count: > 0 } unprotected)
        {
            throw new InvalidOperationException(
                $"These tables hold tenant rows but are not under row-level security: {string.Join(", ", unprotected)}.");
        }

        if (runtime.BypassesRowLevelSecurity)
        {
            LogUnboundRuntimeRole(logger, runtime.Name);
        }
        else if (runtime.Name == await RuntimeRole.NameAsync(connections.Migrations, ct))
        {
            LogRuntimeRoleOwnsSchema(logger, runtime.Name);
        }
    }

    /// <summary>The migrations this build knows that the database has not applied; read as the owner, as the
    /// service's role may not read the migrations history.</summary>
    public static async Task<IReadOnlyList<string>> PendingMigrationsAsync(DatabaseConnections connections, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        await using var connection = new NpgsqlConnection(connections.Migrations);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("""SELECT to_regclass('"__EFMigrationsHistory"') IS NOT NULL""", connection);
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!)
        {
            return KnownMigrationIds.Value;
        }

        // The id is the history table's first column, whatever the naming convention calls it.
        await using var history = new NpgsqlCommand("""SELECT * FROM "__EFMigrationsHistory" """, connection);
        await using var reader = await history.ExecuteReaderAsync(ct);
        var applied = new HashSet<string>();
        while (await reader.ReadAsync(ct))
        {
            applied.Add(reader.GetString(0));
        }

        return [.. KnownMigrationIds.Value.Where(id => !applied.Contains(id))];
    }

    // The ids EF Core reads from the same attributes.
    private static readonly Lazy<string[]> KnownMigrationIds = new(() =>
    [
        .. typeof(ComplaintCloudDbContext).Assembly.GetTypes()
            .Where(type => type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(ComplaintCloudDbContext))
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>(),
    ]);

    private static ComplaintCloudDbContext OwnerContext(DatabaseConnections connections) => ComplaintCloudDbContext.Create(connections.Migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The service connects as {Role}, a superuser or BYPASSRLS role: row-level security does not bind it. Connect as an ordinary role (ConnectionStrings:ComplaintCloud) and migrate as the owner (ConnectionStrings:ComplaintCloudMigrations).")]
    private static partial void LogUnboundRuntimeRole(ILogger logger, string role);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The service connects as {Role}, which owns the schema and could switch row-level security off. Set ConnectionStrings:ComplaintCloudMigrations to the owner and ConnectionStrings:ComplaintCloud to an ordinary role.")]
    private static partial void LogRuntimeRoleOwnsSchema(ILogger logger, string role);
}

/// <summary>Who a connection string logs in as, and whether row-level security binds that role.</summary>
public sealed record RuntimeRole(string Name, bool BypassesRowLevelSecurity)
{
    public static async Task<RuntimeRole> InspectAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "SELECT rolname, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new RuntimeRole(reader.GetString(0), reader.GetBoolean(1));
    }

    public static async Task<string> NameAsync(string connectionString, CancellationToken ct = default) =>
        (await InspectAsync(connectionString, ct)).Name;
}

using System.Text;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ComplaintCloud.IntegrationTests;

/// <summary>
/// One throwaway PostgreSQL cluster for all tests of the "postgres" collection, in a temporary directory that is
/// deleted afterwards. Tests isolate themselves by each taking fresh databases.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public const string Collection = "postgres";

    // PostgreSQL truncates identifiers longer than this.
    private const int MaxIdentifierLength = 63;

    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "complaintcloud-tests-" + Guid.NewGuid().ToString("N"));
    private PrivatePostgres? _server;

    private PrivatePostgres Server =>
        _server ?? throw new InvalidOperationException("The PostgreSQL fixture has not been initialized.");

    public async Task InitializeAsync() =>
        _server = await PrivatePostgres.StartAsync(_dataDirectory, NullLogger.Instance, throwaway: true);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    /// <summary>
    /// Creates an empty database named after <paramref name="prefix"/> and returns a connection string to it.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = DatabaseName(prefix);
        await using (var connection = new NpgsqlConnection(Server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return ClosedSoonAfterUse(new NpgsqlConnectionStringBuilder(Server.ConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>
    /// Creates an empty database owned by the schema-owner role, with the ordinary runtime role beside it, as the
    /// service runs in production; returns both connection strings.
    /// </summary>
    public async Task<DatabaseConnections> CreateSecuredDatabaseAsync(string prefix)
    {
        var connections = await DatabaseRoles.ProvisionAsync(Server.ConnectionString, DatabaseName(prefix));
        return new DatabaseConnections(ClosedSoonAfterUse(connections.Runtime), ClosedSoonAfterUse(connections.Migrations));
    }

    // Every test takes fresh databases, and each database is a pool of its own: idle connections kept for the default
    // five minutes pile up past the server's max_connections over a run. A test's pool empties a few seconds after it.
    private static string ClosedSoonAfterUse(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { ConnectionIdleLifetime = 2, ConnectionPruningInterval = 1 }.ConnectionString;

    /// <summary>A unique, safely quotable name that still tells which test made it.</summary>
    private static string DatabaseName(string prefix)
    {
        var suffix = "_" + Guid.NewGuid().ToString("N");
        var safe = new StringBuilder();
        foreach (var c in prefix.ToLowerInvariant())
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return safe.ToString(0, Math.Min(safe.Length, MaxIdentifierLength - suffix.Length)) + suffix;
    }
}

/// <summary>Lets test classes share the cluster with <c>[Collection(PostgresFixture.Collection)]</c>.</summary>
[CollectionDefinition(PostgresFixture.Collection)]
public sealed class PostgresCollectionDefinition : ICollectionFixture<PostgresFixture>;

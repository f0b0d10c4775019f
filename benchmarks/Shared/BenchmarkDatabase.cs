using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

/// <summary>
/// The database a benchmark runs on, secured as in production: migrated by the owner, served by the runtime role that
/// row-level security binds. On the server a superuser connection string names, else on a throwaway private PostgreSQL.
/// The benchmark's own seeding and sampling go through <see cref="Superuser"/>, which row-level security does not bind.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly PrivatePostgres? _server;

    private BenchmarkDatabase(PrivatePostgres? server, DatabaseConnections connections, string superuser)
    {
        _server = server;
        Connections = connections;
        Superuser = superuser;
    }

    public DatabaseConnections Connections { get; }

    /// <summary>The superuser's connection to this database.</summary>
    public string Superuser { get; }

    public static async Task<BenchmarkDatabase> StartAsync(string name, string? superuserConnectionString)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"{name}-" + Guid.NewGuid().ToString("N"));
        var server = superuserConnectionString is null ? await PrivatePostgres.StartAsync(dataDirectory, NullLogger.Instance, throwaway: true) : null;
        var superuser = superuserConnectionString ?? server!.ConnectionString;
        var connections = await DatabaseRoles.ProvisionAsync(superuser, name);
        await DatabaseMigrator.MigrateAsync(connections, NullLogger.Instance);
        return new BenchmarkDatabase(server, connections, new NpgsqlConnectionStringBuilder(superuser) { Database = name }.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}

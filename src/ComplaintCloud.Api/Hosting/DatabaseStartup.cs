using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ComplaintCloud.Api.Hosting;

/// <summary>Finds or starts the database before the service starts, then migrates it and provisions the demo tenants.</summary>
public static class DatabaseStartup
{
    public const string ConnectionName = "ComplaintCloud";
    private const string PrivateDatabaseName = "complaintcloud";

    /// <summary>
    /// The configured connection string; without one (outside Production) a private PostgreSQL cluster in the
    /// checkout's git-ignored .data/postgres, stopped when the service stops.
    /// </summary>
    public static async Task<string> ConnectionStringAsync(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured)
        {
            return configured;
        }

        if (builder.Environment.IsProduction())
        {
            throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName} (env ConnectionStrings__{ConnectionName}) in Production.");
        }

        var dataFolder = RepositoryLayout.Resolve(builder.Configuration["Database:PrivateDataPath"], ".data", "postgres")
            ?? throw new InvalidOperationException($"Set ConnectionStrings:{ConnectionName}: there is no checkout to keep a private database in.");
        using var loggers = LoggerFactory.Create(logging => logging.AddConsole());
        var postgres = await PrivatePostgres.StartAsync(dataFolder, loggers.CreateLogger<PrivatePostgres>());
        // The host disposes singletons when it stops, which stops the private cluster with it.
        builder.Services.AddSingleton(postgres);
        return await EnsureDatabaseAsync(postgres.ConnectionString, PrivateDatabaseName);
    }

    /// <summary>Applies migrations and, when configured, signs up the tenants declared in tenants/.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Database.MigrateAsync();
        }

        var provisionDemo = app.Configuration.GetValue("Tenants:ProvisionDemo", app.Environment.IsDevelopment());
        if (provisionDemo && RepositoryLayout.Resolve(app.Configuration["Tenants:Path"], "tenants") is { } manifests && Directory.Exists(manifests))
        {
            await app.Services.GetRequiredService<DemoTenantProvisioning>().ProvisionAsync(manifests, CancellationToken.None);
        }
    }

    /// <summary>Creates the database on the server when missing; returns its connection string.</summary>
    public static async Task<string> EnsureDatabaseAsync(string serverConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", database);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database }.ConnectionString;
    }
}

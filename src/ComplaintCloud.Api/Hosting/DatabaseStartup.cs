using ComplaintCloud.Application.Tenants;
using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;

namespace ComplaintCloud.Api.Hosting;

/// <summary>Finds or starts the database before the service starts, then migrates it and provisions the demo tenants.</summary>
public static class DatabaseStartup
{
    public const string ConnectionName = "ComplaintCloud";
    public const string MigrationsConnectionName = "ComplaintCloudMigrations";
    public const string ReadOnlyConnectionName = "ComplaintCloudReadOnly";
    private const string PrivateDatabaseName = "complaintcloud";

    /// <summary>
    /// The configured connections: ConnectionStrings:ComplaintCloud for the service and, when set,
    /// ConnectionStrings:ComplaintCloudMigrations for the schema owner (otherwise the service's own, which leaves
    /// row-level security to a role that could switch it off; the log says so). Without them (outside Production) a
    /// private PostgreSQL cluster in the checkout's git-ignored .data/postgres with both roles made for it, stopped
    /// when the service stops. Reports and exports read ConnectionStrings:ComplaintCloudReadOnly when set (a replica),
    /// else the service's own.
    /// </summary>
    public static async Task<DatabaseConnections> ConnectionsAsync(WebApplicationBuilder builder)
    {
        var connections = await FindOrStartAsync(builder);
        builder.Services.AddSingleton(connections);
        builder.Services.AddReadOnlyDatabase(
            builder.Configuration.GetConnectionString(ReadOnlyConnectionName) is { Length: > 0 } replica ? replica : connections.Runtime);
        return connections;
    }

    private static async Task<DatabaseConnections> FindOrStartAsync(WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetConnectionString(ConnectionName) is { Length: > 0 } configured)
        {
            return new DatabaseConnections(
                configured, builder.Configuration.GetConnectionString(MigrationsConnectionName) is { Length: > 0 } owner ? owner : configured);
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
        return await DatabaseRoles.ProvisionAsync(postgres.ConnectionString, PrivateDatabaseName);
    }

    /// <summary>Applies migrations, builds the model and, when configured, signs up the tenants declared in tenants/.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        await DatabaseMigrator.MigrateAsync(
            app.Services.GetRequiredService<DatabaseConnections>(), app.Logger);
        // The model, built before the service reports ready rather than by its first requests.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            _ = scope.ServiceProvider.GetRequiredService<ComplaintCloudDbContext>().Model;
        }

        var provisionDemo = app.Configuration.GetValue("Tenants:ProvisionDemo", app.Environment.IsDevelopment());
        if (provisionDemo && RepositoryLayout.Resolve(app.Configuration["Tenants:Path"], "tenants") is { } manifests && Directory.Exists(manifests))
        {
            await app.Services.GetRequiredService<DemoTenantProvisioning>().ProvisionAsync(manifests, CancellationToken.None);
        }
    }
}

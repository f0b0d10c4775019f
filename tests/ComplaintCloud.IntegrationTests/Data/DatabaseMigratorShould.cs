using ComplaintCloud.Infrastructure.Data;
using ComplaintCloud.Infrastructure.Data.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace ComplaintCloud.IntegrationTests.Data;

/// <summary>
/// The start reads the migrations history itself rather than through EF Core, which builds the whole model first
/// (seconds of CPU on every start): its answer must be EF Core's.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class DatabaseMigratorShould(PostgresFixture postgres)
{
    [Fact]
    public async Task FindEveryMigrationPendingOnAnEmptyDatabase()
    {
        var connections = await postgres.CreateSecuredDatabaseAsync(nameof(FindEveryMigrationPendingOnAnEmptyDatabase));

        var pending = await DatabaseMigrator.PendingMigrationsAsync(connections);

        await using var owner = OwnerContext(connections);
        Assert.Equal(owner.Database.GetMigrations().Order(), pending.Order());
        Assert.NotEmpty(pending);
    }

    [Fact]
    public async Task FindNothingPendingOnceMigrated()
    {
        var connections = await postgres.CreateSecuredDatabaseAsync(nameof(FindNothingPendingOnceMigrated));
        await DatabaseMigrator.MigrateAsync(connections, NullLogger.Instance);

        Assert.Empty(await DatabaseMigrator.PendingMigrationsAsync(connections));
        await using var owner = OwnerContext(connections);
        Assert.Empty(await owner.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task FindTheMigrationsTheHistoryLacks()
    {
        var connections = await postgres.CreateSecuredDatabaseAsync(nameof(FindTheMigrationsTheHistoryLacks));
        await DatabaseMigrator.MigrateAsync(connections, NullLogger.Instance);
        await using var owner = OwnerContext(connections);
        var last = owner.Database.GetMigrations().Last();
        await owner.Database.ExecuteSqlAsync($"""DELETE FROM "__EFMigrationsHistory" WHERE migration_id = {last}""");

        Assert.Equal([last], await DatabaseMigrator.PendingMigrationsAsync(connections));
    }

    private static ComplaintCloudDbContext OwnerContext(DatabaseConnections connections) => ComplaintCloudDbContext.Create(connections.Migrations);
}

using Npgsql;

namespace ComplaintCloud.IntegrationTests;

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFixtureShould(PostgresFixture postgres)
{
    [Fact]
    public async Task Create_a_fresh_empty_database_each_time()
    {
        var first = await postgres.CreateDatabaseAsync("Fixture Test");
        var second = await postgres.CreateDatabaseAsync("Fixture Test");

        Assert.NotEqual(Database(first), Database(second));
        Assert.StartsWith("fixture_test_", Database(first), StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await tables.ExecuteScalarAsync());
    }

    private static string? Database(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString).Database;
}

using System.Globalization;
using ComplaintCloud.Infrastructure.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ComplaintCloud.IntegrationTests.Data;

public sealed class PrivatePostgresShould : IDisposable
{
    private readonly string _dataDirectory =
        Path.Combine(Path.GetTempPath(), "complaintcloud-pg-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Accept_connections_once_started()
    {
        await using var server = await StartAsync();

        Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Listen_on_loopback_only()
    {
        await using var server = await StartAsync();

        Assert.Equal("127.0.0.1", await QueryAsync<string>(server.ConnectionString, "SHOW listen_addresses"));
        Assert.Equal("127.0.0.1", new NpgsqlConnectionStringBuilder(server.ConnectionString).Host);
    }

    [Fact]
    public async Task Keep_its_data_across_a_restart()
    {
        await using (var first = await StartAsync())
        {
            await QueryAsync<int>(first.ConnectionString, "CREATE TABLE kept AS SELECT 42 AS answer; SELECT 0");
        }

        await using var second = await StartAsync();

        Assert.Equal(42, await QueryAsync<int>(second.ConnectionString, "SELECT answer FROM kept"));
    }

    [Fact]
    public async Task Treat_stopping_again_as_done()
    {
        var server = await StartAsync();

        await server.StopAsync();
        await server.StopAsync();
        await server.DisposeAsync();

        await Assert.ThrowsAnyAsync<NpgsqlException>(() => QueryAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Start_despite_a_lock_file_left_by_a_killed_server()
    {
        await (await StartAsync()).StopAsync();
        // A killed server's PID may since belong to any process, here to this one, which PostgreSQL alone rejects.
        await File.WriteAllTextAsync(
            Path.Combine(_dataDirectory, "postmaster.pid"),
            Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "\n" + _dataDirectory + "\n");

        await using var server = await StartAsync();

        Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    [Fact]
    public async Task Refuse_a_directory_that_a_running_server_uses()
    {
        await using var server = await StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(StartAsync);

        Assert.Contains("already running", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await QueryAsync<int>(server.ConnectionString, "SELECT 1"));
    }

    private Task<PrivatePostgres> StartAsync() =>
        PrivatePostgres.StartAsync(_dataDirectory, NullLogger.Instance, throwaway: true);

    private static async Task<T> QueryAsync<T>(string connectionString, string sql)
    {
        // Unpooled, so that every query proves the server is reachable now.
        var unpooled = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(unpooled);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

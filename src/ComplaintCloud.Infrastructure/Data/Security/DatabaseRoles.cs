using Npgsql;

namespace ComplaintCloud.Infrastructure.Data.Security;

/// <summary>
/// Creates the owner and runtime roles and a database owned by the owner, on a server where we are superuser: the
/// private development cluster and the test clusters. Elsewhere an operator creates the roles and configures both
/// connection strings.
/// </summary>
public static class DatabaseRoles
{
    public const string Owner = "complaintcloud_owner";
    public const string Runtime = "complaintcloud_app";

    // Roles are cluster-wide and databases may be set up concurrently (tests), so a role another session just
    // created is not an error. The runtime role is spelled out as unprivileged rather than left to defaults.
    private const string CreateRolesSql = $"""
        DO $$
        BEGIN
          BEGIN
            CREATE ROLE {Owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
          BEGIN
            CREATE ROLE {Runtime} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END $$;
        """;

    // A database made before the owner role existed (an older private cluster) is handed over to it, so that
    // migrations running as the owner may alter its tables.
    private const string AdoptSql = $"""
        DO $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                     AND pg_get_userbyid(c.relowner) <> '{Owner}'
          LOOP
            EXECUTE format('ALTER TABLE %I OWNER TO {Owner}', r.relname);
          END LOOP;
        END $$;
        """;

    /// <summary>
    /// Ensures both roles and the database (owned by <see cref="Owner"/>) exist; returns the runtime and owner
    /// connection strings, which differ from <paramref name="superuserConnectionString"/> only in user and database.
    /// </summary>
    public static async Task<DatabaseConnections> ProvisionAsync(string superuserConnectionString, string database, CancellationToken ct = default)
    {
        await using (var server = new NpgsqlConnection(superuserConnectionString))
        {
            await server.OpenAsync(ct);
            await ExecuteAsync(server, CreateRolesSql, ct);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", server);
            exists.Parameters.AddWithValue("name", database);
            var verb = await exists.ExecuteScalarAsync(ct) is null ? "CREATE" : "ALTER";
            var owner = verb == "CREATE" ? $"OWNER {Owner}" : $"OWNER TO {Owner}";
            await ExecuteAsync(server, $"{verb} DATABASE \"{database}\" {owner}", ct);
        }

        var superuserOnDatabase = With(superuserConnectionString, database, null);
        await using (var connection = new NpgsqlConnection(superuserOnDatabase))
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, AdoptSql, ct);
        }

        return new DatabaseConnections(
            With(superuserConnectionString, database, Runtime), With(superuserConnectionString, database, Owner));
    }

    private static string With(string connectionString, string database, string? user)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = database };
        if (user is not null)
        {
            builder.Username = user;
        }

        return builder.ConnectionString;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

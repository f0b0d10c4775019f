using Quartz;

namespace ComplaintCloud.Infrastructure.Scheduling;

/// <summary>
/// The SQL our migration runs to create Quartz's job-store tables: the PostgreSQL schema script that ships inside the
/// Quartz assembly we reference, so the tables are exactly those of the pinned version and nothing is copied by hand.
/// Every statement in it is <c>CREATE … IF NOT EXISTS</c>, so running it again (e.g. in the migration of a Quartz
/// upgrade, which must add a new one) only adds what is missing.
/// </summary>
public static class QuartzSchema
{
    /// <summary>Quartz's default table prefix; unquoted, PostgreSQL folds it to qrtz_.</summary>
    public const string TablePrefix = "qrtz_";

    private const string ScriptResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    public static string CreateTablesSql()
    {
        using var stream = typeof(IScheduler).Assembly.GetManifestResourceStream(ScriptResource)
            ?? throw new InvalidOperationException($"The Quartz assembly no longer ships {ScriptResource}; write the Quartz tables' migration by hand.");
        using var reader = new StreamReader(stream);
        // {0} is the prefix where a schema could qualify it, {1} where it cannot (index and constraint names).
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }

    /// <summary>Drops every table with Quartz's prefix, for the migration's Down.</summary>
    public static string DropTablesSql() =>
        $"""
        DO $$
        DECLARE t text;
        BEGIN
            FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '{TablePrefix.Replace("_", "\\_", StringComparison.Ordinal)}%' LOOP
                EXECUTE format('DROP TABLE %I CASCADE', t);
            END LOOP;
        END $$;
        """;
}

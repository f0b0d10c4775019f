using Npgsql;

namespace ComplaintCloud.Infrastructure.Data.Security;

/// <summary>
/// PostgreSQL row-level security over every tenant-owned table, applied by the schema owner after each migration.
/// It is not itself a migration: it finds the tables by their tenant_id column each time it runs, so a table that any
/// later migration adds is covered without anyone remembering to, and regenerating migrations cannot lose it.
/// </summary>
public static class RowLevelSecurity
{
    /// <summary>The session setting the policies compare tenant_id with; set by <see cref="Tenancy.TenantSessionInterceptor"/>.</summary>
    public const string TenantSetting = "app.tenant_id";

    /// <summary>The transaction-local setting an SLA sweep names the tenants it handles in, as a uuid[] literal; the
    /// requests never set it.</summary>
    public const string SweptTenantsSetting = "app.swept_tenants";

    // Every definition is idempotent. An unset or reset tenant ('') matches no row. The tenants table is not
    // tenant-owned but gets the same treatment on its id: the runtime role sees only the current tenant's row, and
    // finding a tenant by slug (log-in, X-Tenant) goes through one SECURITY DEFINER function that answers an id
    // and nothing more, running as the owner, for whom the owner_* policies open the table. The platform operator's
    // list and suspension are two more such functions; the service lets only the operator call them. A second policy,
    // sla_sweep, opens the rows of the tenants an SLA sweep names for its one transaction, so that it handles many
    // tenants' few due clocks in a few statements; requests never set it, and an unset list matches no row.
    private const string Sql = $$"""
        SELECT pg_advisory_xact_lock(hashtext('complaintcloud_row_level_security'));

        CREATE OR REPLACE FUNCTION complaintcloud_current_tenant() RETURNS uuid
          LANGUAGE sql STABLE PARALLEL SAFE
          AS $$ SELECT NULLIF(current_setting('{{TenantSetting}}', true), '')::uuid $$;

        CREATE OR REPLACE FUNCTION complaintcloud_swept_tenants() RETURNS uuid[]
          LANGUAGE sql STABLE PARALLEL SAFE
          AS $$ SELECT NULLIF(current_setting('{{SweptTenantsSetting}}', true), '')::uuid[] $$;

        CREATE OR REPLACE FUNCTION complaintcloud_tenant_id(tenant_slug text) RETURNS uuid
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ SELECT id FROM tenants WHERE slug = tenant_slug $$;
        REVOKE ALL ON FUNCTION complaintcloud_tenant_id(text) FROM PUBLIC;

        -- The platform operator's view across tenants: who they are, never what their complaints say.
        DROP FUNCTION IF EXISTS complaintcloud_platform_tenants();
        CREATE FUNCTION complaintcloud_platform_tenants()
          RETURNS TABLE (id uuid, slug text, name text, policy_id text, created_at timestamptz, suspended_at timestamptz)
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ SELECT id, slug::text, name::text, policy_id::text, created_at, suspended_at FROM tenants ORDER BY created_at $$;
        REVOKE ALL ON FUNCTION complaintcloud_platform_tenants() FROM PUBLIC;

        CREATE OR REPLACE FUNCTION complaintcloud_set_tenant_suspended(tenant uuid, suspended boolean) RETURNS boolean
          LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ UPDATE tenants SET suspended_at = CASE WHEN suspended THEN coalesce(suspended_at, now()) END
                WHERE id = tenant RETURNING true $$;
        REVOKE ALL ON FUNCTION complaintcloud_set_tenant_suspended(uuid, boolean) FROM PUBLIC;

        -- Background work across tenants (SLA jobs, the outbox) learns which tenants have work due, never what it is;
        -- that work is then done with those tenants set (one, or an SLA sweep's few), under row-level security.
        CREATE OR REPLACE FUNCTION complaintcloud_next_clock_alerts() RETURNS TABLE (tenant_id uuid, next_alert_at timestamptz)
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ SELECT c.tenant_id, min(c.next_alert_at) FROM sla_clocks c WHERE c.next_alert_at IS NOT NULL GROUP BY c.tenant_id $$;
        REVOKE ALL ON FUNCTION complaintcloud_next_clock_alerts() FROM PUBLIC;

        -- Up to max_tenants tenants with clocks due, the most overdue first: what an SLA sweep handles next.
        DROP FUNCTION IF EXISTS complaintcloud_unheld_due_clock_tenant(timestamptz);
        CREATE OR REPLACE FUNCTION complaintcloud_due_clock_tenants(due timestamptz, max_tenants integer) RETURNS SETOF uuid
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ SELECT c.tenant_id FROM sla_clocks c WHERE c.next_alert_at <= due
                GROUP BY c.tenant_id ORDER BY min(c.next_alert_at) LIMIT max_tenants $$;
        REVOKE ALL ON FUNCTION complaintcloud_due_clock_tenants(timestamptz, integer) FROM PUBLIC;

        CREATE OR REPLACE FUNCTION complaintcloud_tenants_with_due_mail(due timestamptz, channels text[]) RETURNS SETOF uuid
          LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
          AS $$ SELECT DISTINCT m.tenant_id FROM notification_outbox m
                WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= due AND m.channel = ANY(channels) $$;
        REVOKE ALL ON FUNCTION complaintcloud_tenants_with_due_mail(timestamptz, text[]) FROM PUBLIC;

        CREATE OR REPLACE FUNCTION complaintcloud_secure(runtime_role name) RETURNS void
          LANGUAGE plpgsql
          AS $fn$
          DECLARE t record;
          BEGIN
            FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                       AND EXISTS (SELECT 1 FROM pg_attribute a
                                   WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
            LOOP
              EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t.relname);
              EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %I', t.relname);
              -- The tenant too is read once per statement: called per row, parsing the setting into a uuid was most
              -- of the cost of a scan (the report's 100,000 complaints of a month).
              EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = (SELECT complaintcloud_current_tenant()))'
                             ' WITH CHECK (tenant_id = (SELECT complaintcloud_current_tenant()))', t.relname);
              EXECUTE format('DROP POLICY IF EXISTS sla_sweep ON %I', t.relname);
              -- The list is read once per statement (an init plan), not parsed again for every row.
              EXECUTE format('CREATE POLICY sla_sweep ON %I USING (tenant_id = ANY((SELECT complaintcloud_swept_tenants())::uuid[]))'
                             ' WITH CHECK (tenant_id = ANY((SELECT complaintcloud_swept_tenants())::uuid[]))', t.relname);
            END LOOP;

            ALTER TABLE tenants ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
            DROP POLICY IF EXISTS tenant_isolation ON tenants;
            CREATE POLICY tenant_isolation ON tenants USING (id = (SELECT complaintcloud_current_tenant()))
              WITH CHECK (id = (SELECT complaintcloud_current_tenant()));
            DROP POLICY IF EXISTS sla_sweep ON tenants;
            CREATE POLICY sla_sweep ON tenants USING (id = ANY((SELECT complaintcloud_swept_tenants())::uuid[]))
              WITH CHECK (id = ANY((SELECT complaintcloud_swept_tenants())::uuid[]));
            DROP POLICY IF EXISTS owner_lookup ON tenants;
            EXECUTE format('CREATE POLICY owner_lookup ON tenants FOR SELECT TO %I USING (true)', current_user);
            DROP POLICY IF EXISTS owner_suspend ON tenants;
            EXECUTE format('CREATE POLICY owner_suspend ON tenants FOR UPDATE TO %I USING (true)', current_user);
            -- For the background functions above, which run as the owner.
            DROP POLICY IF EXISTS owner_background ON sla_clocks;
            EXECUTE format('CREATE POLICY owner_background ON sla_clocks TO %I USING (true)', current_user);
            DROP POLICY IF EXISTS owner_background ON notification_outbox;
            EXECUTE format('CREATE POLICY owner_background ON notification_outbox FOR SELECT TO %I USING (true)', current_user);

            IF runtime_role <> current_user THEN
              -- Rows only, never DDL; the audit trails are append-only; tenants are never deleted by the service.
              EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', runtime_role);
              EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', runtime_role);
              EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', runtime_role);
              EXECUTE format('REVOKE ALL ON TABLE "__EFMigrationsHistory" FROM %I', runtime_role);
              EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON TABLE complaint_events, contact_views, preventive_measure_events FROM %I', runtime_role);
              EXECUTE format('REVOKE DELETE, TRUNCATE ON TABLE tenants FROM %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_tenant_id(text) TO %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_platform_tenants() TO %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_set_tenant_suspended(uuid, boolean) TO %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_next_clock_alerts() TO %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_due_clock_tenants(timestamptz, integer) TO %I', runtime_role);
              EXECUTE format('GRANT EXECUTE ON FUNCTION complaintcloud_tenants_with_due_mail(timestamptz, text[]) TO %I', runtime_role);
            END IF;
          END $fn$;
        REVOKE ALL ON FUNCTION complaintcloud_secure(name) FROM PUBLIC;
        """;

    // A table holding tenant rows (or the tenants themselves) without both switches on and a policy.
    private const string UnprotectedSql = """
        SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND (c.relname = 'tenants' OR EXISTS (SELECT 1 FROM pg_attribute a
                                               WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
          AND NOT (c.relrowsecurity AND c.relforcerowsecurity
                   AND EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = 'tenant_isolation'))
        ORDER BY c.relname
        """;

    /// <summary>Applies the policies and the runtime role's grants; run as the schema owner.</summary>
    public static async Task ApplyAsync(string ownerConnectionString, string runtimeRole, CancellationToken ct = default)
    {
        // A node starting while others serve requests redefines policies under their feet; PostgreSQL may then choose
        // this transaction as a deadlock's victim and roll it back whole, so it is simply tried again.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ApplyOnceAsync(ownerConnectionString, runtimeRole, ct);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 3)
            {
                // Rolled back whole: nothing to undo before the next attempt.
            }
        }
    }

    private static async Task ApplyOnceAsync(string ownerConnectionString, string runtimeRole, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var define = new NpgsqlCommand(Sql, connection, transaction))
        {
            await define.ExecuteNonQueryAsync(ct);
        }

        await using (var secure = new NpgsqlCommand("SELECT complaintcloud_secure(@runtime_role)", connection, transaction))
        {
            secure.Parameters.AddWithValue("runtime_role", runtimeRole);
            await secure.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
    }

    /// <summary>The tables that hold tenant rows but are not under forced row-level security; none, normally.</summary>
    public static async Task<IReadOnlyList<string>> FindUnprotectedTablesAsync(string connectionString, CancellationToken ct = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(UnprotectedSql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }
}

-- Copies each tenant's API-made complaints until the tenant holds seed.per_tenant of them (the tenant named by
-- seed.big_tenant, if any, seed.big_tenant_complaints), in one statement: same rows, new ids, numbers,
-- receipt times spread over the past year, and customers (one phone number behind all of a tenant's complaints
-- would make intake's duplicate check read them all). Their clocks are not copied, so the SLA sweep has nothing to
-- do with them and the list figures are not disturbed by it. Run as the superuser (row-level security does not apply).
DO $$
DECLARE
  columns text;
  copied text;
BEGIN
  SELECT string_agg(quote_ident(column_name), ', ' ORDER BY ordinal_position),
         string_agg(CASE column_name
                      WHEN 'id' THEN 'gen_random_uuid()'
                      WHEN 'number' THEN 'c.number || ''-'' || g'
                      WHEN 'received_at' THEN 'c.received_at - g * interval ''97 seconds'''
                      WHEN 'contact_key' THEN 'c.contact_key || ''-'' || g'
                      WHEN 'customer_contact' THEN 'c.customer_contact || ''-'' || g'
                      ELSE 'c.' || quote_ident(column_name)
                    END, ', ' ORDER BY ordinal_position)
    INTO columns, copied
    FROM information_schema.columns
   WHERE table_schema = 'public' AND table_name = 'complaints' AND is_generated = 'NEVER';
  EXECUTE format(
    'INSERT INTO complaints (%s) SELECT %s FROM complaints c CROSS JOIN generate_series(1, '
    || 'CASE WHEN c.tenant_id::text = %L THEN %s ELSE %s END - 1) g', columns, copied,
    current_setting('seed.big_tenant'), current_setting('seed.big_tenant_complaints'), current_setting('seed.per_tenant'));
END
$$;
-- Vacuumed as well as analysed: a million fresh rows would otherwise draw autovacuum, and the first reads setting
-- their hint bits, into the measured runs.
VACUUM ANALYZE complaints;

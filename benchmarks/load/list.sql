-- The raw PostgreSQL figure the list is measured against: the newest 20 complaints of one tenant, by the index the
-- API's default order uses.
\set n random(1, :tenants)
SELECT * FROM complaints WHERE tenant_id = (SELECT id FROM bench_tenants WHERE n = :n) ORDER BY received_at DESC, id DESC LIMIT 20;

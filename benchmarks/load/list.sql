-- The raw PostgreSQL figure the list is measured against: the newest 20 complaints of one tenant, by the index the
-- API's default order uses. The tenant is drawn from bench_tenants' numbers first_tenant to last_tenant.
\set n random(:first_tenant, :last_tenant)
SELECT * FROM complaints WHERE tenant_id = (SELECT id FROM bench_tenants WHERE n = :n) ORDER BY received_at DESC, id DESC LIMIT 20;

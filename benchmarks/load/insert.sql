-- The raw PostgreSQL figure intake is measured against: one single-row INSERT of a 500-character text into a table
-- with two indexes, in its own transaction.
\set tenant random(1, 20)
INSERT INTO bench_intake (tenant_id, received_at, description) VALUES (md5(:tenant::text)::uuid, now(), repeat('x', 500));

// Runs the graphql-http GraphQL-over-HTTP audit against a running server.
// Usage: node audit.mjs [url]   (default http://127.0.0.1:5080/graphql)
// Exits 0 only when every audit is "ok": a SHOULD ("warn") or MAY ("notice") miss fails us too.
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://127.0.0.1:5080/graphql';
const results = await auditServer({ url });

const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] += 1;
  console.log(`${result.status.padEnd(6)} ${result.id} ${result.name}`);
  if (result.status !== 'ok') {
    const body = await result.response.text().catch(() => '<unreadable body>');
    console.log(`       ${result.reason}; got ${result.response.status}: ${body.slice(0, 300)}`);
  }
}

console.log(`graphql-http audit of ${url}: ${counts.ok} ok, ${counts.notice} notice, ${counts.warn} warn, ${counts.error} error`);
process.exitCode = counts.ok === results.length ? 0 : 1;

// Load benchmark of the API server over loopback: autocannon against
// `startServer` (rate limits off) on an in-memory PGlite database holding the
// 2024 national list (2,845 sites, imported with the core importer as
// `rsp import` does) plus the tests' small Lot network (agencies, motifs,
// conventions). Then the rate limiter with its defaults: one client is cut at
// its burst with a 429 and Retry-After.
//
//   pnpm bench load            (BENCH_SECONDS=3 for a quick look; default 10 s per scenario)
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFranceServicesCsv } from '@rsp/core/import.js';
import autocannon from 'autocannon';
import { defaultRateLimits } from '../src/api/rate-limit.js';
import { openDatabase, upsertSites } from '../src/db/index.js';
import type { Database } from '../src/db/index.js';
import { startServer } from '../src/start.js';

const root = join(import.meta.dirname, '..', '..', '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20);

// The harness is test code (outside this project's sources): loaded at run time.
const harness = (await import(pathToFileURL(join(import.meta.dirname, '..', 'test', 'support', 'harness.ts')).href)) as { seed(db: Database): Promise<void> };

const db = await openDatabase();
const imported = importFranceServicesCsv(readFileSync(join(root, 'data', 'france-services-2024-08-01.csv'), 'utf8'));
await upsertSites(db, imported.sites);
await harness.seed(db);
const [{ n: siteCount } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sites');

const scenarios = [
  { name: 'sites near a point, 20 nearest', path: '/api/sites?near=44.78,1.72&limit=20' },
  { name: 'sites, first page of 50', path: '/api/sites?limit=50' },
  { name: 'free slots, CAF RSA at Gramat, on site', path: '/api/slots?agency=caf&motif=caf-rsa&site=lot-gramat&channel=on-site' },
];

const server = await startServer({ database: db, port: 0, rateLimits: false, log: () => undefined });
const rows: string[] = [];
try {
  for (const scenario of scenarios) {
    const url = new URL(scenario.path, server.url).toString();
    const first = await fetch(url); // warm: catalogue loaded, answer checked
    if (first.status !== 200) throw new Error(`${scenario.path}: ${String(first.status)} ${await first.text()}`);
    const bytes = (await first.arrayBuffer()).byteLength;
    const result = await autocannon({ url, connections, duration: seconds });
    const errors = result.errors + result.timeouts + result.non2xx;
    rows.push(
      `| ${scenario.name} (\`${scenario.path}\`) | ${Math.round(result.requests.average).toLocaleString('en')} | ${String(result.latency.p50)} ms | ${String(result.latency.p99)} ms | ${String(errors)} of ${result.requests.total.toLocaleString('en')} | ${(bytes / 1024).toFixed(1)} kB |`,
    );
    console.log(rows[rows.length - 1]);
  }
} finally {
  await server.close();
}

// The limiter, with its defaults, from one client.
const limited = await startServer({ database: db, port: 0, log: () => undefined });
const limiterLines: string[] = [];
try {
  for (const [kind, method, path, rule] of [
    ['read', 'GET', '/api/sites?limit=1', defaultRateLimits.read],
    ['write', 'POST', '/api/bookings', defaultRateLimits.write],
  ] as const) {
    const started = performance.now();
    let okCount = 0;
    let cut: Response | undefined;
    for (let i = 0; i < rule.burst * 3 && !cut; i++) {
      const res = await fetch(new URL(path, limited.url), {
        method,
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      if (res.status === 429) cut = res;
      else okCount++;
      await res.arrayBuffer();
    }
    const elapsed = performance.now() - started;
    const line = cut
      ? `${kind} (burst ${String(rule.burst)}, ${String(rule.perSecond)}/s): ${String(okCount)} requests let through in ${elapsed.toFixed(0)} ms, then 429 with Retry-After: ${cut.headers.get('retry-after') ?? 'MISSING'}`
      : `${kind}: never cut after ${String(okCount)} requests — the limiter did not work`;
    limiterLines.push(line);
    console.log(line);
    if (!cut?.headers.get('retry-after')) process.exitCode = 1;
  }
} finally {
  await limited.close();
  await db.close();
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`
Machine: ${String(cpus().length)} CPU (${cpu}), Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end; ${new Date().toISOString().slice(0, 10)}.
Data: ${String(siteCount)} sites (the 2024 national list, ${String(imported.sites.length)} imported, plus the 2 test sites). ${String(connections)} connections, ${String(seconds)} s per scenario, loopback.

| scenario | requests/s | p50 | p99 | errors | answer |
|---|--:|--:|--:|--:|--:|
${rows.join('\n')}

Rate limiter (defaults, one client):
${limiterLines.map((l) => `- ${l}`).join('\n')}
`);

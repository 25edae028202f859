/**
 * The proof of issue 5: 50 concurrent POST /api/bookings for the same slot,
 * each with its own idempotency key, over real HTTP (the server of
 * `startServer` on a free port, with the database) → exactly one `201` and
 * 49 `409 slot-taken`, one row in the table, on both engines. The timing is
 * printed so that it can be quoted.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BookingConfirmation, ProblemDetails } from '@rsp/core/client.js';
import type { Database } from '../src/db/index.js';
import { startServer } from '../src/start.js';
import type { RunningServer } from '../src/start.js';
import { NOW, engines, seed } from './support/harness.js';

const CONCURRENT = 50;

for (const engine of engines) {
  describe(`${String(CONCURRENT)} concurrent bookings of one slot on ${engine.name}`, { skip: engine.skip }, () => {
    let db: Database;
    let server: RunningServer;
    const errors: unknown[] = [];
    before(async () => {
      db = await engine.open();
      await seed(db);
      server = await startServer({ database: db, port: 0, now: () => NOW, rateLimits: false, log: (_m, error) => errors.push(error) });
    });
    after(async () => {
      await server.close();
      await db.close();
    });

    for (const channel of ['on-site', 'visio'] as const) {
      it(`books the slot once (${channel}): one 201, ${String(CONCURRENT - 1)} × 409 slot-taken, one row`, async () => {
        // Tuesday 8 December 2026, 10:00 at Gramat: CAF presence (on-site) and visio hours both include it.
        const slot = { start: '2026-12-08T10:00:00+01:00', end: '2026-12-08T10:30:00+01:00' };
        const url = new URL('api/bookings', server.url);
        const started = performance.now();
        const answers = await Promise.all(
          Array.from({ length: CONCURRENT }, async (_, i) => {
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
              body: JSON.stringify({
                agencyId: 'caf',
                motifId: 'caf-rsa',
                siteId: 'lot-gramat',
                channel,
                ...slot,
                person: { name: `Personne ${String(i)}`, email: `p${String(i)}@example.fr` },
              }),
            });
            return { status: res.status, body: (await res.json()) };
          }),
        );
        const elapsed = performance.now() - started;
        const created = answers.filter((a) => a.status === 201);
        const taken = answers.filter((a) => a.status === 409);
        console.log(
          `[proof] ${engine.name} ${channel}: ${String(CONCURRENT)} concurrent POST /api/bookings over HTTP in ${elapsed.toFixed(0)} ms → ` +
            `${String(created.length)} × 201, ${String(taken.length)} × 409 slot-taken`,
        );
        assert.equal(created.length, 1, JSON.stringify(answers.filter((a) => a.status !== 409 && a.status !== 201)));
        assert.equal(taken.length, CONCURRENT - 1);
        BookingConfirmation.parse(created[0]?.body);
        for (const t of taken) assert.equal(ProblemDetails.parse(t.body).type, 'https://rsp.example.fr/problems/slot-taken');
        const [row] = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM bookings WHERE channel = $1 AND lower(during) = '2026-12-08T09:00:00Z'", [channel]);
        assert.equal(row?.n, 1);
        const [keys] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys');
        assert.ok((keys?.n ?? 0) >= 1, 'the winner’s key is kept');
        assert.deepEqual(errors, []);
      });
    }
  });
}

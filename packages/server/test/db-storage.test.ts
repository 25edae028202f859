import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it, test } from 'node:test';
import type { SurveyResponse } from '@rsp/core/schemas.js';
import {
  ConflictError,
  IdempotencyKeyReusedError,
  cancelBooking,
  createBooking,
  findBookingByToken,
  hashRequest,
  insertSurveyResponse,
  migrate,
  migrations,
  openDatabase,
} from '../src/db/index.js';
import type { Database, DatabaseOptions, NewBooking } from '../src/db/index.js';

interface PostgresScript {
  postgresTestUrl(): string | undefined;
  postgresSkipReason(): string | undefined;
}
const script = (await import(pathToFileURL(join(import.meta.dirname, '../../../scripts/postgres.mjs')).href)) as PostgresScript;
const postgresUrl = script.postgresTestUrl();
const postgresSkip = postgresUrl === undefined ? `PostgreSQL half skipped: ${script.postgresSkipReason() ?? 'no server'}` : false;
if (postgresSkip) console.log(postgresSkip);

const latest = Math.max(...migrations.map((m) => m.version));

/** A booking of a receiver of its own (a fresh agency), so runs against one server never meet. */
function bookingOf(agencyId: string, start: string, end: string, extra: Partial<NewBooking> = {}): NewBooking {
  return {
    agencyId,
    motifId: 'motif-rsa',
    siteId: 'site-lauzerte',
    channel: 'on-site',
    start,
    end,
    person: { name: 'Jeanne Martin', phone: '05 63 00 00 00' },
    ...extra,
  };
}

async function bookingCount(db: Database, agencyId: string, status?: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM bookings WHERE agency_id = $1 AND ($2::text IS NULL OR status = $2)',
    [agencyId, status ?? null],
  );
  return rows[0]?.n ?? -1;
}

function rejectsWithConflict(constraint: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ConflictError, `expected a ConflictError, got ${String(error)}`);
    assert.equal(error.constraint, constraint);
    return true;
  };
}

function storageSuite(engine: string, options: () => DatabaseOptions, skip: string | false): void {
  // Each test is skipped (not the suite) so that the runner counts and lists them as skipped.
  const it = (name: string, fn: () => Promise<void>): void => {
    test(name, { skip }, fn);
  };
  describe(`storage on ${engine}`, () => {
    let db: Database;
    before(async () => {
      if (!skip) db = await openDatabase(options());
    });
    after(async () => {
      if (!skip) await db.close();
    });

    it('records each migration once and applies nothing on a second run', async () => {
      const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(
        rows.map((r) => r.version),
        migrations.map((m) => m.version),
      );
      assert.deepEqual(await migrate(db), []);
      assert.equal(rows.at(-1)?.version, latest);
    });

    it('migrates once when two runs start together (advisory lock)', async () => {
      const version = 1_000_000 + Math.floor(Math.random() * 1_000_000);
      const table = `migration_probe_${version}`;
      // Slow enough that, without the lock, the three runs would all see the version missing.
      const probe = [{ version, name: 'probe', sql: `SELECT pg_sleep(0.2); CREATE TABLE ${table} (id int); INSERT INTO ${table} VALUES (1);` }];
      // Open the pool's connections first, so the runs really start together.
      await Promise.all([1, 2, 3].map(() => db.query('SELECT pg_sleep(0.05)')));
      try {
        const runs = await Promise.all([migrate(db, probe), migrate(db, probe), migrate(db, probe)]);
        assert.deepEqual(runs.flat(), [version]);
        assert.deepEqual(await db.query(`SELECT id FROM ${table}`), [{ id: 1 }]);
      } finally {
        await db.exec(`DROP TABLE IF EXISTS ${table}; DELETE FROM schema_migrations WHERE version = ${version};`);
      }
    });

    it('refuses an overlapping booking of the same receiver, with the constraint name', async () => {
      const agency = `agency-${randomUUID()}`;
      await createBooking(db, bookingOf(agency, '2027-01-05T10:00:00+01:00', '2027-01-05T10:30:00+01:00'));
      await assert.rejects(
        createBooking(db, bookingOf(agency, '2027-01-05T10:15:00+01:00', '2027-01-05T10:45:00+01:00')),
        rejectsWithConflict('bookings_no_overlap'),
      );
      // The same instant written in UTC is the same slot.
      await assert.rejects(
        createBooking(db, bookingOf(agency, '2027-01-05T09:00:00Z', '2027-01-05T09:30:00Z')),
        rejectsWithConflict('bookings_no_overlap'),
      );
      assert.equal(await bookingCount(db, agency), 1);
    });

    it('accepts adjacent slots, another channel and another seat', async () => {
      const agency = `agency-${randomUUID()}`;
      await createBooking(db, bookingOf(agency, '2027-01-05T10:00:00+01:00', '2027-01-05T10:30:00+01:00'));
      await createBooking(db, bookingOf(agency, '2027-01-05T10:30:00+01:00', '2027-01-05T11:00:00+01:00'));
      await createBooking(db, bookingOf(agency, '2027-01-05T09:30:00+01:00', '2027-01-05T10:00:00+01:00'));
      await createBooking(db, bookingOf(agency, '2027-01-05T10:00:00+01:00', '2027-01-05T10:30:00+01:00', { channel: 'visio' }));
      // Capacity 2: one resource per desk.
      await createBooking(db, bookingOf(agency, '2027-01-06T10:00:00+01:00', '2027-01-06T10:30:00+01:00', { resource: `${agency}/desk-1` }));
      await createBooking(db, bookingOf(agency, '2027-01-06T10:00:00+01:00', '2027-01-06T10:30:00+01:00', { resource: `${agency}/desk-2` }));
      await assert.rejects(
        createBooking(db, bookingOf(agency, '2027-01-06T10:10:00+01:00', '2027-01-06T10:20:00+01:00', { resource: `${agency}/desk-2` })),
        rejectsWithConflict('bookings_no_overlap'),
      );
      assert.equal(await bookingCount(db, agency), 6);
    });

    it('frees the slot of a cancelled booking', async () => {
      const agency = `agency-${randomUUID()}`;
      const first = await createBooking(db, bookingOf(agency, '2027-01-05T14:00:00+01:00', '2027-01-05T14:30:00+01:00'));
      const cancelled = await cancelBooking(db, first.token);
      assert.equal(cancelled?.status, 'cancelled');
      assert.equal(cancelled.id, first.booking.id);
      assert.equal((await cancelBooking(db, first.token))?.status, 'cancelled');
      assert.equal(await cancelBooking(db, 'no-such-token-000000'), undefined);
      const second = await createBooking(db, bookingOf(agency, '2027-01-05T14:00:00+01:00', '2027-01-05T14:30:00+01:00'));
      assert.equal((await findBookingByToken(db, second.token))?.status, 'confirmed');
      assert.equal(await bookingCount(db, agency, 'cancelled'), 1);
      assert.equal(await bookingCount(db, agency, 'confirmed'), 1);
    });

    it('lets exactly one of 50 concurrent attempts book a slot', async () => {
      const agency = `agency-${randomUUID()}`;
      // Open the pool's connections first (PostgreSQL), so the attempts really race.
      await Promise.all(Array.from({ length: 10 }, () => db.query('SELECT pg_sleep(0.02)')));
      const attempts = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          createBooking(db, bookingOf(agency, '2027-02-01T09:00:00+01:00', '2027-02-01T09:30:00+01:00', { person: { name: `Personne ${i}`, email: `p${i}@example.fr` } })),
        ),
      );
      const won = attempts.filter((a) => a.status === 'fulfilled');
      const lost = attempts.filter((a) => a.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 49);
      for (const a of lost) rejectsWithConflict('bookings_no_overlap')(a.reason);
      assert.equal(await bookingCount(db, agency), 1);
    });

    it('answers the same idempotency key twice with one booking and the same answer', async () => {
      const agency = `agency-${randomUUID()}`;
      const body = bookingOf(agency, '2027-03-01T09:00:00+01:00', '2027-03-01T09:30:00+01:00');
      const key = { scope: 'public', key: randomUUID(), requestHash: hashRequest(body) };
      const first = await createBooking(db, body, key);
      const again = await createBooking(db, body, key);
      assert.equal(first.replayed, false);
      assert.equal(again.replayed, true);
      assert.deepEqual({ booking: again.booking, token: again.token }, { booking: first.booking, token: first.token });
      assert.equal(await bookingCount(db, agency), 1);
      // Concurrent retries with the key: still one booking.
      const key2 = { scope: 'public', key: randomUUID(), requestHash: hashRequest({ ...body, start: '2027-03-01T10:00:00+01:00' }) };
      const body2 = { ...body, start: '2027-03-01T10:00:00+01:00', end: '2027-03-01T10:30:00+01:00' };
      const retries = await Promise.all([createBooking(db, body2, key2), createBooking(db, body2, key2), createBooking(db, body2, key2)]);
      assert.equal(new Set(retries.map((r) => r.booking.id)).size, 1);
      assert.deepEqual(
        retries.map((r) => r.replayed).sort(),
        [false, true, true],
      );
      assert.equal(await bookingCount(db, agency), 2);
      // The same key with another body is refused; the key of another caller is another key.
      await assert.rejects(createBooking(db, { ...body, motifId: 'motif-other' }, { ...key, requestHash: hashRequest({ ...body, motifId: 'motif-other' }) }), IdempotencyKeyReusedError);
      const otherCaller = await createBooking(db, bookingOf(agency, '2027-03-02T09:00:00+01:00', '2027-03-02T09:30:00+01:00'), { ...key, scope: 'token-1' });
      assert.equal(otherCaller.replayed, false);
    });

    it('keeps no idempotency key for a refused booking, so a retry is tried afresh', async () => {
      const agency = `agency-${randomUUID()}`;
      const body = bookingOf(agency, '2027-03-03T09:00:00+01:00', '2027-03-03T09:30:00+01:00');
      const taken = await createBooking(db, body);
      const key = { scope: 'public', key: randomUUID(), requestHash: hashRequest(body) };
      await assert.rejects(createBooking(db, body, key), rejectsWithConflict('bookings_no_overlap'));
      assert.deepEqual(await db.query('SELECT 1 FROM idempotency_keys WHERE scope = $1 AND key = $2', [key.scope, key.key]), []);
      await cancelBooking(db, taken.token);
      assert.equal((await createBooking(db, body, key)).replayed, false);
    });

    it('takes one survey response per visit token', async () => {
      const visitToken = `visit-${randomUUID()}`;
      const response: SurveyResponse = {
        schemaVersion: 1,
        surveyId: 'satisfaction',
        surveyVersion: 1,
        siteId: 'site-lauzerte',
        visitToken,
        submittedAt: '2027-01-05T10:40:00+01:00',
        answers: { q1: 'very-satisfied', q2: ['caf', 'cpam'], q3: 4 },
      };
      const receipt = await insertSurveyResponse(db, response);
      assert.ok(Date.parse(receipt.receivedAt) > 0);
      await assert.rejects(insertSurveyResponse(db, { ...response, answers: { q1: 'dissatisfied' } }), rejectsWithConflict('survey_responses_one_per_visit'));
      await insertSurveyResponse(db, { ...response, surveyId: 'other-survey' });
      const rows = await db.query<{ record: SurveyResponse }>('SELECT record FROM survey_responses WHERE visit_token = $1 ORDER BY survey_id', [visitToken]);
      assert.deepEqual(
        rows.map((r) => r.record),
        [{ ...response, surveyId: 'other-survey' }, response],
      );
    });

    it('keeps no IP address or user agent with a survey response', async () => {
      const columns = await db.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_responses' ORDER BY column_name",
      );
      const names = columns.map((c) => c.column_name);
      assert.ok(names.includes('visit_token'));
      assert.ok(!names.some((n) => /ip|agent|cookie/i.test(n)), names.join(', '));
    });
  });
}

storageSuite('PGlite (in memory)', () => ({}), false);
storageSuite('PostgreSQL', () => ({ url: postgresUrl, poolSize: 10 }), postgresSkip);

describe('PGlite data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rsp-pglite-'));
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps its data and its migrations across close and reopen', async () => {
    const first = await openDatabase({ dataDir: dir, migrate: false });
    assert.deepEqual(await migrate(first), migrations.map((m) => m.version));
    const created = await createBooking(first, bookingOf('agency-durable', '2027-04-01T09:00:00+02:00', '2027-04-01T09:30:00+02:00'));
    await first.close();

    const second = await openDatabase({ dataDir: dir, migrate: false });
    try {
      assert.deepEqual(await migrate(second), []);
      assert.deepEqual(await findBookingByToken(second, created.token), created.booking);
      await assert.rejects(
        createBooking(second, bookingOf('agency-durable', '2027-04-01T09:15:00+02:00', '2027-04-01T09:45:00+02:00')),
        rejectsWithConflict('bookings_no_overlap'),
      );
    } finally {
      await second.close();
    }
  });
});

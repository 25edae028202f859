/**
 * Crash test: the real server (`rsp serve`, a child process) takes bookings
 * and survey answers concurrently and is killed with SIGKILL in the middle;
 * restarted on the same data, it must hold every request that was answered
 * `201` exactly once, and a retry of every request with its own idempotency
 * key must give the stored answer (replayed) or a fresh `201` — never a second
 * row. On PGlite (a data folder) and on PostgreSQL (`DATABASE_URL`).
 *
 * The server limits public writes per client address; each request goes out
 * from its own loopback address (127.0.1.n), as many citizens would, so the
 * limiter of the real command line stays on and is not what is tested here.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../src/db/index.js';
import type { DatabaseOptions } from '../src/db/index.js';
import { postgresSkip, seed } from './support/harness.js';

const BIN = join(import.meta.dirname, '../src/bin.ts');
const BOOKINGS = 40;
const ANSWERS = 40;

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request from a given local address; rejects on a network error (the server died). */
function send(base: string, method: string, path: string, options: { body?: unknown; key?: string; from?: string } = {}): Promise<Answer> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method,
        ...(options.from ? { localAddress: options.from } : {}),
        agent: false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...(options.key ? { 'idempotency-key': options.key } : {}),
        },
        timeout: 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(payload);
  });
}

interface Server {
  readonly url: string;
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
}

/** Starts `rsp serve` on a free port and resolves with its URL once it listens. */
function startChild(args: string[], env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', BIN, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => { done(code); }));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 120 s:\n${output}`));
    }, 120_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, exited });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', (c: Buffer) => { output += c.toString('utf8'); });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}) before listening:\n${output}`));
    });
  });
}

interface Shot {
  readonly kind: 'booking' | 'survey';
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly key: string;
  /** What tells its row apart: the person's name or the visit token. */
  readonly mark: string;
  readonly from: string;
  first?: Answer | Error;
}

async function crashRun(where: DatabaseOptions, env: NodeJS.ProcessEnv, args: string[]): Promise<string> {
  // 1. The network, written before the server starts.
  const setup = await openDatabase(where);
  try {
    await seed(setup);
  } finally {
    await setup.close();
  }

  let server = await startChild(args, env);
  let second: Server | undefined;
  try {
    // 2. Distinct free slots (every channel of the motif) to book, one per request.
    const to = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const slotsAnswer = await send(server.url, 'GET', `/api/slots?agency=caf&motif=caf-rsa&site=lot-gramat&to=${to}`);
    assert.equal(slotsAnswer.status, 200, slotsAnswer.body);
    const slots = (JSON.parse(slotsAnswer.body) as { items: { start: string; end: string; channel?: string; siteId?: string }[] }).items;
    const seen = new Set<string>();
    const distinct = slots.filter((s) => {
      const id = `${s.channel ?? ''}/${s.start}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    assert.ok(distinct.length >= BOOKINGS, `only ${String(distinct.length)} free slots to book`);

    let n = 0;
    const from = (): string => `127.0.1.${String(++n)}`;
    const run = randomBytes(3).toString('hex');
    const shots: Shot[] = [
      ...distinct.slice(0, BOOKINGS).map((slot, i): Shot => {
        const mark = `Crash ${run} ${String(i)}`;
        return {
          kind: 'booking',
          path: '/api/bookings',
          key: randomUUID(),
          mark,
          from: from(),
          body: {
            agencyId: 'caf',
            motifId: 'caf-rsa',
            ...(slot.siteId ? { siteId: slot.siteId } : {}),
            channel: slot.channel ?? 'on-site',
            start: slot.start,
            end: slot.end,
            person: { name: mark, phone: '05 65 00 00 00' },
          },
        };
      }),
      ...Array.from({ length: ANSWERS }, (_, i): Shot => {
        const mark = `crash${run}visit${String(i).padStart(4, '0')}`;
        return {
          kind: 'survey',
          path: '/api/surveys/rsp-quick-feedback/responses',
          key: randomUUID(),
          mark,
          from: from(),
          body: {
            schemaVersion: 1,
            surveyId: 'rsp-quick-feedback',
            surveyVersion: 1,
            siteId: 'lot-gramat',
            visitToken: mark,
            submittedAt: new Date().toISOString(),
            answers: { reception: 'satisfied', recommend: i % 2 === 0 },
          },
        };
      }),
    ].sort(() => Math.random() - 0.5);

    // 3. All at once; SIGKILL when a third of them has been answered.
    let answered = 0;
    let killed = false;
    const kill = (): void => {
      if (killed) return;
      killed = true;
      server.child.kill('SIGKILL');
    };
    await Promise.all(
      shots.map(async (shot, i) => {
        await new Promise((done) => setTimeout(done, i * 3));
        try {
          shot.first = await send(server.url, 'POST', shot.path, { body: shot.body, key: shot.key, from: shot.from });
        } catch (error) {
          shot.first = error as Error;
        }
        if (++answered >= shots.length / 3) kill();
      }),
    );
    kill();
    await server.exited;

    const firstOk = shots.filter((s) => !(s.first instanceof Error) && s.first?.status === 201);
    const lost = shots.filter((s) => s.first instanceof Error);
    const other = shots.filter((s) => !(s.first instanceof Error) && s.first?.status !== 201);
    assert.deepEqual(
      other.map((s) => `${s.kind} ${String((s.first as Answer).status)} ${(s.first as Answer).body.slice(0, 200)}`),
      [],
      'before the crash, every answer is a 201 or no answer at all',
    );

    // 4. Restart on the same data; every 201 is there.
    second = await startChild(args, env);
    server = second;
    for (const shot of firstOk.filter((s) => s.kind === 'booking')) {
      const token = (JSON.parse((shot.first as Answer).body) as { token: string }).token;
      const seenAgain = await send(server.url, 'GET', `/api/bookings/${token}`, { from: shot.from });
      assert.equal(seenAgain.status, 200, `booking of ${shot.mark} (201 before the crash) is gone: ${seenAgain.body}`);
    }

    // 5. Every request again with its key: the stored answer, or a fresh 201.
    let replayed = 0;
    let fresh = 0;
    await Promise.all(
      shots.map(async (shot) => {
        const again = await send(server.url, 'POST', shot.path, { body: shot.body, key: shot.key, from: shot.from.replace('127.0.1.', '127.0.2.') });
        assert.equal(again.status, 201, `${shot.kind} ${shot.mark} retried: ${String(again.status)} ${again.body}`);
        if (again.headers['idempotency-replayed'] === 'true') {
          replayed++;
          if (!(shot.first instanceof Error) && shot.first) assert.deepEqual(JSON.parse(again.body), JSON.parse(shot.first.body), 'the replayed answer is the first one (the same JSON; jsonb keeps members in its own order)');
        } else {
          fresh++;
          assert.ok(!firstOk.includes(shot), `${shot.kind} ${shot.mark} had a 201 before the crash and was done again`);
        }
      }),
    );
    assert.ok(replayed >= firstOk.length);

    // 6. Stop the server, count rows: exactly one per request.
    server.child.kill('SIGTERM');
    await server.exited;
    second = undefined;
    const db = await openDatabase({ ...where, migrate: false });
    try {
      const bookingRows = await db.query<{ name: string; n: number }>(
        "SELECT record->'person'->>'name' AS name, count(*)::int AS n FROM bookings WHERE record->'person'->>'name' LIKE $1 GROUP BY 1",
        [`Crash ${run} %`],
      );
      const answerRows = await db.query<{ visit_token: string; n: number }>(
        'SELECT visit_token, count(*)::int AS n FROM survey_responses WHERE visit_token LIKE $1 GROUP BY 1',
        [`crash${run}visit%`],
      );
      const counts = new Map([...bookingRows.map((r) => [r.name, r.n] as const), ...answerRows.map((r) => [r.visit_token, r.n] as const)]);
      for (const shot of shots) assert.equal(counts.get(shot.mark), 1, `${shot.kind} ${shot.mark}: ${String(counts.get(shot.mark) ?? 0)} rows`);
      assert.equal(bookingRows.length, BOOKINGS);
      assert.equal(answerRows.length, ANSWERS);
    } finally {
      await db.close();
    }
    return `${String(shots.length)} requests: ${String(firstOk.length)} answered 201 before the SIGKILL, ${String(lost.length)} cut off; after the restart ${String(replayed)} replayed, ${String(fresh)} done afresh; ${String(BOOKINGS)} booking rows and ${String(ANSWERS)} answer rows, one per request`;
  } finally {
    for (const s of [server, second]) if (s?.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  }
}

function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  delete env.RSP_DATA_DIR;
  delete env.RSP_PORT;
  delete env.PORT;
  return env;
}

describe('crash: SIGKILL in the middle of bookings and survey answers', { timeout: 600_000 }, () => {
  const dirs: string[] = [];
  after(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('PGlite data folder: every 201 is kept once, every retry replays or books afresh', { timeout: 300_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rsp-crash-'));
    dirs.push(dir);
    const data = join(dir, 'data');
    const summary = await crashRun({ dataDir: data }, childEnv({}), ['--data-dir', data]);
    console.log(`# crash (pglite): ${summary}`);
  });

  it('PostgreSQL: the same', { skip: postgresSkip, timeout: 300_000 }, async () => {
    const script = (await import(pathToFileURL(join(import.meta.dirname, '../../../scripts/postgres.mjs')).href)) as { postgresTestUrl(): string | undefined };
    const base = script.postgresTestUrl() ?? '';
    const name = `rsp_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    try {
      const summary = await crashRun({ url: url.toString() }, childEnv({ DATABASE_URL: url.toString() }), []);
      console.log(`# crash (postgres): ${summary}`);
    } finally {
      const cleanup = new pg.Client({ connectionString: base });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  });
});

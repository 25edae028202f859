// The node side of the satisfaction browser tests: the REAL reference server
// (packages/server's build, `startServer`) with a PGlite database in a data
// folder, so that stopping the server and starting it again keeps what it stored,
// as a real restart does. It listens on one loopback port for the whole run (a
// free one picked at the first start and kept for every restart), so the page's
// queue retries the very URL it first failed on. Nothing is mocked: every answer
// the widget reads comes from the server's own code and database.
//
// web-test-runner.config.mjs adds `satisfactionServerPlugin()`; the tests talk to
// it with `executeServerCommand('satisfaction-…')` (see ./commands.ts). Nothing
// starts until the first command, so runs of other packages' tests pay nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBuilt, seedNetwork } from '../../../../scripts/test-network.mjs';

/** The site the tests answer for. */
export const SITE_ID = 'lot-gourdon';

const site = {
  id: SITE_ID,
  name: 'Relais Services Publics de Gourdon',
  venueKind: 'cyber-base',
  address: { street: '24 rue du Majou', postcode: '46300', commune: 'Gourdon', inseeCode: '46127' },
  coordinates: { lat: 44.737, lon: 1.383 },
  openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
};

/** The data folder (made once) and the port (picked once); the open database and server while running. */
const state = { dataDir: undefined, port: 0, origins: new Set(), db: undefined, api: undefined, seeded: false, log: [] };
/** Commands run one after the other: a stop never overlaps a start. */
let chain = Promise.resolve();

async function openDb() {
  const server = await loadBuilt('packages/server/dist/index.js');
  state.dataDir ??= mkdtempSync(join(tmpdir(), 'rsp-satisfaction-'));
  return { server, db: await server.openDatabase({ dataDir: state.dataDir }) };
}

async function start() {
  if (state.api) return;
  const { server, db } = await openDb();
  if (!state.seeded) {
    await seedNetwork(db, { sites: [site] });
    state.seeded = true;
  }
  const api = await server.startServer({
    port: state.port,
    database: db,
    corsOrigins: [...state.origins],
    rateLimits: false,
    log: () => undefined,
  });
  state.port = Number(new URL(api.url).port);
  state.db = db;
  state.api = api;
  state.log.push({ at: Date.now(), event: 'start' });
}

async function stop() {
  if (!state.api) return;
  await state.api.close();
  await state.db.close();
  state.api = undefined;
  state.db = undefined;
  state.log.push({ at: Date.now(), event: 'stop' });
}

/** Runs `task` on the open database, or on the data folder opened for the time of the query while the server is stopped. */
async function withDb(task) {
  if (state.db) return task(state.db);
  const { db } = await openDb();
  try {
    return await task(db);
  } finally {
    await db.close();
  }
}

async function stored() {
  return withDb(async (db) => {
    const responses = await db.query('SELECT visit_token, record FROM survey_responses ORDER BY id');
    const keys = await db.query("SELECT key, status FROM idempotency_keys ORDER BY created_at");
    return {
      count: responses.length,
      responses: responses.map((r) => r.record),
      keys: keys.map((k) => ({ key: k.key, status: k.status })),
    };
  });
}

async function run(command, payload) {
  if (payload.origin) state.origins.add(payload.origin);
  switch (command) {
    case 'satisfaction-start':
      await start();
      return { url: `http://127.0.0.1:${String(state.port)}/`, running: true };
    case 'satisfaction-stop':
      await stop();
      return { running: false };
    case 'satisfaction-stored':
      return stored();
    case 'satisfaction-reset':
      await withDb((db) => db.exec("DELETE FROM survey_responses; DELETE FROM idempotency_keys;"));
      state.log.length = 0;
      return { ok: true };
    case 'satisfaction-log':
      return state.log.map((entry) => ({ ...entry }));
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

/** Runs one `satisfaction-…` command; `undefined` for other commands. */
export function satisfactionCommand(command, payload = {}) {
  if (!command.startsWith('satisfaction-')) return undefined;
  const result = chain.then(() => run(command, payload));
  chain = result.catch(() => undefined);
  return result;
}

/** The web-test-runner plugin: answers `satisfaction-…` commands; stops the server and removes its data folder at the end. */
export function satisfactionServerPlugin() {
  return {
    name: 'rsp-satisfaction-server',
    executeCommand: ({ command, payload }) => satisfactionCommand(command, payload),
    async serverStop() {
      await chain;
      await stop();
      if (state.dataDir) rmSync(state.dataDir, { recursive: true, force: true });
    },
  };
}

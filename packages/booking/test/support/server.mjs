// The node side of the booking browser tests: the REAL reference server
// (packages/server's build, `startServer`) on a free loopback port, PGlite in
// memory seeded with a small network, a clock the tests set, and a small proxy
// in front of it that can lose the answers of POST /api/bookings after the
// server has acted (what a dropped mobile connection does). Nothing is mocked:
// every answer the widget reads comes from the server's own code and database.
//
// web-test-runner.config.mjs adds `bookingServerPlugin()`; the tests talk to it
// with `executeServerCommand('booking-…')`. The server starts on the first
// command only, so runs of other packages' tests pay nothing.
import { createServer, request as forward } from 'node:http';
import { loadBuilt, seedNetwork } from '../../../../scripts/test-network.mjs';

/** Tuesday 1 December 2026, 08:00 in Paris: the server tests' "now" (packages/server/test/support/harness.ts). */
export const NOW = '2026-12-01T08:00:00+01:00';

const HOSTILE = '<img src=x onerror="window.__rspPwned=1"><script>window.__rspPwned=1</script>';

function network() {
  return {
    sites: [
      {
        id: 'lot-gramat',
        name: 'Relais Services Publics de Gramat',
        venueKind: 'cyber-base',
        address: { street: '10 place de la République', postcode: '46500', commune: 'Gramat', inseeCode: '46128' },
        coordinates: { lat: 44.7811, lon: 1.7256 },
        // Open on Saturday mornings too, so that a Saturday holiday (1 May 2027) is told apart from a weekend.
        openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00',
        phone: '05 65 38 00 00',
        equipment: { visioStation: true },
      },
      {
        id: 'lot-salviac',
        name: 'Relais Services Publics de Salviac',
        venueKind: 'town-hall',
        address: { street: 'Place de la Mairie', postcode: '46340', commune: 'Salviac', inseeCode: '46297' },
        coordinates: { lat: 44.6808, lon: 1.2647 },
        openingHours: 'Tu,Th 09:00-12:00',
      },
    ],
    agencies: [
      { id: 'caf', name: 'CAF', fullName: 'Caisse d’allocations familiales du Lot', sector: 'social', nationalPartner: 'cnaf' },
      { id: 'mission-locale', name: 'Mission Locale', sector: 'employment-training' },
      // Receives no appointment: no motif.
      { id: 'prefecture-46', name: 'Préfecture du Lot', sector: 'other' },
      { id: 'hostile', name: '<img src=x onerror="window.__rspPwned=1"> Agence', sector: 'other' },
    ],
    conventions: [
      { id: 'gramat-caf', siteId: 'lot-gramat', agencyId: 'caf', presenceHours: 'Tu 09:00-12:00', visio: true },
      { id: 'gramat-ml', siteId: 'lot-gramat', agencyId: 'mission-locale', presenceHours: 'Th 14:00-17:00' },
      { id: 'salviac-caf', siteId: 'lot-salviac', agencyId: 'caf', presenceHours: 'Th 09:00-12:00' },
      { id: 'salviac-hostile', siteId: 'lot-salviac', agencyId: 'hostile', presenceHours: 'Tu,Th 09:00-12:00' },
    ],
    motifs: [
      { id: 'caf-rsa', agencyId: 'caf', label: { fr: 'Demande de RSA', en: 'Applying for RSA' }, durationMinutes: 30, channels: ['on-site', 'visio', 'phone'] },
      { id: 'caf-logement', agencyId: 'caf', label: { fr: 'Aide au logement', en: 'Housing benefit' }, durationMinutes: 30, channels: ['on-site'] },
      { id: 'ml-emploi', agencyId: 'mission-locale', label: { fr: 'Premier rendez-vous emploi', en: 'First job appointment' }, durationMinutes: 45, channels: ['on-site'] },
      { id: 'hostile-motif', agencyId: 'hostile', label: { fr: `${HOSTILE} Motif`, en: `${HOSTILE} Subject` }, durationMinutes: 30, channels: ['on-site'] },
    ],
    availability: [
      { id: 'caf-visio', agencyId: 'caf', channel: 'visio', hours: 'Mo-Sa 09:00-12:00', capacity: 1 },
      { id: 'caf-phone', agencyId: 'caf', channel: 'phone', hours: 'Mo-Fr 13:30-16:30', capacity: 2 },
    ],
  };
}

/** The running set-up, started once. */
let running;
let clock = new Date(NOW);
/** Faults of the proxy: answers of POST /api/bookings to lose, and whether the server is "down". */
const faults = { dropBookings: 0, down: false, barrier: 0 };
/** POST /api/bookings held until `faults.barrier` of them have arrived, then sent to the server together. */
let held = [];
/** Every POST /api/bookings seen by the proxy: when, with which key, what the server answered and whether it reached the page. */
const log = [];

async function start(origins) {
  const db = await (await loadBuilt('packages/server/dist/index.js')).openDatabase();
  const server = await seedNetwork(db, network());
  const api = await server.startServer({
    port: 0,
    database: db,
    corsOrigins: origins,
    rateLimits: false,
    now: () => clock,
    // Unexpected errors would show as the 500s the tests assert against; not printed.
    log: () => undefined,
  });
  const upstream = new URL(api.url);
  const proxy = createServer((req, res) => {
    if (faults.down) {
      req.socket.destroy();
      return;
    }
    const booking = req.method === 'POST' && req.url === '/api/bookings';
    const entry = booking ? { at: Date.now(), sent: 0, key: req.headers['idempotency-key'], status: 0, replayed: false, delivered: true, ms: 0 } : undefined;
    const send = () => {
      if (entry) entry.sent = Date.now();
      const out = forward({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        if (entry) {
          entry.status = answer.statusCode ?? 0;
          entry.replayed = answer.headers['idempotency-replayed'] === 'true';
          entry.ms = Date.now() - entry.sent;
          log.push(entry);
          if (faults.dropBookings > 0) {
            // The server has booked (or answered); the page never hears of it.
            faults.dropBookings -= 1;
            entry.delivered = false;
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => req.socket.destroy());
      req.pipe(out);
    };
    if (!booking || faults.barrier === 0) {
      send();
      return;
    }
    // A race made certain: the held requests reach the server in the same tick.
    req.pause();
    held.push(send);
    if (held.length >= faults.barrier) {
      const release = held;
      held = [];
      faults.barrier = 0;
      for (const go of release) go();
    }
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  return { db, server, api, proxy, url: `http://127.0.0.1:${String(address.port)}/` };
}

async function count(db) {
  const [row] = await db.query(
    "SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled FROM bookings",
  );
  return row;
}

/** Runs one `booking-…` command; `undefined` for other commands. */
export async function bookingCommand(command, payload = {}) {
  if (!command.startsWith('booking-')) return undefined;
  running ??= start([payload.origin].filter(Boolean));
  const setup = await running;
  switch (command) {
    case 'booking-server':
      return { url: setup.url, now: clock.toISOString() };
    case 'booking-reset':
      await setup.db.exec('DELETE FROM bookings; DELETE FROM idempotency_keys;');
      clock = new Date(payload.now ?? NOW);
      faults.dropBookings = 0;
      faults.down = false;
      faults.barrier = 0;
      held = [];
      log.length = 0;
      return { url: setup.url };
    case 'booking-count':
      return count(setup.db);
    case 'booking-bookings': {
      const rows = await setup.db.query('SELECT record FROM bookings ORDER BY lower(during), id');
      return rows.map((r) => r.record);
    }
    case 'booking-token':
      return (await setup.server.createToken(setup.db, { role: payload.role ?? 'mediator', siteId: payload.siteId ?? 'lot-gramat' })).token;
    case 'booking-fault':
      if (payload.dropBookings !== undefined) faults.dropBookings = payload.dropBookings;
      if (payload.down !== undefined) faults.down = payload.down;
      if (payload.barrier !== undefined) faults.barrier = payload.barrier;
      return { ...faults };
    case 'booking-log':
      return log.map((entry) => ({ ...entry }));
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

/** The web-test-runner plugin: answers `booking-…` commands and stops the server at the end. */
export function bookingServerPlugin() {
  return {
    name: 'rsp-booking-server',
    executeCommand: ({ command, payload }) => bookingCommand(command, payload),
    async serverStop() {
      if (!running) return;
      const setup = await running;
      setup.proxy.close();
      setup.proxy.closeAllConnections();
      await setup.api.close();
      await setup.db.close();
    },
  };
}

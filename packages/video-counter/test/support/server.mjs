// The node side of the video counter's browser tests: the REAL reference
// server (packages/server's build, `startServer`) on a loopback port, PGlite in
// memory seeded with a small network (a site with a visio convention with the
// CAF, and a second agency), its REAL PeerJS signalling server on /peerjs, and
// no ICE server (host candidates over loopback, Chromium's
// --allow-loopback-in-peer-connection). Nothing is mocked: every answer and
// every signalling message the elements see comes from the server's own code.
//
// web-test-runner.config.mjs adds `videoServerPlugin()`; the tests talk to it
// with `executeServerCommand('video-…')` (./commands.ts). The server starts on
// the first command only, so runs of other packages' tests pay nothing. The
// benchmark (bench/call.bench.ts) starts the same set-up with `startVideoServer`.
import { loadBuilt, seedNetwork } from '../../../../scripts/test-network.mjs';

export const HOSTILE = '<img src=x onerror="window.__rspPwned=1"><script>window.__rspPwned=1</script>';

function network() {
  return {
    sites: [
      {
        id: 'lot-gramat',
        name: 'Relais Services Publics de Gramat',
        venueKind: 'cyber-base',
        address: { street: '10 place de la République', postcode: '46500', commune: 'Gramat', inseeCode: '46128' },
        coordinates: { lat: 44.7811, lon: 1.7256 },
        openingHours: 'Mo-Fr 09:00-12:00,14:00-17:00',
        equipment: { visioStation: true },
      },
      {
        id: 'lot-salviac',
        name: `${HOSTILE} Salviac`,
        venueKind: 'town-hall',
        address: { street: 'Place de la Mairie', postcode: '46340', commune: 'Salviac', inseeCode: '46297' },
        coordinates: { lat: 44.6808, lon: 1.2647 },
        openingHours: 'Tu,Th 09:00-12:00',
      },
    ],
    agencies: [
      { id: 'caf', name: 'CAF', fullName: 'Caisse d’allocations familiales du Lot', sector: 'social', nationalPartner: 'cnaf' },
      { id: 'mission-locale', name: 'Mission Locale', sector: 'employment-training' },
    ],
    conventions: [
      { id: 'gramat-caf', siteId: 'lot-gramat', agencyId: 'caf', visio: true },
      { id: 'gramat-ml', siteId: 'lot-gramat', agencyId: 'mission-locale', visio: true },
      { id: 'salviac-caf', siteId: 'lot-salviac', agencyId: 'caf', visio: true },
    ],
    motifs: [
      { id: 'caf-rsa', agencyId: 'caf', label: { fr: 'Demande de RSA', en: 'Applying for RSA' }, durationMinutes: 30, channels: ['on-site', 'visio', 'phone'] },
    ],
  };
}

/**
 * Starts the real server with the test network; `origins` may call it from a
 * browser (CORS); `mounts` are static folders (`{ prefix, root }`, the benchmark's page).
 * Returns `{ db, server, api, url }`.
 */
export async function startVideoServer(origins = [], mounts = []) {
  const db = await (await loadBuilt('packages/server/dist/index.js')).openDatabase();
  const server = await seedNetwork(db, network());
  const api = await server.startServer({ port: 0, host: '127.0.0.1', database: db, corsOrigins: origins, rateLimits: false, iceServers: [], mounts, log: () => undefined });
  return { db, server, api, url: api.url.endsWith('/') ? api.url : `${api.url}/` };
}

let running;

/** Runs one `video-…` command; `undefined` for other commands. */
export async function videoCommand(command, payload = {}) {
  if (!command.startsWith('video-')) return undefined;
  running ??= startVideoServer([payload.origin].filter(Boolean));
  const setup = await running;
  switch (command) {
    case 'video-server':
      return { url: setup.url };
    case 'video-reset':
      // Closes every desk and ticket of earlier tests: each test starts with an empty queue.
      await setup.db.exec('DELETE FROM visio_tickets; DELETE FROM visio_desks; DELETE FROM visio_sessions; DELETE FROM idempotency_keys;');
      return { url: setup.url };
    case 'video-token':
      return (await setup.server.createToken(setup.db, { role: 'agent', agencyId: payload.agencyId ?? 'caf' })).token;
    case 'video-tickets': {
      const rows = await setup.db.query('SELECT id, status, agency_id, session_id FROM visio_tickets ORDER BY requested_at');
      return rows;
    }
    case 'video-sessions': {
      const rows = await setup.db.query('SELECT record FROM visio_sessions');
      return rows.map((r) => r.record);
    }
    default:
      throw new Error(`Unknown command ${command}`);
  }
}

/** The web-test-runner plugin: answers `video-…` commands and stops the server at the end. */
export function videoServerPlugin() {
  return {
    name: 'rsp-video-server',
    executeCommand: ({ command, payload }) => videoCommand(command, payload),
    async serverStop() {
      if (!running) return;
      const setup = await running;
      await setup.api.close();
      await setup.db.close();
    },
  };
}

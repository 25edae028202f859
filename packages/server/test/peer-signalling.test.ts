import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { VisioTicket } from '@rsp/core/client.js';
import { WebSocket } from 'ws';
import type { Database } from '../src/db/index.js';
import { VisioConfig, VisioDesk } from '@rsp/core/client.js';
import { PEER_KEY } from '../src/routes/visio.js';
import { startServer } from '../src/start.js';
import type { RunningServer } from '../src/start.js';
import { engines, seed, tokenFor } from './support/harness.js';

/** One PeerJS signalling connection: its first message, or how the upgrade was refused. */
interface Opened {
  readonly socket: WebSocket;
  /** Messages received, parsed. */
  readonly messages: { type: string; src?: string; dst?: string; payload?: unknown }[];
}

function waitFor<T>(check: () => T | undefined, what: string, ms = 5000): Promise<T> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      const value = check();
      if (value !== undefined) resolve(value);
      else if (Date.now() - started > ms) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

for (const engine of engines) {
  describe(`PeerJS signalling at /peerjs (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    let server: RunningServer;
    let base: URL;
    const sockets: WebSocket[] = [];

    before(async () => {
      db = await engine.open();
      await seed(db);
      server = await startServer({ port: 0, database: db, rateLimits: false, log: () => undefined, iceServers: [{ urls: 'stun:stun.lot.fr:3478' }] });
      base = new URL(server.url);
    });
    after(async () => {
      for (const socket of sockets) socket.terminate();
      await server.close();
      await db.close();
    });

    const api = async (method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<Response> =>
      fetch(new URL(path, base), {
        method,
        headers: {
          ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
          ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          'Idempotency-Key': crypto.randomUUID(),
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });

    function connect(query: Record<string, string>): Promise<Opened | { refused: number }> {
      const url = new URL('/peerjs/peerjs', base);
      url.protocol = 'ws:';
      for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
      const socket = new WebSocket(url);
      sockets.push(socket);
      const messages: Opened['messages'] = [];
      socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as Opened['messages'][number]));
      return new Promise((resolve, reject) => {
        socket.once('open', () => {
          resolve({ socket, messages });
        });
        socket.once('unexpected-response', (_req, res) => {
          resolve({ refused: res.statusCode ?? 0 });
          res.resume();
          socket.terminate();
        });
        socket.once('error', reject);
      });
    }

    async function opened(query: Record<string, string>): Promise<Opened> {
      const result = await connect(query);
      assert.ok('socket' in result, `refused with ${'refused' in result ? String(result.refused) : '?'}`);
      await waitFor(() => result.messages.find((m) => m.type === 'OPEN'), 'OPEN');
      return result;
    }

    it('serves the API and the signalling server on the same origin, and says where it is', async () => {
      const config = VisioConfig.parse(await (await api('GET', '/api/visio/config')).json());
      assert.deepEqual(config, { peerPath: '/peerjs', peerKey: PEER_KEY, iceServers: [{ urls: 'stun:stun.lot.fr:3478' }] });
      const info = await fetch(new URL('/peerjs/', base));
      assert.equal(info.status, 200);
      assert.match(await info.text(), /PeerJS Server/);
      // No discovery of who is connected.
      assert.equal((await fetch(new URL(`/peerjs/${PEER_KEY}/peers`, base))).status, 401);
      assert.equal((await api('GET', '/api/health')).status, 200);
    });

    it('opens issued ids, refuses others, and relays an offer from the desk to the citizen', async () => {
      const agent = await tokenFor(db, 'agent', { agencyId: 'caf' });
      const desk = VisioDesk.parse(await (await api('POST', '/api/visio/desk', { token: agent })).json());
      const ticketRes = await api('POST', '/api/visio/tickets', { body: { siteId: 'lot-gramat', agencyId: 'caf' } });
      assert.equal(ticketRes.status, 201);
      const ticket = VisioTicket.parse(await ticketRes.json());

      // Ids the API never issued, a desk without its token, a wrong key.
      assert.deepEqual(await connect({ key: PEER_KEY, id: 'citizen-0123456789abcdef0123456789abcdef', token: 'abc' }), { refused: 403 });
      assert.deepEqual(await connect({ key: PEER_KEY, id: 'mallory', token: 'abc' }), { refused: 403 });
      assert.deepEqual(await connect({ key: PEER_KEY, id: desk.peerId, token: 'not-the-desk-token' }), { refused: 403 });
      const wrongKey = await connect({ key: 'peerjs', id: ticket.peerId, token: 'citizen-token' });
      assert.ok('socket' in wrongKey);
      const error = await waitFor(() => wrongKey.messages.find((m) => m.type === 'ERROR'), 'ERROR');
      assert.deepEqual(error.payload, { msg: 'Invalid key provided' });

      const citizen = await opened({ key: PEER_KEY, id: ticket.peerId, token: 'citizen-token' });
      const agentSocket = await opened({ key: PEER_KEY, id: desk.peerId, token: desk.peerToken });

      const offer = { type: 'OFFER', dst: ticket.peerId, payload: { sdp: { type: 'offer', sdp: 'v=0' }, type: 'media', connectionId: 'mc_1' } };
      agentSocket.socket.send(JSON.stringify(offer));
      const relayed = await waitFor(() => citizen.messages.find((m) => m.type === 'OFFER'), 'the relayed OFFER');
      assert.deepEqual(relayed, { ...offer, src: desk.peerId });

      // The citizen answers back through the server.
      citizen.socket.send(JSON.stringify({ type: 'ANSWER', dst: desk.peerId, payload: { sdp: { type: 'answer', sdp: 'v=0' } } }));
      const answer = await waitFor(() => agentSocket.messages.find((m) => m.type === 'ANSWER'), 'the relayed ANSWER');
      assert.equal(answer.src, ticket.peerId);

      // Once the citizen gives up, its id no longer opens.
      assert.equal((await api('DELETE', `/api/visio/tickets/${ticket.ticketId}`)).status, 204);
      assert.deepEqual(await connect({ key: PEER_KEY, id: ticket.peerId, token: 'another-token' }), { refused: 403 });
    });

    it('refuses a desk whose agent token was revoked', async () => {
      const agent = await tokenFor(db, 'agent', { agencyId: 'caf' });
      const desk = VisioDesk.parse(await (await api('POST', '/api/visio/desk', { token: agent })).json());
      await db.query('UPDATE api_tokens SET revoked_at = now() WHERE id = (SELECT token_id FROM visio_desks WHERE peer_id = $1)', [desk.peerId]);
      assert.deepEqual(await connect({ key: PEER_KEY, id: desk.peerId, token: desk.peerToken }), { refused: 403 });
    });
  });
}

describe('startServer closes cleanly', () => {
  it('keeps no timer of the PeerServer holding the process, and closes its signalling sockets', async () => {
    const timeouts = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const db = await engines[0]?.open();
    assert.ok(db);
    try {
      await seed(db);
      const before = timeouts();
      const server = await startServer({ port: 0, database: db, log: () => undefined });
      const agent = await tokenFor(db, 'agent', { agencyId: 'caf' });
      const base = new URL(server.url);
      const desk = VisioDesk.parse(
        await (await fetch(new URL('/api/visio/desk', base), { method: 'POST', headers: { Authorization: `Bearer ${agent}` } })).json(),
      );
      const url = new URL(`/peerjs/peerjs?key=${PEER_KEY}&id=${desk.peerId}&token=${encodeURIComponent(desk.peerToken)}`, base);
      url.protocol = 'ws:';
      const socket = new WebSocket(url);
      await new Promise((resolve, reject) => {
        socket.once('message', resolve);
        socket.once('error', reject);
      });
      // The PeerServer's endless check loops (300 ms, 1 s) run unref'd: they would otherwise keep the process alive.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      assert.equal(timeouts(), before);
      const closedSocket = new Promise((resolve) => socket.once('close', resolve));
      await server.close();
      await closedSocket;
    } finally {
      await db.close();
    }
  });
});

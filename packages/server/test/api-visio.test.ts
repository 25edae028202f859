import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Admission, ProblemDetails, QueueEntry, VisioTicket, VisioTicketStatus } from '@rsp/core/client.js';
import { VisioSession } from '@rsp/core/schemas.js';
import { z } from 'zod';
import { NOW, call, engines, seed, testApp, tokenFor } from './support/harness.js';
import type { Database } from '../src/db/index.js';
import { revokeToken, findToken } from '../src/db/index.js';
import { VisioConfig, VisioDesk } from '@rsp/core/client.js';

const QueueList = z.strictObject({ items: z.array(QueueEntry) });
const MINUTE = 60_000;

let keyCounter = 0;
const key = (): string => `visio-test-key-${String(++keyCounter)}`;

/** A clock the test moves. */
function movableClock(start = NOW): { now: () => Date; advance(ms: number): void } {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms) {
      t += ms;
    },
  };
}

async function problem(res: Response, status: number, type?: string): Promise<ProblemDetails> {
  assert.equal(res.status, status, `expected ${String(status)}, got ${String(res.status)}: ${await res.clone().text()}`);
  const body = ProblemDetails.parse(await res.json());
  if (type) assert.equal(body.type, `https://rsp.example.fr/problems/${type}`);
  return body;
}

for (const engine of engines) {
  describe(`visio-guichet (${engine.name})`, { skip: engine.skip }, () => {
    let db: Database;
    before(async () => {
      db = await engine.open();
      await seed(db);
    });
    after(async () => {
      await db.close();
    });

    /** A fresh agent of an agency with its desk open (on duty). */
    async function agentOnDuty(app: ReturnType<typeof testApp>['app'], agencyId = 'caf'): Promise<{ token: string; desk: VisioDesk }> {
      const token = await tokenFor(db, 'agent', { agencyId });
      const res = await call(app, 'POST', '/api/visio/desk', { token, key: key() });
      assert.equal(res.status, 200);
      return { token, desk: VisioDesk.parse(await res.json()) };
    }

    const ask = (app: ReturnType<typeof testApp>['app'], body: unknown = { siteId: 'lot-gramat', agencyId: 'caf' }, headers: Record<string, string> = {}) =>
      call(app, 'POST', '/api/visio/tickets', { body, key: key(), headers });

    /** Cancels every open ticket so each test starts with an empty queue. */
    async function emptyQueues(): Promise<void> {
      await db.query("UPDATE visio_tickets SET status = 'cancelled' WHERE status IN ('waiting', 'admitted')");
      await db.query('DELETE FROM visio_desks');
    }

    it('refuses a call when no agent of the agency is on duty (503 no-agent), and for a site without visio (409 no-visio)', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      await problem(await ask(app), 503, 'no-agent');
      await agentOnDuty(app);
      // Gramat has a convention with the Mission Locale, but without visio; Salviac's CAF convention has no visio.
      await problem(await ask(app, { siteId: 'lot-gramat', agencyId: 'mission-locale' }), 409, 'no-visio');
      await problem(await ask(app, { siteId: 'lot-salviac', agencyId: 'caf' }), 409, 'no-visio');
      const unknownSite = await problem(await ask(app, { siteId: 'lot-nowhere', agencyId: 'caf' }, { 'Accept-Language': 'en' }), 422);
      assert.deepEqual(unknownSite.errors, [{ path: 'siteId', message: 'the site "lot-nowhere" is unknown' }]);
      const wrongMotif = await problem(await ask(app, { siteId: 'lot-gramat', agencyId: 'caf', motifId: 'ml-emploi' }), 422);
      assert.equal(wrongMotif.errors?.[0]?.path, 'motifId');
      await problem(await call(app, 'POST', '/api/visio/tickets', { body: { siteId: 'lot-gramat', agencyId: 'caf' } }), 400);
      assert.deepEqual(errors, []);
    });

    it('a desk that stopped polling for 2 minutes is no longer on duty; polling the queue puts it back', async () => {
      await emptyQueues();
      const clock = movableClock();
      const { app, errors } = testApp(db, { now: clock.now });
      const { token } = await agentOnDuty(app);
      clock.advance(2 * MINUTE + 1000);
      await problem(await ask(app), 503, 'no-agent');
      assert.equal((await call(app, 'GET', '/api/visio/queue?agency=caf', { token })).status, 200);
      assert.equal((await ask(app)).status, 201);
      await revokeTokenOf(token);
      await problem(await ask(app), 503, 'no-agent');
      assert.deepEqual(errors, []);
    });

    async function revokeTokenOf(token: string): Promise<void> {
      const grant = await findToken(db, token);
      assert.ok(grant);
      assert.ok(await revokeToken(db, grant.id));
    }

    it('queues citizens in order of arrival, with positions, waits and unguessable peer ids; the same key gives the same ticket', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      const { token } = await agentOnDuty(app);
      const tickets: VisioTicket[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await ask(app, { siteId: 'lot-gramat', agencyId: 'caf', ...(i === 1 ? { motifId: 'caf-rsa' } : {}) });
        assert.equal(res.status, 201);
        const ticket = VisioTicket.parse(await res.json());
        assert.equal(res.headers.get('location'), `/api/visio/tickets/${ticket.ticketId}`);
        tickets.push(ticket);
      }
      assert.deepEqual(tickets.map((t) => t.position), [0, 1, 2, 3]);
      assert.deepEqual(tickets.map((t) => t.estimatedWaitMinutes), [0, 10, 20, 30]);
      for (const t of tickets) assert.match(t.peerId, /^citizen-[0-9a-f]{32}$/);
      assert.equal(new Set(tickets.map((t) => t.peerId)).size, 4);
      // PeerJS's own id rule.
      for (const t of tickets) assert.match(t.peerId, /^[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*$/);

      const replayKey = key();
      const first = await call(app, 'POST', '/api/visio/tickets', { body: { siteId: 'lot-gramat', agencyId: 'caf' }, key: replayKey });
      const again = await call(app, 'POST', '/api/visio/tickets', { body: { siteId: 'lot-gramat', agencyId: 'caf' }, key: replayKey });
      assert.equal(again.headers.get('idempotency-replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());

      const queue = QueueList.parse(await (await call(app, 'GET', '/api/visio/queue?agency=caf', { token })).json());
      assert.deepEqual(queue.items.slice(0, 4).map((e) => e.ticketId), tickets.map((t) => t.ticketId));
      assert.deepEqual(queue.items.map((e) => e.position), [0, 1, 2, 3, 4]);
      assert.equal(queue.items[1]?.motifId, 'caf-rsa');
      assert.equal(queue.items[0]?.siteId, 'lot-gramat');

      // The second gives up: the others move up.
      assert.equal((await call(app, 'DELETE', `/api/visio/tickets/${tickets[1]?.ticketId ?? ''}`)).status, 204);
      assert.equal((await call(app, 'DELETE', `/api/visio/tickets/${tickets[1]?.ticketId ?? ''}`)).status, 204);
      const cancelled = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${tickets[1]?.ticketId ?? ''}`)).json());
      assert.equal(cancelled.status, 'cancelled');
      const third = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${tickets[2]?.ticketId ?? ''}`)).json());
      assert.deepEqual({ status: third.status, position: third.position }, { status: 'waiting', position: 1 });
      await problem(await call(app, 'GET', '/api/visio/tickets/no-such-ticket'), 404);
      await problem(await call(app, 'DELETE', '/api/visio/tickets/no-such-ticket'), 404);
      assert.deepEqual(errors, []);
    });

    it('shows the queue and admits only to agents of that agency', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      await agentOnDuty(app);
      const ticket = VisioTicket.parse(await (await ask(app)).json());
      const other = await agentOnDuty(app, 'mission-locale');
      await problem(await call(app, 'GET', '/api/visio/queue?agency=caf', { token: other.token }), 403);
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token: other.token, body: { agencyId: 'caf' } }), 403);
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token: other.token, body: { agencyId: 'caf', ticketId: ticket.ticketId } }), 403);
      await problem(await call(app, 'GET', '/api/visio/queue?agency=caf'), 401);
      const mediator = await tokenFor(db, 'mediator');
      await problem(await call(app, 'GET', '/api/visio/queue?agency=caf', { token: mediator }), 403);
      // Its own agency's queue is empty: nothing to admit.
      assert.deepEqual(QueueList.parse(await (await call(app, 'GET', '/api/visio/queue?agency=mission-locale', { token: other.token })).json()).items, []);
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token: other.token, body: { agencyId: 'mission-locale' } }), 404);
      assert.deepEqual(errors, []);
    });

    it('admits the first in line: the citizen sees the agent’s peer id, the session is opened, then ended', async () => {
      await emptyQueues();
      const clock = movableClock();
      const { app, errors } = testApp(db, { now: clock.now });
      const { token, desk } = await agentOnDuty(app);
      assert.match(desk.peerId, /^desk-[0-9a-f]{32}$/);
      // One desk per agent token: asking again gives the same.
      assert.deepEqual(VisioDesk.parse(await (await call(app, 'POST', '/api/visio/desk', { token })).json()), desk);
      const first = VisioTicket.parse(await (await ask(app, { siteId: 'lot-gramat', agencyId: 'caf', motifId: 'caf-rsa' })).json());
      clock.advance(1000);
      const second = VisioTicket.parse(await (await ask(app)).json());
      clock.advance(30_000);

      const res = await call(app, 'POST', '/api/visio/queue/admit', { token, key: key(), body: { agencyId: 'caf' } });
      assert.equal(res.status, 200);
      const admission = Admission.parse(await res.json());
      assert.equal(admission.ticketId, first.ticketId);
      assert.equal(admission.peerId, first.peerId);
      assert.equal(admission.session.siteId, 'lot-gramat');
      assert.equal(admission.session.motifId, 'caf-rsa');
      assert.equal(Date.parse(admission.session.requestedAt), NOW.getTime());
      assert.equal(Date.parse(admission.session.startedAt ?? ''), NOW.getTime() + 31_000);
      assert.equal(admission.session.endedAt, undefined);

      const status = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${first.ticketId}`)).json());
      assert.deepEqual({ status: status.status, agentPeerId: status.agentPeerId }, { status: 'admitted', agentPeerId: desk.peerId });
      const next = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${second.ticketId}`)).json());
      assert.equal(next.position, 0);
      assert.equal(next.agentPeerId, undefined);

      // Admitting a ticket already admitted: 409 ticket-taken.
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token, body: { agencyId: 'caf', ticketId: first.ticketId } }), 409, 'ticket-taken');
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token, body: { agencyId: 'caf', ticketId: 'no-such-ticket' } }), 404);

      clock.advance(12 * MINUTE);
      const other = await agentOnDuty(app, 'mission-locale');
      const path = `/api/visio/sessions/${admission.session.id}/end`;
      await problem(await call(app, 'POST', path, { token: other.token, body: { outcome: 'settled' } }), 403);
      await problem(await call(app, 'POST', path, { token, body: { outcome: 'solved' } }), 422);
      const endRes = await call(app, 'POST', path, { token, key: key(), body: { outcome: 'follow-up-appointment', documentsExchanged: 2 } });
      assert.equal(endRes.status, 200);
      const ended = VisioSession.parse(await endRes.json());
      assert.equal(Date.parse(ended.endedAt ?? ''), NOW.getTime() + 31_000 + 12 * MINUTE);
      assert.equal(ended.outcome, 'follow-up-appointment');
      assert.equal(ended.documentsExchanged, 2);
      // Ending again changes nothing.
      clock.advance(MINUTE);
      const again = VisioSession.parse(await (await call(app, 'POST', path, { token, body: { outcome: 'abandoned' } })).json());
      assert.deepEqual(again, ended);
      await problem(await call(app, 'POST', '/api/visio/sessions/no-such-session/end', { token, body: { outcome: 'settled' } }), 404);
      const [stored] = await db.query<{ record: unknown }>('SELECT record FROM visio_sessions WHERE id = $1', [ended.id]);
      assert.deepEqual(VisioSession.parse(stored?.record), ended);
      assert.deepEqual(errors, []);
    });

    it('asks the agent to open a desk before admitting', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      await agentOnDuty(app);
      await ask(app);
      const deskless = await tokenFor(db, 'agent', { agencyId: 'caf' });
      const body = await problem(await call(app, 'POST', '/api/visio/queue/admit', { token: deskless, body: { agencyId: 'caf' }, headers: { 'Accept-Language': 'en' } }), 409);
      assert.match(body.detail ?? '', /POST \/api\/visio\/desk/);
      assert.deepEqual(errors, []);
    });

    it('of 10 agents admitting the same ticket at once, exactly one gets it, the others a 409', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      const agents = await Promise.all(Array.from({ length: 10 }, () => agentOnDuty(app)));
      const ticket = VisioTicket.parse(await (await ask(app)).json());
      const answers = await Promise.all(
        agents.map(({ token }) => call(app, 'POST', '/api/visio/queue/admit', { token, key: key(), body: { agencyId: 'caf', ticketId: ticket.ticketId } })),
      );
      const statuses = answers.map((r) => r.status).sort();
      assert.deepEqual(statuses, [200, ...Array<number>(9).fill(409)]);
      for (const res of answers) {
        if (res.status === 409) await problem(res, 409, 'ticket-taken');
        else Admission.parse(await res.json());
      }
      const [sessions] = await db.query<{ n: number | string }>('SELECT count(*) AS n FROM visio_sessions s JOIN visio_tickets t ON t.session_id = s.id WHERE t.id = $1', [
        ticket.ticketId,
      ]);
      assert.equal(Number(sessions?.n), 1);
      assert.deepEqual(errors, []);
    });

    it('of 5 agents each taking “the next” of 5 waiting citizens at once, each gets a different one', async () => {
      await emptyQueues();
      const { app, errors } = testApp(db);
      const agents = await Promise.all(Array.from({ length: 5 }, () => agentOnDuty(app)));
      const tickets: VisioTicket[] = [];
      for (let i = 0; i < 5; i++) tickets.push(VisioTicket.parse(await (await ask(app)).json()));
      const answers = await Promise.all(agents.map(({ token }) => call(app, 'POST', '/api/visio/queue/admit', { token, key: key(), body: { agencyId: 'caf' } })));
      const admitted = await Promise.all(
        answers.map(async (r) => {
          assert.equal(r.status, 200);
          return Admission.parse(await r.json()).ticketId;
        }),
      );
      assert.deepEqual([...admitted].sort(), tickets.map((t) => t.ticketId).sort());
      assert.deepEqual(errors, []);
    });

    it('a waiting ticket not polled for 2 minutes expires; polling keeps it alive', async () => {
      await emptyQueues();
      const clock = movableClock();
      const { app, errors } = testApp(db, { now: clock.now });
      const { token } = await agentOnDuty(app);
      const kept = VisioTicket.parse(await (await ask(app)).json());
      const left = VisioTicket.parse(await (await ask(app)).json());
      for (let i = 0; i < 3; i++) {
        clock.advance(90_000);
        const polled = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${kept.ticketId}`)).json());
        assert.equal(polled.status, 'waiting');
        assert.equal((await call(app, 'GET', '/api/visio/queue?agency=caf', { token })).status, 200);
      }
      const gone = VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${left.ticketId}`)).json());
      assert.equal(gone.status, 'expired');
      const queue = QueueList.parse(await (await call(app, 'GET', '/api/visio/queue?agency=caf', { token })).json());
      assert.deepEqual(queue.items.map((e) => e.ticketId), [kept.ticketId]);
      // An expired ticket cannot be admitted.
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token, body: { agencyId: 'caf', ticketId: left.ticketId } }), 404);
      // Nor one that was not polled in time, even before anyone noticed.
      clock.advance(2 * MINUTE + 1);
      assert.equal((await call(app, 'POST', '/api/visio/desk', { token })).status, 200);
      await problem(await call(app, 'POST', '/api/visio/queue/admit', { token, body: { agencyId: 'caf' } }), 404);
      assert.equal(VisioTicketStatus.parse(await (await call(app, 'GET', `/api/visio/tickets/${kept.ticketId}`)).json()).status, 'expired');
      assert.deepEqual(errors, []);
    });

    it('tells the browsers where the signalling server is and which ICE servers to use', async () => {
      const iceServers = [{ urls: 'stun:stun.lot.fr:3478' }, { urls: ['turn:turn.lot.fr:3478', 'turns:turn.lot.fr:5349'], username: 'rsp', credential: 's3cret' }];
      const { app, errors } = testApp(db, { iceServers });
      const res = await call(app, 'GET', '/api/visio/config');
      assert.equal(res.status, 200);
      assert.deepEqual(VisioConfig.parse(await res.json()), { peerPath: '/peerjs', peerKey: 'rsp-kit', iceServers });
      const none = VisioConfig.parse(await (await call(testApp(db).app, 'GET', '/api/visio/config')).json());
      assert.deepEqual(none.iceServers, []);
      assert.deepEqual(errors, []);
    });
  });
}

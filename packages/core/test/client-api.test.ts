import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient } from '../src/client/index.js';
import type { Handler, TestServer } from './fixtures/client/server.js';
import { fixture, fixtureText, json, startServer } from './fixtures/client/server.js';

const site = fixture('site.json');
const agency = fixture('agency.json');
const motif = fixture('motif.json');
const booking = fixture('booking.json');
const token = 'tok_0123456789abcdef';

const routes: Record<string, Handler> = {
  'GET /api/sites': (req, res) => {
    if (req.headers.accept === 'application/geo+json') {
      json(
        res,
        200,
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              id: 'fs-46-001',
              geometry: { type: 'Point', coordinates: [1.7256, 44.7811] },
              properties: { name: 'France Services de Gramat', venueKind: 'france-services', commune: 'Gramat', postcode: '46500' },
            },
          ],
        },
        'application/geo+json',
      );
      return;
    }
    json(res, 200, { total: 1, items: [{ site, ...(req.query.has('near') ? { distanceKm: 12.4 } : {}) }] });
  },
  'GET /api/sites/fs-46-001': (_req, res) => {
    json(res, 200, {
      site,
      conventions: [{ id: 'conv-1', siteId: 'fs-46-001', agencyId: 'caf-46', presenceHours: 'Tu 09:00-12:00', visio: true }],
      hours: { openNow: true, nextChange: '2026-11-23T12:00:00+01:00', today: [{ start: '2026-11-23T09:00:00+01:00', end: '2026-11-23T12:00:00+01:00' }] },
      charter: { profile: 'france-services-2019', id: 'fs-46-001', name: 'France Services de Gramat', status: 'unknown', findings: [{ rule: 'hours', status: 'met', reason: '24 h' }] },
    });
  },
  'GET /api/partners': (_req, res) => json(res, 200, { items: [agency] }),
  'GET /api/agenda': (_req, res) => json(res, 200, { items: [booking] }),
  'GET /api/motifs': (_req, res) => json(res, 200, { items: [motif] }),
  'GET /api/slots': (_req, res) =>
    json(res, 200, { items: [{ start: '2026-12-01T09:30:00+01:00', end: '2026-12-01T10:00:00+01:00' }, { start: '2026-12-01T10:00:00+01:00', end: '2026-12-01T10:30:00+01:00' }] }),
  'POST /api/bookings': (req, res) => {
    const body = JSON.parse(req.body) as Record<string, unknown>;
    json(res, 201, { booking: { ...booking, start: body.start, end: body.end }, token, icsUrl: `/api/bookings/${token}.ics` });
  },
  [`GET /api/bookings/${token}.ics`]: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' });
    res.end(fixtureText('booking.ics'));
  },
  [`POST /api/bookings/${token}/cancel`]: (_req, res) => json(res, 200, { ...booking, status: 'cancelled' }),
  'POST /api/visio/tickets': (_req, res) => json(res, 201, { ticketId: 't-1', peerId: 'rsp-citizen-t-1', position: 3, estimatedWaitMinutes: 12 }),
  'DELETE /api/visio/tickets/t-1': (_req, res) => {
    res.writeHead(204);
    res.end();
  },
  'POST /api/counts': (req, res) => json(res, 201, JSON.parse(req.body)),
  [`GET /api/bookings/${token}`]: (_req, res) => json(res, 200, booking),
  [`POST /api/bookings/${token}/reschedule`]: (req, res) => {
    const body = JSON.parse(req.body) as Record<string, unknown>;
    json(res, 200, { booking: { ...booking, ...body }, token, icsUrl: `/api/bookings/${token}.ics` });
  },
  'GET /api/surveys/satisfaction': (_req, res) =>
    json(res, 200, {
      id: 'satisfaction',
      version: 2,
      title: { fr: 'Votre avis' },
      questions: [{ id: 'q1', type: 'yes-no', label: { fr: 'Avez-vous obtenu une réponse ?' }, required: true }],
    }),
  'POST /api/surveys/satisfaction/responses': (_req, res) => json(res, 201, { surveyId: 'satisfaction', receivedAt: '2026-11-23T16:00:00Z' }),
  'GET /api/visio/tickets/t-1': (_req, res) =>
    json(res, 200, { ticketId: 't-1', peerId: 'rsp-citizen-t-1', position: 0, estimatedWaitMinutes: 0, status: 'admitted', agentPeerId: 'rsp-agent-9' }),
  'GET /api/visio/queue': (_req, res) =>
    json(res, 200, { items: [{ ticketId: 't-1', siteId: 'fs-46-001', agencyId: 'caf-46', requestedAt: '2026-11-23T15:58:00+01:00', position: 0 }] }),
  'POST /api/visio/queue/admit': (_req, res) =>
    json(res, 200, {
      ticketId: 't-1',
      peerId: 'rsp-citizen-t-1',
      session: { id: 'vs-1', siteId: 'fs-46-001', agencyId: 'caf-46', requestedAt: '2026-11-23T15:58:00+01:00', startedAt: '2026-11-23T16:02:00+01:00' },
    }),
  'GET /api/reports/evaluation': (_req, res) =>
    json(res, 200, {
      period: { from: '2026-01-01', to: '2026-09-30' },
      siteNames: { 'fs-46-001': 'France Services de Gramat' },
      counts: { total: { people: 5321 } },
      visio: { requested: 31 },
      trips: { trips: 0 },
    }),
  'GET /api/audit': (req, res) =>
    json(res, 200, {
      charter: req.query.get('charter'),
      referenceDate: '2026-11-23',
      sites: 1,
      met: 0,
      notMet: 1,
      unknown: 0,
      rules: { hours: { met: 0, notMet: 1, unknown: 0 } },
      results: [{ id: 'fs-46-001', name: 'Gramat', status: 'not-met', findings: [{ rule: 'hours', status: 'not-met', reason: '20 h par semaine' }] }],
    }),
  'GET /api/openapi.json': (_req, res) => json(res, 200, { openapi: '3.1.0', info: { title: 'RSP Kit', version: '0.1.0' }, paths: {} }),
  'GET /api/health': (_req, res) => json(res, 200, { status: 'ok', version: '0.1.0', time: '2026-11-23T16:00:00Z' }),
};

describe('API client: answers', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer((req, res, count) => {
      const route = routes[`${req.method} ${req.path}`];
      if (route) route(req, res, count);
      else json(res, 404, { type: 'about:blank', status: 404, title: 'Not found' });
    });
  });
  after(() => server.close());

  it('lists the sites near a point with their distance, sending the query', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const list = await api.nearSites({ lat: 44.6, lon: 1.44, limit: 5, radiusKm: 30, visio: true });
    assert.equal(list.total, 1);
    const [first] = list.items;
    assert.ok(first);
    assert.equal(first.site.name, 'France Services de Gramat');
    assert.equal(first.distanceKm, 12.4);
    // Defaults of the data model are filled in.
    assert.deepEqual(first.site.stops, []);
    const query = server.requests.at(-1)?.query ?? new URLSearchParams();
    assert.equal(query.get('near'), '44.6,1.44');
    assert.equal(query.get('limit'), '5');
    assert.equal(query.get('radius'), '30');
    assert.equal(query.get('visio'), 'true');
    assert.equal(query.has('agency'), false);
  });

  it('sends filters and a bounding box, and asks GeoJSON with its media type', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    await api.sites({ agency: 'caf-46', venueKind: 'france-services', openNow: true, bbox: [1.0, 44.2, 2.2, 45.1] });
    const query = server.requests.at(-1)?.query ?? new URLSearchParams();
    assert.equal(query.get('bbox'), '1,44.2,2.2,45.1');
    assert.equal(query.get('agency'), 'caf-46');
    assert.equal(query.get('openNow'), 'true');
    const collection = await api.sitesGeoJson({ venueKind: 'france-services' });
    assert.equal(server.requests.at(-1)?.headers.accept, 'application/geo+json');
    assert.deepEqual(collection.features[0]?.geometry.coordinates, [1.7256, 44.7811]);
  });

  it('reads a site with its conventions, hours now and charter status', async () => {
    const detail = await createClient({ baseUrl: server.baseUrl }).site('fs-46-001');
    assert.equal(detail.conventions[0]?.agencyId, 'caf-46');
    assert.equal(detail.hours.openNow, true);
    assert.equal(detail.charter.status, 'unknown');
  });

  it('lists partners, motifs and slots as arrays', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const [partners, motifs, slots] = await Promise.all([
      api.partners(),
      api.motifs('caf-46'),
      api.slots({ agency: 'caf-46', motif: 'caf-46-rsa', site: 'fs-46-001', channel: 'visio', from: '2026-12-01', to: '2026-12-07' }),
    ]);
    assert.equal(partners[0]?.nationalPartner, 'cnaf');
    assert.equal(motifs[0]?.bufferMinutes, 0);
    assert.equal(slots.length, 2);
    const slotQuery = server.requests.find((r) => r.path === '/api/slots')?.query;
    assert.equal(slotQuery?.toString(), 'site=fs-46-001&agency=caf-46&motif=caf-46-rsa&channel=visio&from=2026-12-01&to=2026-12-07');
    assert.equal(server.requests.find((r) => r.path === '/api/partners')?.query.toString(), '');
    await api.partners({ bookable: true });
    assert.equal(server.requests.at(-1)?.query.toString(), 'bookable=true');
  });

  it('reads a site’s agenda of a day with the mediator’s token', async () => {
    const api = createClient({ baseUrl: server.baseUrl, token: 'rsp_mediator-token' });
    const items = await api.agenda('fs-46-001', '2026-12-01');
    assert.equal(items[0]?.id, (booking as { id: string }).id);
    const sent = server.requests.at(-1);
    assert.ok(sent);
    assert.equal(sent.query.toString(), 'site=fs-46-001&day=2026-12-01');
    assert.equal(sent.headers.authorization, 'Bearer rsp_mediator-token');
    await api.agenda('fs-46-001');
    assert.equal(server.requests.at(-1)?.query.toString(), 'site=fs-46-001');
  });

  it('books a slot with a UUID idempotency key, then gets the calendar file and cancels', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const confirmation = await api.book({
      agencyId: 'caf-46',
      motifId: 'caf-46-rsa',
      siteId: 'fs-46-001',
      channel: 'visio',
      start: '2026-12-01T10:00:00+01:00',
      end: '2026-12-01T10:30:00+01:00',
      person: { name: 'Camille Martin', phone: '06 12 34 56 78' },
    });
    const sent = server.requests.at(-1);
    assert.ok(sent);
    assert.match(String(sent.headers['idempotency-key']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(sent.headers['content-type'], 'application/json');
    assert.equal((JSON.parse(sent.body) as { person: { name: string } }).person.name, 'Camille Martin');
    assert.equal(confirmation.booking.start, '2026-12-01T10:00:00+01:00');
    assert.equal(confirmation.booking.status, 'confirmed');
    const ics = await api.bookingIcs(confirmation.token);
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.equal(server.requests.at(-1)?.headers.accept, 'text/calendar');
    const cancelled = await api.cancelBooking(confirmation.token, 'empêchement');
    assert.equal(cancelled.status, 'cancelled');
    assert.deepEqual(JSON.parse(server.requests.at(-1)?.body ?? ''), { reason: 'empêchement' });
  });

  it('asks for a visio-guichet call and gives it up (204, no body)', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const ticket = await api.requestVisio({ siteId: 'fs-46-001', agencyId: 'caf-46' });
    assert.deepEqual(ticket, { ticketId: 't-1', peerId: 'rsp-citizen-t-1', position: 3, estimatedWaitMinutes: 12 });
    await api.cancelVisio(ticket.ticketId);
    assert.equal(server.requests.at(-1)?.method, 'DELETE');
  });

  it('reads and moves a booking by its token', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    assert.equal((await api.booking(token)).id, 'bk-2026-0001');
    const moved = await api.rescheduleBooking(token, { start: '2026-12-02T14:00:00+01:00', end: '2026-12-02T14:30:00+01:00' });
    assert.equal(moved.booking.start, '2026-12-02T14:00:00+01:00');
    assert.equal(typeof server.requests.at(-1)?.headers['idempotency-key'], 'string');
  });

  it('gets a survey and sends an answer to its id', async () => {
    const api = createClient({ baseUrl: server.baseUrl });
    const survey = await api.survey('satisfaction');
    assert.equal(survey.questions[0]?.required, true);
    const receipt = await api.answerSurvey({
      surveyId: survey.id,
      surveyVersion: survey.version,
      siteId: 'fs-46-001',
      visitToken: 'visit_0123456789abcdef',
      submittedAt: '2026-11-23T15:59:00+01:00',
      answers: { q1: true },
    });
    assert.equal(receipt.surveyId, 'satisfaction');
    assert.equal(server.requests.at(-1)?.path, '/api/surveys/satisfaction/responses');
  });

  it('serves the agent side of the visio-guichet and the citizen’s ticket', async () => {
    const api = createClient({ baseUrl: server.baseUrl, token: 'agent-token' });
    const queue = await api.visioQueue('caf-46');
    assert.equal(server.requests.at(-1)?.query.get('agency'), 'caf-46');
    assert.equal(queue[0]?.ticketId, 't-1');
    const admission = await api.admitVisio({ agencyId: 'caf-46' });
    assert.equal(admission.session.documentsExchanged, 0);
    const status = await api.visioTicket('t-1');
    assert.equal(status.agentPeerId, 'rsp-agent-9');
  });

  it('reads the coordinator’s report, the charter audit and the OpenAPI document', async () => {
    const api = createClient({ baseUrl: server.baseUrl, token: 'coordinator-token' });
    const report = await api.evaluationReport({ from: '2026-01-01', to: '2026-09-30', territory: '46' });
    assert.equal(server.requests.at(-1)?.query.toString(), 'from=2026-01-01&to=2026-09-30&territory=46');
    assert.equal(report.siteNames['fs-46-001'], 'France Services de Gramat');
    assert.equal(report.period.to, '2026-09-30');
    const audit = await api.audit('france-services-2019');
    assert.equal(audit.charter, 'france-services-2019');
    assert.equal(audit.results[0]?.findings[0]?.status, 'not-met');
    const openApi = await api.openApi();
    assert.equal(openApi.openapi, '3.1.0');
    assert.deepEqual(openApi.paths, {});
  });

  it('sends Accept-Language from the locale and the bearer token, read again for every call', async () => {
    let current = 'mediator-token-1';
    const api = createClient({ baseUrl: server.baseUrl, locale: 'en', token: () => current });
    await api.sendWeeklyCount({ siteId: 'fs-46-001', week: '2026-W47', people: 42, byService: { forms: 20 } });
    assert.equal(server.requests.at(-1)?.headers['accept-language'], 'en');
    assert.equal(server.requests.at(-1)?.headers.authorization, 'Bearer mediator-token-1');
    current = 'mediator-token-2';
    await api.health();
    assert.equal(server.requests.at(-1)?.headers.authorization, 'Bearer mediator-token-2');
    const anonymous = createClient({ baseUrl: server.baseUrl });
    await anonymous.health();
    assert.equal(server.requests.at(-1)?.headers.authorization, undefined);
    assert.equal(server.requests.at(-1)?.headers['accept-language'], 'fr');
  });

  it('encodes path segments, so an id cannot reach another endpoint', async () => {
    const api = createClient({ baseUrl: server.baseUrl, retries: 0 });
    await assert.rejects(api.site('../partners'), { name: 'HttpError', status: 404 });
    assert.equal(server.requests.at(-1)?.path, '/api/sites/..%2Fpartners');
  });
});

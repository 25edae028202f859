import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/site-finder/site-finder.js';
import type { RspSiteFinder } from '../src/site-finder/site-finder.component.js';
import { loadFinderData } from '../src/data/index.js';
import type { RspSiteMap } from '../src/map/site-map.component.js';
import { RspMapPickEvent, RspMapSiteSelectEvent } from '../src/map/site-map.events.js';

const FIXTURE = new URL('./fixtures/lot-sites.geojson', import.meta.url).href;

const root = (el: RspSiteFinder) => el.shadowRoot!;
const part = (el: RspSiteFinder, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const items = (el: RspSiteFinder) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="item-button"]')];
const names = (el: RspSiteFinder) => items(el).map((b) => b.querySelector('.name')?.textContent ?? '');
const count = (el: RspSiteFinder) => part(el, 'count')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
const input = (el: RspSiteFinder) => part(el, 'input') as HTMLInputElement;
const map = (el: RspSiteFinder) => root(el).querySelector<RspSiteMap>('rsp-site-map')!;
const active = (el: RspSiteFinder) => root(el).activeElement;
/** The next event of a type, typed from GlobalEventHandlersEventMap. */
const next = <K extends keyof GlobalEventHandlersEventMap>(el: EventTarget, type: K) => oneEvent<GlobalEventHandlersEventMap[K]>(el, type);

async function loaded(el: RspSiteFinder): Promise<void> {
  await waitUntil(() => items(el).length > 0 || root(el).querySelector('rsp-notice') !== null, 'the finder did not load', { timeout: 4000 });
  await el.updateComplete;
}

async function finder(template = html`<rsp-site-finder src=${FIXTURE}></rsp-site-finder>`): Promise<RspSiteFinder> {
  const el = await fixture<RspSiteFinder>(template);
  await loaded(el);
  return el;
}

/** Types a place and picks its first suggestion with the keyboard only. */
async function searchNear(el: RspSiteFinder, text: string): Promise<void> {
  input(el).focus();
  await sendKeys({ type: text });
  await waitUntil(() => input(el).getAttribute('aria-expanded') === 'true', 'no suggestions', { timeout: 2000 });
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function setFilter(el: RspSiteFinder, name: string, value: string | boolean): Promise<void> {
  const control = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  if (typeof value === 'boolean') (control as HTMLInputElement).checked = value;
  else control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

type FetchFn = typeof window.fetch;
const realFetch: FetchFn = window.fetch.bind(window);
function stubFetch(impl: FetchFn): void {
  window.fetch = impl;
}
afterEach(() => {
  window.fetch = realFetch;
});

function manySites(n: number): string {
  const features = Array.from({ length: n }, (_, i) => ({
    type: 'Feature',
    id: `site-${String(i)}`,
    geometry: { type: 'Point', coordinates: [-4 + ((i * 7919) % 1200) / 100, 43 + ((i * 104729) % 800) / 100] },
    properties: { name: `Lieu ${String(i)}`, venueKind: 'epn', commune: `Commune ${String(i % 300)}`, postcode: '46000' },
  }));
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('<rsp-site-finder>', () => {
  // No zoom animations: the views change at once, as for people who ask for reduced motion.
  before(() => emulateMedia({ reducedMotion: 'reduce' }));
  after(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('shows a loading state, then every site of the file in a list with its count', async () => {
    let release!: () => void;
    stubFetch(async (input, init) => {
      await new Promise<void>((resolve) => (release = resolve));
      return realFetch(input, init);
    });
    const el = await fixture<RspSiteFinder>(html`<rsp-site-finder src=${FIXTURE}></rsp-site-finder>`);
    expect(count(el)).to.equal('Chargement des lieux…');
    expect(part(el, 'results')?.getAttribute('aria-busy')).to.equal('true');
    expect(input(el).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    release();
    await loaded(el);
    expect(count(el)).to.equal('7 lieux trouvés');
    expect(items(el).length).to.equal(7);
    expect(names(el)).to.include('France services de Gramat');
    expect(part(el, 'list')?.tagName).to.equal('OL');
    expect(map(el).results.length).to.equal(7);
    await expect(el).to.be.accessible();
  });

  it('searches with the keyboard only through the combobox, then lists the nearest first with distances', async () => {
    const el = await finder();
    const box = input(el);
    expect(box.getAttribute('role')).to.equal('combobox');
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    const listbox = root(el).getElementById(box.getAttribute('aria-controls')!)!;
    expect(listbox.getAttribute('role')).to.equal('listbox');

    box.focus();
    await sendKeys({ type: 'gram' });
    await waitUntil(() => box.getAttribute('aria-expanded') === 'true', 'no suggestions', { timeout: 2000 });
    const options = [...listbox.querySelectorAll('[role="option"]')];
    expect(options.length).to.be.greaterThan(1);
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).to.equal('true');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    const last = [...listbox.querySelectorAll('[role="option"]')].at(-1)!;
    expect(box.getAttribute('aria-activedescendant')).to.equal(last.id);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(options[0]!.id, 'Down wraps to the first option');
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(last.id, 'Up wraps to the last option');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(box.getAttribute('aria-activedescendant')).to.equal(listbox.querySelector('[role="option"]')!.id);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(box.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(box.value).to.equal('gram', 'the first Escape only closes the popup');

    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(box.getAttribute('aria-expanded')).to.equal('true');
    const chosen = root(el).getElementById(box.getAttribute('aria-activedescendant')!)!.textContent;
    expect(chosen).to.contain('Gramat');
    const search = next(el, 'rsp-search');
    await sendKeys({ press: 'Enter' });
    const event = await search;
    await el.updateComplete;
    expect(box.value).to.equal(chosen);
    expect(box.getAttribute('aria-expanded')).to.equal('false');
    expect(event.detail.origin?.kind).to.be.oneOf(['place', 'site']);
    expect(event.detail.count).to.equal(items(el).length);
    expect(count(el)).to.match(/^4 lieux trouvés à moins de 20 km de .*Gramat/);
    expect(names(el)[0]).to.equal('France services de Gramat');
    const distances = items(el).map((b) => (/à (\d+(?:,\d)?)\s+km/.exec(b.textContent))?.[1]);
    expect(distances.every((d) => d !== undefined)).to.equal(true);
    const numbers = distances.map((d) => Number(d!.replace(',', '.')));
    expect(numbers).to.deep.equal([...numbers].sort((a, b) => a - b));
    expect(map(el).origin?.label).to.contain('Gramat');
  });

  it('says so when nothing matches what was typed, and Escape clears the text', async () => {
    const el = await finder();
    input(el).focus();
    await sendKeys({ type: 'zzzqx' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).textContent.includes('Aucun lieu ni commune ne correspond à «\u00a0zzzqx\u00a0»'), 'no "no match" message');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input(el).value).to.equal('');

    // No site within the radius: the list says so, and the state passes axe.
    el.radius = 5;
    el.searchAround({ lat: 46.2, lon: -3.5, label: 'Golfe de Gascogne', kind: 'place' });
    await el.updateComplete;
    expect(items(el)).to.have.length(0);
    expect(count(el)).to.match(/^Aucun lieu/);
    await expect(el).to.be.accessible();
  });

  it('filters update the list, the count and the polite live region', async () => {
    const el = await finder();
    await searchNear(el, 'Gramat');
    const live = part(el, 'count')!;
    expect(live.getAttribute('role')).to.equal('status');
    expect(live.getAttribute('aria-live')).to.equal('polite');
    expect(count(el)).to.match(/^4 lieux trouvés/);

    const search = next(el, 'rsp-search');
    await setFilter(el, 'visio', true);
    expect((await search).detail.filters).to.include({ visio: true, radiusKm: 20 });
    expect(count(el)).to.match(/^1 lieu trouvé à moins de 20 km de/);
    expect(names(el)).to.deep.equal(['France services de Gramat']);

    await setFilter(el, 'radius', '50');
    expect(count(el)).to.match(/^2 lieux trouvés à moins de 50 km de/);
    expect(names(el)).to.deep.equal(['France services de Gramat', 'Espace numérique de Gourdon']);

    await setFilter(el, 'visio', false);
    await setFilter(el, 'venue-kind', 'library');
    expect(names(el).length).to.equal(1);
    await setFilter(el, 'radius', '10');
    expect(count(el)).to.match(/^Aucun lieu trouvé à moins de 10 km de/);
    expect(items(el).length).to.equal(0);
    expect(root(el).textContent).to.contain('Élargissez le rayon ou retirez un filtre');
    await expect(el).to.be.accessible();

    await setFilter(el, 'venue-kind', '');
    await setFilter(el, 'radius', '20');
    await setFilter(el, 'appointments', true);
    expect(names(el)).to.deep.equal(['France services de Gramat', 'Maison des services de Saint-Céré']);
    await setFilter(el, 'appointments', false);
    await setFilter(el, 'agency', 'national-cnaf');
    expect(names(el)).to.deep.equal(['France services de Gramat', 'France services de Rocamadour']);
  });

  it('shows only the filters asked for, each a labelled native control', async () => {
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} filters="open-now, radius"></rsp-site-finder>`);
    const controls = [...root(el).querySelectorAll<HTMLInputElement | HTMLSelectElement>('[part="filters"] input, [part="filters"] select')];
    expect(controls.map((c) => c.name)).to.deep.equal(['open-now', 'radius']);
    for (const control of controls) expect(control.labels?.[0]?.textContent.trim()).to.not.equal('');
    const none = await finder(html`<rsp-site-finder src=${FIXTURE} filters=""></rsp-site-finder>`);
    expect(part(none, 'filters') === null, 'no filters').to.equal(true);
  });

  it('keeps the list and the map in sync, both ways', async () => {
    const el = await finder();
    const target = items(el).find((b) => b.textContent.includes('Padirac'))!;
    const selected = next(el, 'rsp-site-select');
    target.click();
    const event = await selected;
    expect(event.detail.siteId).to.equal('mairie-padirac');
    expect(event.detail.site.name).to.equal('Mairie de Padirac');
    await el.updateComplete;
    expect(map(el).selectedId).to.equal('mairie-padirac');

    root(el).querySelector<HTMLButtonElement>('[part="detail"] .detail-head button')!.click();
    await el.updateComplete;
    const fromMap = next(el, 'rsp-site-select');
    map(el).dispatchEvent(new RspMapSiteSelectEvent({ siteId: 'fs-cahors' }));
    expect((await fromMap).detail.siteId).to.equal('fs-cahors');
    await el.updateComplete;
    const current = items(el).filter((b) => b.getAttribute('aria-current') === 'true');
    expect(current.map((b) => b.dataset.siteId)).to.deep.equal(['fs-cahors']);
    expect(map(el).selectedId).to.equal('fs-cahors');
  });

  it('a marker activated on the map with the keyboard selects the site in the list', async () => {
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} center="44.7808,1.7257" zoom="14"></rsp-site-finder>`);
    const markerOf = () => map(el).shadowRoot!.querySelector<HTMLElement>('[data-site-id="fs-gramat"]');
    await waitUntil(() => markerOf() !== null, 'no marker for Gramat', { timeout: 3000 });
    const marker = markerOf()!;
    expect(marker.getAttribute('aria-label')).to.equal('France services de Gramat');
    const selected = next(el, 'rsp-site-select');
    marker.focus();
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.siteId).to.equal('fs-gramat');
    await el.updateComplete;
    const current = items(el).filter((b) => b.getAttribute('aria-current') === 'true');
    expect(current.map((b) => b.dataset.siteId)).to.deep.equal(['fs-gramat']);

    items(el).find((b) => b.dataset.siteId === 'fs-cahors')!.click();
    await el.updateComplete;
    expect(part(el, 'detail')?.querySelector('h3')?.textContent).to.equal('France services de Cahors');
    map(el).dispatchEvent(new RspMapSiteSelectEvent({ siteId: 'fs-gramat' }));
    await el.updateComplete;
    expect(part(el, 'detail')?.querySelector('h3')?.textContent).to.equal('France services de Gramat', 'the open details follow the map');
  });

  it('a point picked on the map becomes the origin of the search', async () => {
    const el = await finder();
    const search = next(el, 'rsp-search');
    map(el).dispatchEvent(new RspMapPickEvent({ lat: 44.6086, lon: 2.0317 }));
    expect((await search).detail.origin).to.deep.include({ kind: 'map', lat: 44.6086 });
    await el.updateComplete;
    expect(count(el)).to.match(/à moins de 20 km de le point choisi sur la carte$/);
    expect(items(el)[0]?.dataset.siteId).to.equal('lib-figeac');
  });

  it('opens a site’s details from the keyboard, closes them with Escape and gives the focus back', async () => {
    const el = await finder();
    await searchNear(el, 'Gramat');
    const button = items(el).find((b) => b.dataset.siteId === 'fs-gramat')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await aTimeout(0);
    const detail = part(el, 'detail')!;
    expect(detail.getAttribute('role')).to.equal('dialog');
    const heading = detail.querySelector('h3')!;
    expect(heading.textContent).to.equal('France services de Gramat');
    expect(detail.getAttribute('aria-labelledby')).to.equal(heading.id);
    expect(active(el) === heading, 'the focus is on the details’ heading').to.equal(true);
    expect(part(el, 'list') === null, 'expected no element').to.equal(true);

    const text = detail.textContent.replace(/\s+/g, ' ');
    expect(text).to.contain('Place de la République');
    expect(text).to.match(/Ouvert|Ouvre|Fermé/);
    expect(detail.querySelector<HTMLAnchorElement>('a[href^="tel:"]')?.href).to.equal('tel:0565102030');
    expect(detail.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')?.textContent).to.equal('gramat@france-services.example');
    const website = detail.querySelector<HTMLAnchorElement>('a[href^="https://gramat"]')!;
    expect(website.target).to.equal('');
    expect(detail.querySelector<HTMLAnchorElement>('a[href^="https://www.openstreetmap.org/directions"]')?.href).to.equal(
      'https://www.openstreetmap.org/directions?to=44.780800,1.725700',
    );
    expect(text).to.contain('3 ordinateurs en accès libre');
    expect(text).to.contain('Poste de visio-guichet');
    expect(text).to.not.contain('Charte', 'the charter status is shown only with show-charter');
    await expect(el).to.be.accessible();

    const book = [...detail.querySelectorAll('button')].find((b) => b.textContent.includes('Prendre rendez-vous'))!;
    const action = next(el, 'rsp-action');
    book.click();
    expect((await action).detail).to.deep.equal({ action: 'book', siteId: 'fs-gramat' });
    const visio = [...detail.querySelectorAll('button')].find((b) => b.textContent.includes('Appel en visio'))!;
    const call = next(el, 'rsp-action');
    visio.click();
    expect((await call).detail).to.deep.equal({ action: 'visio', siteId: 'fs-gramat' });

    heading.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await aTimeout(0);
    expect(part(el, 'detail') === null, 'expected no element').to.equal(true);
    const back = items(el).find((b) => b.dataset.siteId === 'fs-gramat')!;
    expect(active(el) === back, 'the focus is back on the site in the list').to.equal(true);
  });

  it('does not link a website that is not https, and shows the charter status when asked', async () => {
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} show-charter></rsp-site-finder>`);
    items(el).find((b) => b.dataset.siteId === 'fs-rocamadour')!.click();
    await el.updateComplete;
    const detail = part(el, 'detail')!;
    expect(detail.querySelector('a[href^="http:"]') === null, 'expected no element').to.equal(true);
    expect(detail.textContent).to.contain('Respect de la charte non évalué');
    expect(detail.textContent).to.not.contain('Prendre rendez-vous');
  });

  it('says clearly when the position is refused, and searches around it when given', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'geolocation')!;
    let answer: (ok: PositionCallback, fail: PositionErrorCallback) => void = (_ok, fail) => {
      fail({ code: 1, message: 'denied', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
    };
    Object.defineProperty(Navigator.prototype, 'geolocation', {
      configurable: true,
      get: () => ({ getCurrentPosition: (ok: PositionCallback, fail: PositionErrorCallback) => { answer(ok, fail); } }),
    });
    try {
      const el = await finder();
      (part(el, 'geolocate') as HTMLButtonElement).click();
      await el.updateComplete;
      const notice = root(el).querySelector('[part="search"] rsp-notice')!;
      expect(notice.getAttribute('variant')).to.equal('warning');
      expect(notice.textContent).to.contain('Vous avez refusé l’accès à votre position');
      await expect(el).to.be.accessible();

      answer = (ok) => {
        ok({ coords: { latitude: 44.78, longitude: 1.72, accuracy: 30 }, timestamp: Date.now() } as GeolocationPosition);
      };
      (part(el, 'geolocate') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="search"] rsp-notice') === null, 'expected no element').to.equal(true);
      expect(count(el)).to.equal('4 lieux trouvés à moins de 20 km de votre position');

      answer = (_ok, fail) => {
        fail({ code: 3, message: 'timeout', PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3 });
      };
      (part(el, 'geolocate') as HTMLButtonElement).click();
      await el.updateComplete;
      expect(root(el).querySelector('[part="search"] rsp-notice')?.textContent).to.contain('pas pu être obtenue à temps');
    } finally {
      Object.defineProperty(Navigator.prototype, 'geolocation', descriptor);
    }
  });

  it('shows an error with a retry that loads the data again', async () => {
    let calls = 0;
    stubFetch((input, init) => {
      calls++;
      return calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : realFetch(input, init);
    });
    const el = await finder();
    const notice = root(el).querySelector('rsp-notice')!;
    expect(notice.getAttribute('variant')).to.equal('error');
    expect(notice.textContent).to.contain('Les lieux n’ont pas pu être chargés');
    expect(items(el).length).to.equal(0);
    await expect(el).to.be.accessible();
    const retry = notice.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!;
    expect(retry.textContent.trim()).to.equal('Réessayer');
    retry.click();
    await waitUntil(() => items(el).length === 7, 'the retry did not load the sites');
    expect(calls).to.equal(2);
  });

  it('adds the geocoder’s addresses to the suggestions and searches around the one chosen (Géoplateforme API)', async () => {
    // A static copy of the Géoplateforme's answers, served over HTTP by the test server (any query gets it).
    const service = new URL('./fixtures/geocodage', import.meta.url).href;
    performance.clearResourceTimings(); // the buffer (250 entries) is full of the test's modules
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} geocoder=${service}></rsp-site-finder>`);
    const box = input(el);
    box.focus();
    await sendKeys({ type: 'rue du Majou' });
    await waitUntil(() => root(el).querySelectorAll('[role="option"]').length === 2, 'no address suggestions', { timeout: 3000 });
    const options = [...root(el).querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(options[0]).to.equal('12 Rue du Majou, 46300 Gourdon');
    // A hostile label from the service is text, never markup.
    expect(options[1]).to.equal('<img src=x onerror="window.__pwned=1"> Figeac');
    expect(root(el).querySelector('[role="listbox"] img')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const sent = performance.getEntriesByType('resource').map((e) => new URL(e.name)).find((u) => u.pathname.endsWith('/geocodage/completion'));
    expect(sent?.searchParams.get('text')).to.equal('rue du Majou');
    expect(sent?.searchParams.get('type')).to.equal('StreetAddress,PositionOfInterest');
    await expect(el).to.be.accessible();

    const search = next(el, 'rsp-search');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    const { detail } = await search;
    expect(detail.origin).to.deep.include({ lat: 44.7372, lon: 1.3833, label: '12 Rue du Majou, 46300 Gourdon', kind: 'place' });
    await el.updateComplete;
    expect(names(el)[0]).to.contain('Gourdon', 'nearest first from the address');
  });

  it('asks the geocoder when the text typed matches no loaded place, and says so when it does not answer', async () => {
    const service = new URL('./fixtures/geocodage', import.meta.url).href;
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} geocoder=${service}></rsp-site-finder>`);
    input(el).focus();
    await sendKeys({ type: '12 rue du majou' });
    const search = next(el, 'rsp-search');
    await sendKeys({ press: 'Enter' });
    const { detail } = await search;
    // No loaded place matches: the geocoder's /search answer (its label has no comma, the completion's has).
    expect(detail.origin).to.deep.include({ lat: 44.7372, lon: 1.3833, label: '12 Rue du Majou 46300 Gourdon' });

    const down = await finder(html`<rsp-site-finder src=${FIXTURE} geocoder=${new URL('./fixtures/no-such-service', import.meta.url).href}></rsp-site-finder>`);
    input(down).focus();
    await sendKeys({ type: 'zzzz nowhere' });
    await sendKeys({ press: 'Enter' });
    const message = () => root(down).getElementById(input(down).getAttribute('aria-describedby')!)?.textContent ?? '';
    await waitUntil(() => message().includes('ne répond pas'), `no message: "${message()}"`, { timeout: 4000 });
    // Local suggestions still work.
    input(down).value = '';
    input(down).dispatchEvent(new Event('input'));
    await sendKeys({ type: 'gram' });
    await waitUntil(() => input(down).getAttribute('aria-expanded') === 'true', 'local suggestions', { timeout: 2000 });
    await expect(down).to.be.accessible();
  });

  it('lists the sites nearest to the map’s centre first before any search, on a page that sets center', async () => {
    // Gourdon's centre: its own site first, every site still listed, no distance from a place nobody chose.
    const el = await finder(html`<rsp-site-finder src=${FIXTURE} center="44.737,1.383" zoom="10"></rsp-site-finder>`);
    const all = names(el);
    expect(all[0]).to.contain('Gourdon');
    const plain = await finder();
    expect(all.length).to.equal(names(plain).length);
    expect(count(el)).to.equal(`${String(all.length)} lieux trouvés, les plus proches du centre de la carte d’abord`);
    expect(root(el).querySelector('[part="item"]')?.textContent).not.to.match(/à [\d,]+\s?km/);
    // A search then orders by distance from the place chosen, as always.
    await searchNear(el, 'gramat');
    expect(names(el)[0]).to.contain('Gramat');
    await expect(el).to.be.accessible();
  });

  it('takes data from the page with setData() (resolved once listed) and opens a site with openSite()', async () => {
    const data = await loadFinderData({ src: FIXTURE });
    const el = await fixture<RspSiteFinder>(html`<rsp-site-finder></rsp-site-finder>`);
    expect(el.openSite('fs-gramat')).to.equal(false, 'no data yet');
    await el.setData(data);
    await el.updateComplete;
    expect(items(el).length).to.equal(data.sites.length);
    expect(el.openSite('no-such-site')).to.equal(false);
    const selected = next(el, 'rsp-site-select');
    expect(el.openSite('fs-gramat')).to.equal(true);
    expect((await selected).detail.siteId).to.equal('fs-gramat');
    await el.updateComplete;
    expect(part(el, 'detail')?.querySelector('h3')?.textContent).to.equal('France services de Gramat');
    await expect(el).to.be.accessible();
  });

  it('renders hostile site names and texts as text, in the list and the details', async () => {
    const el = await finder();
    const hostile = items(el).find((b) => b.dataset.siteId === 'lib-figeac')!;
    expect(hostile.querySelector('.name')?.textContent).to.equal('<img src=x onerror="window.__pwned=1">Médiathèque <b>Figeac</b>');
    hostile.click();
    await el.updateComplete;
    const detail = part(el, 'detail')!;
    expect(detail.querySelector('h3')?.textContent).to.contain('<img src=x');
    expect(detail.textContent).to.contain('<script>window.__pwned=2</script>');
    expect(detail.textContent).to.contain('<img src=y');
    expect(root(el).querySelectorAll('img, script, b').length).to.equal(0);
    expect(map(el).shadowRoot!.querySelectorAll('img:not(.leaflet-tile), script').length).to.equal(0);
    await aTimeout(20);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('stays usable with thousands of sites: the list shows a page at a time', async () => {
    stubFetch(() => Promise.resolve(new Response(manySites(3000), { headers: { 'content-type': 'application/geo+json' } })));
    const el = await finder(html`<rsp-site-finder src="/many.geojson"></rsp-site-finder>`);
    expect(count(el)).to.match(/^3\s000 lieux trouvés$/);
    expect(items(el).length).to.equal(25);
    const more = part(el, 'more') as HTMLButtonElement;
    more.click();
    await el.updateComplete;
    expect(items(el).length).to.equal(50);
    expect(active(el) === items(el)[25], 'the focus is on the first new site').to.equal(true);
    await waitUntil(() => map(el).shadowRoot!.querySelector('.leaflet-marker-icon') !== null, 'no markers');
    expect(map(el).shadowRoot!.querySelectorAll('.leaflet-marker-icon').length).to.be.lessThan(500);
    await expect(el).to.be.accessible();
  });

  it('in API mode, reads the sites from the API and a site’s partners and charter from GET /api/sites/{id}', async () => {
    const site = {
      schemaVersion: 1,
      id: 'rsp-gramat',
      name: 'Relais de Gramat',
      venueKind: 'france-services',
      address: { postcode: '46500', commune: 'Gramat' },
      coordinates: { lat: 44.78, lon: 1.72 },
      openingHours: 'Mo-Fr 09:00-17:00',
      equipment: {},
      mediatorIds: [],
      stops: [],
    };
    const caf = { schemaVersion: 1, id: 'caf-46', name: 'CAF', sector: 'social', nationalPartner: 'cnaf' };
    const detail = {
      site,
      conventions: [{ schemaVersion: 1, id: 'c1', siteId: 'rsp-gramat', agencyId: 'caf-46', referents: [], presenceHours: 'Tu 09:00-12:00' }],
      hours: { openNow: null, nextChange: null, today: [] },
      charter: { id: 'rsp-gramat', name: 'Relais de Gramat', status: 'met', findings: [], profile: 'france-services-2019' },
    };
    const asked: string[] = [];
    stubFetch((request) => {
      const url = new URL(request instanceof Request ? request.url : String(request), window.location.href);
      asked.push(`${url.pathname}${url.search}`);
      const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }));
      if (url.pathname === '/api/sites') return json({ total: 1, items: [{ site }] });
      if (url.pathname === '/api/partners') return json({ items: [caf] });
      if (url.pathname === '/api/sites/rsp-gramat') return json(detail);
      return Promise.resolve(new Response('not found', { status: 404 }));
    });
    const el = await finder(html`<rsp-site-finder api-base="/" show-charter></rsp-site-finder>`);
    expect(names(el)).to.deep.equal(['Relais de Gramat']);
    items(el)[0]!.click();
    await waitUntil(() => part(el, 'detail')?.textContent.includes('CAF'), 'no partner presence', { timeout: 2000 });
    const text = part(el, 'detail')!.textContent.replace(/\s+/g, ' ');
    expect(asked).to.include('/api/sites/rsp-gramat');
    expect(text).to.contain('Permanences des partenaires');
    expect(text).to.match(/CAF\s*: mardi 09:00–12:00/);
    expect(text).to.contain('Charte respectée');
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const el = await finder(html`<rsp-site-finder lang="en" src=${FIXTURE}></rsp-site-finder>`);
    expect(count(el)).to.equal('7 places found');
    expect(part(el, 'geolocate')?.textContent.trim()).to.equal('Near me');
    expect(root(el).querySelector('[part="filters"] legend')?.textContent).to.equal('Filters');
    await searchNear(el, 'Gramat');
    expect(count(el)).to.match(/^4 places found within 20 km of/);
    expect(items(el)[1]?.textContent).to.match(/\d+(\.\d)?\s+km away/);
    items(el)[0]!.click();
    await el.updateComplete;
    expect(part(el, 'detail')?.textContent).to.contain('Book an appointment');
    await expect(el).to.be.accessible();
  });

  it('warns about invalid attributes and uses the defaults; says so visibly when there is no data source', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const el = await finder(html`<rsp-site-finder src=${FIXTURE} center="north" zoom="40" radius="-3" filters="agency,colour"></rsp-site-finder>`);
      expect(warnings.some((w) => w.includes('center="north"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('zoom="40"'))).to.equal(true);
      expect(warnings.some((w) => w.includes('radius="-3"') && w.includes('20'))).to.equal(true);
      expect(warnings.some((w) => w.includes('"colour"'))).to.equal(true);
      expect(map(el).center).to.equal(undefined);
      expect(root(el).querySelector<HTMLSelectElement>('[name="agency"]')).to.not.equal(null);

      const empty = await fixture<RspSiteFinder>(html`<rsp-site-finder></rsp-site-finder>`);
      expect(warnings.some((w) => w.includes('no data source'))).to.equal(true);
      const notice = root(empty).querySelector('rsp-notice')!;
      expect(notice.getAttribute('variant')).to.equal('error');
      expect(notice.textContent).to.contain('Aucune source de données');
      await expect(empty).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('keeps the search in the page URL with url-state, and reads it back', async () => {
    const start = window.location.href;
    try {
      const el = await finder(html`<rsp-site-finder url-state src=${FIXTURE}></rsp-site-finder>`);
      await searchNear(el, 'Gramat');
      await setFilter(el, 'open-now', true);
      const url = new URL(window.location.href);
      expect(url.searchParams.get('rsp-near')).to.match(/^44\.7\d*,1\.7\d*$/);
      expect(url.searchParams.get('rsp-open')).to.equal('1');
      el.remove();
      const again = await finder(html`<rsp-site-finder url-state src=${FIXTURE}></rsp-site-finder>`);
      expect(count(again)).to.match(/à moins de 20 km de .*Gramat/);
      expect(root(again).querySelector<HTMLInputElement>('[name="open-now"]')?.checked).to.equal(true);
    } finally {
      window.history.replaceState(null, '', start);
    }
  });
});

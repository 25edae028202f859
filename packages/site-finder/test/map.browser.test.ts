import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { FinderOrigin, FinderResult } from '../src/data/types.js';
import { RspSiteMap } from '../src/map/site-map.component.js';
import type { RspMapPickEvent } from '../src/map/site-map.events.js';

RspSiteMap.define('rsp-site-map');

function result(id: string, name: string, lat: number, lon: number, commune = 'Gourdon'): FinderResult {
  return {
    site: {
      id,
      site: {
        schemaVersion: 1,
        id,
        name,
        venueKind: 'france-services',
        address: { postcode: '46300', commune },
        coordinates: { lat, lon },
        equipment: {},
        mediatorIds: [],
        stops: [],
      },
      partners: [],
      visio: false,
      appointments: false,
      services: [],
    },
    openNow: null,
  };
}

/** Five France Services of the Lot, 20 to 60 km apart. */
const lot: readonly FinderResult[] = [
  result('fs-gourdon', 'France Services de Gourdon', 44.7375, 1.3831),
  result('fs-gramat', 'France Services de Gramat', 44.7806, 1.7197, 'Gramat'),
  result('fs-figeac', 'France Services de Figeac', 44.6086, 2.0317, 'Figeac'),
  result('fs-souillac', 'France Services de Souillac', 44.8972, 1.4778, 'Souillac'),
  result('fs-cahors', 'Maison France Services de Cahors', 44.4475, 1.4419, 'Cahors'),
];
const names = lot.map((r) => r.site.site.name);

/** `count` synthetic sites spread over metropolitan France by a fixed linear congruential sequence. */
function synthetic(count: number): FinderResult[] {
  let seed = 20_260_303;
  const next = (): number => {
    seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  return Array.from({ length: count }, (_, i) =>
    result(`syn-${i}`, `Site ${i}`, 42.6 + next() * 8.4, -4.4 + next() * 12.2, 'Synthèse'),
  );
}

const shadow = (el: RspSiteMap): ShadowRoot => el.shadowRoot!;
const markerElements = (el: RspSiteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
const clusterElements = (el: RspSiteMap) => [...shadow(el).querySelectorAll<HTMLElement>('.rsp-cluster')];
const siteMarker = (el: RspSiteMap, id: string) => shadow(el).querySelector<HTMLElement>(`.rsp-site-marker[data-site-id="${id}"]`);
const countOf = (cluster: HTMLElement): number => Number((cluster.getAttribute('aria-label') ?? '').replace(/\D/g, ''));
const mapBox = (el: RspSiteMap) => shadow(el).querySelector<HTMLElement>('.leaflet-container')!;

/** The middle of an element, in the page's CSS pixels, for sendMouse. */
function middle(element: Element): [number, number] {
  const rect = element.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

describe('<rsp-site-map>', () => {
  it('shows one marker per site in view, named after the site, with French controls, even without tiles', async () => {
    // The default tile URL (OpenStreetMap) cannot be reached here: the map must still work.
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="fr" center="44.7,1.7" zoom="9" .results=${lot}></rsp-site-map>`);
    const markers = markerElements(el);
    expect(markers.map((m) => m.getAttribute('aria-label')).sort()).to.deep.equal([...names].sort());
    for (const marker of markers) {
      expect(marker.getAttribute('role')).to.equal('button');
      expect(marker.tabIndex).to.equal(0);
    }
    expect(clusterElements(el)).to.have.length(0);
    expect(mapBox(el).getAttribute('role')).to.equal('region');
    expect(mapBox(el).getAttribute('aria-label')).to.equal('Carte des lieux');
    expect(shadow(el).querySelector('.leaflet-tile-pane')).to.not.equal(null);
    expect(shadow(el).querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label')).to.equal('Zoom avant');
    expect(shadow(el).querySelector('.leaflet-control-zoom-out')?.getAttribute('aria-label')).to.equal('Zoom arrière');
    const attribution = shadow(el).querySelector('[part="attribution"]')!;
    expect(attribution.textContent.replace(/\s+/g, ' ').trim()).to.equal('© les contributeurs d’OpenStreetMap');
    expect(attribution.querySelector('a')?.getAttribute('href')).to.equal('https://www.openstreetmap.org/copyright');
    // Laid out by leaflet.css inside the shadow root: markers are placed absolutely, inside the box.
    expect(getComputedStyle(markers[0]!).position).to.equal('absolute');
    await expect(el).to.be.accessible();
  });

  it('keeps the DOM to a few hundred markers with 30,000 sites, and loses none of them in clusters', async () => {
    const many = synthetic(30_000);
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="fr" .results=${many}></rsp-site-map>`);
    const markers = markerElements(el);
    expect(markers.length).to.be.greaterThan(10).and.lessThan(300);
    const clusters = clusterElements(el);
    for (const cluster of clusters) expect(cluster.getAttribute('aria-label')).to.match(/^\d[\d\s\u202f]* lieux$/);
    const counted = clusters.reduce((sum, c) => sum + countOf(c), 0) + (markers.length - clusters.length);
    expect(counted).to.equal(30_000);

    el.center = [45.2, 1.9];
    el.zoom = 9;
    await el.updateComplete;
    expect(markerElements(el).length).to.be.greaterThan(10).and.lessThan(300);
  });

  it('names a cluster by its count, and Enter opens it and keeps the focus in the map', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="fr" .results=${lot}></rsp-site-map>`);
    const cluster = shadow(el).querySelector<HTMLElement>('.rsp-cluster[aria-label="5 lieux"]');
    expect(cluster, 'one cluster of the five Lot sites').to.not.equal(null);
    expect(cluster!.getAttribute('role')).to.equal('button');
    expect(cluster!.tabIndex).to.equal(0);
    await expect(el).to.be.accessible();

    const before = el.view!.zoom;
    cluster!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.view!.zoom > before, 'the map zooms in', { timeout: 2000 });
    await waitUntil(() => !cluster!.isConnected && markerElements(el).length > 1, 'the cluster is replaced by its parts', { timeout: 2000 });
    expect(shadow(el).activeElement?.classList.contains('leaflet-marker-icon')).to.equal(true);
  });

  it('fires rsp-map-site-select from a site marker with Enter, Space or a click, and not rsp-map-pick', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map center="44.7,1.7" zoom="9" .results=${lot}></rsp-site-map>`);
    let picks = 0;
    el.addEventListener('rsp-map-pick', () => picks++);

    siteMarker(el, 'fs-gramat')!.focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const entered = await oneEvent(el, 'rsp-map-site-select');
    expect(entered.detail).to.deep.equal({ siteId: 'fs-gramat' });
    expect(entered.composed).to.equal(true);
    expect(entered.bubbles).to.equal(true);

    siteMarker(el, 'fs-figeac')!.focus();
    setTimeout(() => void sendKeys({ press: 'Space' }));
    expect((await oneEvent(el, 'rsp-map-site-select')).detail).to.deep.equal({ siteId: 'fs-figeac' });

    const [x, y] = middle(siteMarker(el, 'fs-cahors')!);
    setTimeout(() => void sendMouse({ type: 'click', position: [x, y] }));
    expect((await oneEvent(el, 'rsp-map-site-select')).detail).to.deep.equal({ siteId: 'fs-cahors' });
    await aTimeout(50);
    expect(picks, 'a marker click is not a map click').to.equal(0);
  });

  it('highlights the selected site, opening its cluster and bringing it into view', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="fr" .results=${lot}></rsp-site-map>`);
    expect(siteMarker(el, 'fs-figeac'), 'clustered at first').to.equal(null);
    el.selectedId = 'fs-figeac';
    await waitUntil(() => siteMarker(el, 'fs-figeac')?.getAttribute('aria-current') === 'true', 'Figeac shown and selected', { timeout: 3000 });
    const selected = siteMarker(el, 'fs-figeac')!;
    expect(el.view!.zoom, 'zoomed only as far as needed to open the cluster').to.be.lessThan(12);
    expect(selected.classList.contains('rsp-selected')).to.equal(true);
    expect(shadow(el).querySelectorAll('[aria-current]')).to.have.length(1);
    const box = mapBox(el).getBoundingClientRect();
    const [x, y] = middle(selected);
    expect(x).to.be.within(box.left, box.right);
    expect(y).to.be.within(box.top, box.bottom);
    await expect(el).to.be.accessible();

    el.selectedId = 'fs-gourdon';
    await waitUntil(() => siteMarker(el, 'fs-gourdon')?.getAttribute('aria-current') === 'true', 'Gourdon selected', { timeout: 3000 });
    expect(siteMarker(el, 'fs-figeac')?.hasAttribute('aria-current') ?? false).to.equal(false);
  });

  it('fires rsp-map-pick with the point clicked on the background, and with the centre on Enter', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map center="44.7,1.7" zoom="10" .results=${[]}></rsp-site-map>`);
    const [x, y] = middle(mapBox(el));
    setTimeout(() => void sendMouse({ type: 'click', position: [x, y] }));
    const clicked: RspMapPickEvent = await oneEvent(el, 'rsp-map-pick');
    expect(clicked.detail.lat).to.be.closeTo(44.7, 0.01);
    expect(clicked.detail.lon).to.be.closeTo(1.7, 0.01);
    expect(clicked.composed).to.equal(true);

    mapBox(el).focus();
    setTimeout(() => void sendKeys({ press: 'Enter' }));
    const entered: RspMapPickEvent = await oneEvent(el, 'rsp-map-pick');
    expect(entered.detail).to.deep.equal({ lat: el.view!.lat, lon: el.view!.lon });
  });

  it('shows the search point as a distinct, unfocusable marker named in words', async () => {
    const origin: FinderOrigin = { lat: 44.79, lon: 1.6, label: 'Rocamadour', kind: 'place' };
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="fr" center="44.7,1.7" zoom="9" .results=${lot} .origin=${origin}></rsp-site-map>`);
    const marker = shadow(el).querySelector<HTMLElement>('.rsp-origin-marker')!;
    expect(marker.getAttribute('aria-label')).to.equal('Point de recherche\u00a0: Rocamadour');
    expect(marker.getAttribute('role')).to.equal('img');
    expect(marker.hasAttribute('tabindex')).to.equal(false);
    expect(marker.classList.contains('rsp-site-marker')).to.equal(false);
    await expect(el).to.be.accessible();
    el.origin = undefined;
    await el.updateComplete;
    expect(shadow(el).querySelector('.rsp-origin-marker')).to.equal(null);
  });

  it('renders hostile names, origin labels and attributions as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const results = [result('fs-x', hostile, 44.7, 1.7), ...lot];
    const origin: FinderOrigin = { lat: 44.75, lon: 1.5, label: hostile, kind: 'map' };
    const el = await fixture<RspSiteMap>(html`
      <rsp-site-map center="44.7,1.7" zoom="12" .results=${results} .origin=${origin}
        attribution=${hostile} attribution-url="javascript:alert(1)"></rsp-site-map>
    `);
    expect(siteMarker(el, 'fs-x')?.getAttribute('aria-label')).to.equal(hostile);
    expect(shadow(el).querySelector('.rsp-origin-marker')?.getAttribute('aria-label')).to.contain(hostile);
    const attribution = shadow(el).querySelector('[part="attribution"]')!;
    expect(attribution.textContent.trim()).to.equal(hostile);
    expect(attribution.querySelector('a'), 'no javascript: link').to.equal(null);
    expect(shadow(el).querySelectorAll('img:not(.leaflet-tile), [onerror]')).to.have.length(0);
    await aTimeout(20);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('speaks English with lang="en", and follows a change of language', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map lang="en" .results=${lot}></rsp-site-map>`);
    expect(clusterElements(el).map((c) => c.getAttribute('aria-label'))).to.deep.equal(['5 sites']);
    expect(mapBox(el).getAttribute('aria-label')).to.equal('Map of sites');
    expect(shadow(el).querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label')).to.equal('Zoom in');
    expect(shadow(el).querySelector('.leaflet-control-zoom-out')?.getAttribute('title')).to.equal('Zoom out');
    expect(shadow(el).querySelector('[part="attribution"]')?.textContent.replace(/\s+/g, ' ').trim()).to.equal('© OpenStreetMap contributors');
    await expect(el).to.be.accessible();

    el.lang = 'fr';
    await aTimeout(0);
    await el.updateComplete;
    expect(clusterElements(el).map((c) => c.getAttribute('aria-label'))).to.deep.equal(['5 lieux']);
    expect(shadow(el).querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label')).to.equal('Zoom avant');
  });

  it('fits the view to the results on request', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map center="44.74,1.38" zoom="13" .results=${lot}></rsp-site-map>`);
    expect(markerElements(el).map((m) => m.dataset.siteId)).to.deep.equal(['fs-gourdon']);
    el.fitToResults();
    await waitUntil(() => shadow(el).querySelectorAll('.rsp-site-marker').length === 5, 'all five sites in view', { timeout: 3000 });
  });

  it('removes the Leaflet map when disconnected and builds it again when reconnected', async () => {
    const el = await fixture<RspSiteMap>(html`<rsp-site-map center="44.7,1.7" zoom="9" .results=${lot}></rsp-site-map>`);
    const parent = el.parentElement!;
    el.remove();
    expect(shadow(el).querySelector('.leaflet-container')).to.equal(null);
    expect(el.view).to.equal(undefined);
    parent.append(el);
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('.leaflet-container')).to.have.length(1);
    expect(markerElements(el)).to.have.length(5);
    expect(el.view?.zoom).to.equal(9);
  });
});

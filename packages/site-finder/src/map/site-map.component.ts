import { html } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import type { FinderOrigin, FinderResult, FinderSite } from '../data/types.js';
import { createClusterIndex } from './clusters.js';
import type { ClusterIndex } from './clusters.js';
import { leafletStyles } from './leaflet.styles.js';
import { RspMapPickEvent, RspMapSiteSelectEvent } from './site-map.events.js';
import { siteMapMessages } from './site-map.messages.js';
import { siteMapStyles } from './site-map.styles.js';

/** A point of the map: latitude, longitude (WGS 84 decimal degrees). */
export type MapCenter = readonly [lat: number, lon: number];

/** The map's current view, as plain numbers. */
export interface MapView {
  readonly lat: number;
  readonly lon: number;
  readonly zoom: number;
}

/** OpenStreetMap's standard tiles (their usage policy asks for the attribution the map shows by default). */
export const OSM_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_COPYRIGHT_URL = 'https://www.openstreetmap.org/copyright';

/** Metropolitan France, the view when no centre is given. */
const FRANCE_BOUNDS: L.LatLngBoundsLiteral = [
  [41.3, -5.2],
  [51.1, 9.6],
];
const FRANCE_CENTER: L.LatLngTuple = [46.6, 2.4];
const MAX_ZOOM = 19;
/** The map's lowest zoom (the whole world); no clusters are computed below it. */
const MIN_ZOOM = 2;
/** Beyond this zoom every site is shown on its own (a view then spans about 3 km). */
const CLUSTER_MAX_ZOOM = 14;
/** Cluster radius in pixels: it bounds how many markers a view can hold (a few hundred at most). */
const CLUSTER_RADIUS = 64;
/** Zoom used when showing a single place. */
const PLACE_ZOOM = 15;
const SITE_ICON_SIZE = 28;
const ORIGIN_ICON_SIZE = 26;

interface ShownMarker {
  readonly marker: L.Marker;
  /** Sites in a cluster; 1 for a site. */
  readonly count: number;
  readonly site?: FinderSite;
}

const centerConverter = {
  fromAttribute(value: string | null): MapCenter | undefined {
    const parts = (value ?? '').split(',').map((part) => Number.parseFloat(part.trim()));
    const [lat, lon] = parts;
    if (parts.length !== 2 || lat === undefined || lon === undefined) return undefined;
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) return undefined;
    return [lat, lon];
  },
  toAttribute(value: MapCenter | undefined): string | null {
    return value ? `${value[0]},${value[1]}` : null;
  },
};

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/** Only web links become `href`s (never `javascript:` and the like). */
function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function clusterSize(count: number): number {
  if (count < 10) return 34;
  if (count < 100) return 40;
  if (count < 1000) return 46;
  return 54;
}

/** Whether two lists hold the same sites in the same order (same index, no re-clustering). */
function sameSites(a: readonly FinderSite[], b: readonly FinderSite[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The site finder's map: the results on a Leaflet map, grouped in clusters
 * ("12 lieux") that open with Enter, each site a button named after it, the
 * selected site highlighted, the search point shown as a diamond. Whatever the
 * number of results, only the clusters and sites of the current view are in
 * the DOM (a few hundred at most).
 *
 * Data strings (site names, the origin's label, the attribution) reach the DOM
 * as text only. Tiles that fail to load leave a plain background: markers and
 * controls keep working.
 *
 * Internal to `<rsp-site-finder>`, which registers it as `<rsp-site-map>`.
 *
 * @summary Results of the site finder on a map, clustered and keyboard reachable.
 * @tag rsp-site-map
 *
 * @fires {RspMapSiteSelectEvent} rsp-map-site-select - A site's marker was clicked or activated with Enter or Space.
 * @fires {RspMapPickEvent} rsp-map-pick - The map's background was clicked, or Enter pressed on the focused map (its centre).
 *
 * @csspart map - The Leaflet map's box.
 * @csspart attribution - The tile attribution, bottom right.
 *
 * @cssprop [--rsp-site-map-height=24rem] - Height of the map.
 * @cssprop [--rsp-site-map-radius=--rsp-radius] - Corner radius of the map.
 * @cssprop [--rsp-site-map-background=#e4e8eb] - Background shown where tiles are missing.
 * @cssprop [--rsp-site-map-marker-color=--rsp-color-primary] - Fill of a site's marker.
 * @cssprop [--rsp-site-map-selected-color=--rsp-color-text] - Ring of the selected site's marker.
 * @cssprop [--rsp-site-map-cluster-color=--rsp-color-primary] - Fill of a cluster.
 * @cssprop [--rsp-site-map-origin-color=--rsp-color-danger] - Fill of the search point.
 */
export class RspSiteMap extends RspElement {
  static override styles: CSSResultGroup = [RspElement.styles, leafletStyles, siteMapStyles];

  private readonly i18n = new LocaleController(this, siteMapMessages);

  /** The results to show; sites without coordinates are left out. */
  @property({ attribute: false }) results: readonly FinderResult[] = [];

  /** The id of the selected site: its marker is highlighted and brought into view. */
  @property({ attribute: 'selected-id' }) selectedId: string | undefined;

  /** The point the search is around, shown as a diamond. */
  @property({ attribute: false }) origin: FinderOrigin | undefined;

  /** Tile URL template (`{z}/{x}/{y}`). Defaults to OpenStreetMap's tiles. */
  @property({ attribute: 'tile-url' }) tileUrl = OSM_TILE_URL;

  /** Attribution text for the tiles, shown as text. Empty: OpenStreetMap's, with a link to its copyright page. */
  @property() attribution = '';

  /** An optional http(s) link for a custom `attribution`. */
  @property({ attribute: 'attribution-url' }) attributionUrl = '';

  /** Initial centre, `lat,lon` (attribute `center="44.6,1.7"`). Absent: metropolitan France. */
  @property({ converter: centerConverter }) center: MapCenter | undefined;

  /** Initial zoom (2–19). Absent: 12 around `center`, or the zoom that shows metropolitan France. */
  @property({ type: Number }) zoom: number | undefined;

  private map: L.Map | undefined;
  private container: HTMLDivElement | undefined;
  private tiles: L.TileLayer | undefined;
  private zoomControl: L.Control.Zoom | undefined;
  private originMarker: L.Marker | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private index: ClusterIndex | undefined;
  private indexed: readonly FinderSite[] = [];
  /** Counts the result lists indexed, to tell their clusters apart. */
  private generation = 0;
  private shown = new Map<string, ShownMarker>();
  /** Where to put the keyboard focus once the view has moved (after opening a cluster with the keyboard). */
  private pendingFocus: L.LatLng | undefined;
  /** The initial view could not be set on a map of size zero (hidden): set it when it gets a size. */
  private viewPending = false;
  private labelledLocale = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-created on reconnection; the first time, after the first render (updated()).
    if (this.hasUpdated) this.createMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyMap();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The first time (and after a reconnection), createMap() reads every property.
    if (!this.map) {
      if (this.isConnected) this.createMap();
      return;
    }
    if (changed.has('tileUrl')) this.tiles?.setUrl(this.tileUrl);
    if (changed.has('center') || changed.has('zoom')) this.setInitialView();
    if (changed.has('results')) this.loadResults();
    if (changed.has('origin')) this.showOrigin();
    if (changed.has('selectedId')) this.showSelection(true);
    if (this.labelledLocale !== this.i18n.locale) this.relabel();
  }

  /** The current view (centre and zoom), or `undefined` before the map exists. */
  get view(): MapView | undefined {
    if (!this.map) return undefined;
    const center = this.map.getCenter().wrap();
    return { lat: round6(center.lat), lon: round6(center.lng), zoom: this.map.getZoom() };
  }

  /** Moves the view to show every result (and the origin), or the initial view when there is none. */
  fitToResults(): void {
    const map = this.map;
    if (!map) return;
    let south = 90;
    let west = 180;
    let north = -90;
    let east = -180;
    let count = 0;
    const add = (lat: number, lon: number): void => {
      south = Math.min(south, lat);
      north = Math.max(north, lat);
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      count++;
    };
    for (const site of this.indexed) {
      const coordinates = site.site.coordinates;
      if (coordinates) add(coordinates.lat, coordinates.lon);
    }
    if (this.origin) add(this.origin.lat, this.origin.lon);
    if (count === 0) this.setInitialView();
    else if (south === north && west === east) map.setView([south, west], Math.max(map.getZoom(), PLACE_ZOOM));
    else map.fitBounds([[south, west], [north, east]], { padding: [32, 32], maxZoom: PLACE_ZOOM });
  }

  /** Tells the map its box changed size (the map also watches its size itself). */
  invalidateSize(): void {
    this.map?.invalidateSize();
  }

  private createMap(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('[part="map"]');
    if (!host || this.map) return;
    const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const container = document.createElement('div');
    container.className = 'leaflet-host';
    container.setAttribute('role', 'region');
    container.setAttribute('aria-describedby', 'instructions');
    host.append(container);
    this.container = container;

    const map = L.map(container, {
      zoomControl: false,
      attributionControl: false,
      keyboard: true,
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      zoomAnimation: !reducedMotion,
      fadeAnimation: !reducedMotion,
      markerZoomAnimation: !reducedMotion,
    });
    this.map = map;
    this.zoomControl = L.control.zoom({ position: 'topleft' }).addTo(map);
    // A tile that fails to load is left out (no broken image): the background shows instead.
    this.tiles = L.tileLayer(this.tileUrl, { maxZoom: MAX_ZOOM }).addTo(map);
    map.on('moveend', this.handleMoveEnd);
    map.on('click', this.handleMapClick);
    container.addEventListener('keydown', this.handleMapKeydown);

    this.setInitialView();
    this.relabel();
    this.loadResults(true);
    this.showOrigin();

    this.resizeObserver = new ResizeObserver(() => {
      map.invalidateSize({ pan: false });
      if (this.viewPending) this.setInitialView();
    });
    this.resizeObserver.observe(container);
  }

  private destroyMap(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.container?.removeEventListener('keydown', this.handleMapKeydown);
    if (this.map) {
      // Leaflet 1.9 ends a running zoom animation from a timer that reads panes remove() has
      // already deleted ("reading '_leaflet_pos'"): stop the animations and make that callback inert.
      this.map.stop();
      (this.map as unknown as { _onZoomTransitionEnd: () => void })._onZoomTransitionEnd = () => undefined;
      this.map.remove();
    }
    this.container?.remove();
    this.map = undefined;
    this.container = undefined;
    this.tiles = undefined;
    this.zoomControl = undefined;
    this.originMarker = undefined;
    this.shown.clear();
    this.pendingFocus = undefined;
    this.labelledLocale = '';
  }

  private setInitialView(): void {
    const map = this.map;
    if (!map) return;
    const size = map.getSize();
    this.viewPending = size.x === 0 || size.y === 0;
    const zoom = this.zoom !== undefined && Number.isFinite(this.zoom) ? this.zoom : undefined;
    if (this.center) map.setView([this.center[0], this.center[1]], zoom ?? 12, { animate: false });
    else if (zoom !== undefined) map.setView(FRANCE_CENTER, zoom, { animate: false });
    else if (this.viewPending) map.setView(FRANCE_CENTER, 5, { animate: false });
    else map.fitBounds(FRANCE_BOUNDS, { animate: false });
  }

  /** Indexes the results' positions when the list of sites changed (clusters are made per view, in showMarkers). */
  private loadResults(force = false): void {
    const sites: FinderSite[] = [];
    const points: { lat: number; lon: number }[] = [];
    for (const result of this.results) {
      const coordinates = result.site.site.coordinates;
      if (!coordinates) continue;
      sites.push(result.site);
      points.push(coordinates);
    }
    if (!force && this.index && sameSites(sites, this.indexed)) return;
    this.index = createClusterIndex(points, { radius: CLUSTER_RADIUS, maxZoom: CLUSTER_MAX_ZOOM });
    // Cluster keys name points by their place in the list: new list, new keys (site markers are kept).
    this.generation++;
    this.indexed = sites;
    this.showMarkers();
  }

  /** Shows the clusters and sites of the current view (with a margin), keeping the markers still there. */
  private showMarkers(): void {
    const map = this.map;
    const index = this.index;
    if (!map || !index) return;
    const bounds = map.getBounds().pad(0.25);
    const wide = bounds.getEast() - bounds.getWest() >= 360;
    const view = {
      west: wide ? -180 : L.Util.wrapNum(bounds.getWest(), [-180, 180], true),
      east: wide ? 180 : L.Util.wrapNum(bounds.getEast(), [-180, 180], true),
      south: Math.max(-85, bounds.getSouth()),
      north: Math.min(85, bounds.getNorth()),
      zoom: map.getZoom(),
    };

    const next = new Map<string, ShownMarker>();
    for (const feature of index.features(view)) {
      if (feature.kind === 'cluster') {
        const key = `c${String(this.generation)}:${feature.key}`;
        next.set(key, this.shown.get(key) ?? this.createCluster(map, feature.count, feature.bounds, L.latLng(feature.lat, feature.lon)));
        this.shown.delete(key);
      } else {
        const site = this.indexed[feature.index];
        const coordinates = site?.site.coordinates;
        if (!site || !coordinates) continue;
        const key = `s${site.id}`;
        next.set(key, this.shown.get(key) ?? this.createSiteMarker(map, site, L.latLng(coordinates.lat, coordinates.lon)));
        this.shown.delete(key);
      }
    }
    const active = this.shadowRoot?.activeElement ?? null;
    let lostFocus = false;
    for (const { marker } of this.shown.values()) {
      if (active && marker.getElement() === active) lostFocus = true;
      marker.remove();
    }
    this.shown = next;

    const target = this.pendingFocus;
    this.pendingFocus = undefined;
    if (target) this.focusNearest(target);
    else if (lostFocus) this.container?.focus({ preventScroll: true });
  }

  private createCluster(map: L.Map, count: number, bounds: readonly [number, number, number, number], latlng: L.LatLng): ShownMarker {
    const size = clusterSize(count);
    const text = document.createElement('span');
    text.setAttribute('aria-hidden', 'true');
    const marker = L.marker(latlng, {
      icon: L.divIcon({ className: 'rsp-cluster', html: text, iconSize: [size, size] }),
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('click', () => {
      this.openCluster(bounds, latlng, false);
    });
    marker.addTo(map);
    const shown: ShownMarker = { marker, count };
    this.label(shown);
    marker.getElement()?.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      event.stopPropagation();
      this.openCluster(bounds, latlng, true);
    });
    return shown;
  }

  private createSiteMarker(map: L.Map, site: FinderSite, latlng: L.LatLng): ShownMarker {
    const marker = L.marker(latlng, {
      icon: L.divIcon({ className: 'rsp-site-marker', html: false, iconSize: [SITE_ICON_SIZE, SITE_ICON_SIZE] }),
      keyboard: true,
      riseOnHover: true,
    });
    marker.on('click', () => {
      this.selectSite(site.id);
    });
    marker.addTo(map);
    const shown: ShownMarker = { marker, count: 1, site };
    const element = marker.getElement();
    if (element) {
      element.dataset.siteId = site.id;
      element.addEventListener('keydown', (event) => {
        if (event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        event.stopPropagation();
        this.selectSite(site.id);
      });
    }
    this.label(shown);
    this.highlight(shown);
    return shown;
  }

  /** Names a marker, as text: "12 lieux", or the site's name. */
  private label({ marker, count, site }: ShownMarker): void {
    const element = marker.getElement();
    if (!element) return;
    if (site) {
      element.setAttribute('aria-label', site.site.name);
      return;
    }
    element.setAttribute('aria-label', this.i18n.t('cluster', this.i18n.formatNumber(count)));
    const text = element.firstElementChild;
    if (text) text.textContent = this.i18n.formatNumber(count, { notation: 'compact' });
  }

  private highlight({ marker, site }: ShownMarker): void {
    const element = marker.getElement();
    if (!site || !element) return;
    const selected = site.id === this.selectedId;
    element.classList.toggle('rsp-selected', selected);
    if (selected) element.setAttribute('aria-current', 'true');
    else element.removeAttribute('aria-current');
    marker.setZIndexOffset(selected ? 1000 : 0);
  }

  /** Updates every text the map holds outside Lit's template to the current language. */
  private relabel(): void {
    this.labelledLocale = this.i18n.locale;
    this.container?.setAttribute('aria-label', this.i18n.t('map'));
    const control = this.zoomControl?.getContainer();
    for (const [selector, key] of [['.leaflet-control-zoom-in', 'zoomIn'], ['.leaflet-control-zoom-out', 'zoomOut']] as const) {
      const button = control?.querySelector(selector);
      button?.setAttribute('title', this.i18n.t(key));
      button?.setAttribute('aria-label', this.i18n.t(key));
    }
    for (const shown of this.shown.values()) this.label(shown);
    this.labelOrigin();
  }

  private showOrigin(): void {
    this.originMarker?.remove();
    this.originMarker = undefined;
    const origin = this.origin;
    const map = this.map;
    if (!origin || !map || !(Math.abs(origin.lat) <= 90 && Math.abs(origin.lon) <= 180)) return;
    this.originMarker = L.marker([origin.lat, origin.lon], {
      icon: L.divIcon({ className: 'rsp-origin-marker', html: document.createElement('span'), iconSize: [ORIGIN_ICON_SIZE, ORIGIN_ICON_SIZE] }),
      interactive: false,
      keyboard: false,
      zIndexOffset: 2000,
    }).addTo(map);
    this.originMarker.getElement()?.setAttribute('role', 'img');
    this.labelOrigin();
  }

  private labelOrigin(): void {
    if (this.origin) this.originMarker?.getElement()?.setAttribute('aria-label', this.i18n.t('origin', this.origin.label));
  }

  /** Highlights the selected site; with `reveal`, zooms and pans until its own marker is in view. */
  private showSelection(reveal: boolean): void {
    for (const shown of this.shown.values()) this.highlight(shown);
    const map = this.map;
    const index = this.index;
    if (!reveal || !map || !index || this.selectedId === undefined) return;
    const id = this.selectedId;
    const i = this.indexed.findIndex((site) => site.id === id);
    const coordinates = this.indexed[i]?.site.coordinates;
    if (!coordinates) return;
    const latlng = L.latLng(coordinates.lat, coordinates.lon);
    const zoom = map.getZoom();
    const needed = index.zoomAlone(i, zoom);
    if (needed > zoom) map.setView(latlng, needed);
    else if (!map.getBounds().pad(-0.1).contains(latlng)) map.panTo(latlng);
  }

  /** Zooms in on a cluster's sites: at least one level, as far as they need to be told apart. */
  private openCluster([south, west, north, east]: readonly [number, number, number, number], latlng: L.LatLng, keyboard: boolean): void {
    const map = this.map;
    if (!map) return;
    const fit = map.getBoundsZoom(L.latLngBounds([south, west], [north, east]), false, L.point(48, 48));
    const zoom = Math.min(Math.max(fit, map.getZoom() + 1), CLUSTER_MAX_ZOOM + 1, map.getMaxZoom());
    if (keyboard) this.pendingFocus = latlng;
    map.setView(L.latLng((south + north) / 2, (west + east) / 2), zoom);
  }

  /** Focuses the marker nearest to `latlng` (the markers that replaced an opened cluster). */
  private focusNearest(latlng: L.LatLng): void {
    let best: HTMLElement | undefined;
    let bestDistance = Infinity;
    for (const { marker } of this.shown.values()) {
      const distance = marker.getLatLng().distanceTo(latlng);
      const element = marker.getElement();
      if (element && distance < bestDistance) {
        best = element;
        bestDistance = distance;
      }
    }
    (best ?? this.container)?.focus({ preventScroll: true });
  }

  private selectSite(siteId: string): void {
    this.selectedId = siteId;
    this.emit(new RspMapSiteSelectEvent({ siteId }));
  }

  private readonly handleMoveEnd = (): void => {
    this.showMarkers();
  };

  private readonly handleMapClick = (event: L.LeafletMouseEvent): void => {
    const { lat, lng } = event.latlng.wrap();
    this.emit(new RspMapPickEvent({ lat: round6(lat), lon: round6(lng) }));
  };

  private readonly handleMapKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.target !== this.container || !this.map) return;
    event.preventDefault();
    const { lat, lng } = this.map.getCenter().wrap();
    this.emit(new RspMapPickEvent({ lat: round6(lat), lon: round6(lng) }));
  };

  private renderAttribution(): TemplateResult | string {
    if (this.attribution) {
      const url = webUrl(this.attributionUrl);
      return url ? html`<a href=${url}>${this.attribution}</a>` : this.attribution;
    }
    return html`${this.i18n.t('attributionBefore')}<a href=${OSM_COPYRIGHT_URL}>${this.i18n.t('attributionLink')}</a>${this.i18n.t('attributionAfter')}`;
  }

  override render(): TemplateResult {
    return html`
      <div part="map"></div>
      <p id="instructions" class="visually-hidden">${this.i18n.t('instructions')}</p>
      <p part="attribution">${this.renderAttribution()}</p>
    `;
  }
}

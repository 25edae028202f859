import { html, nothing } from 'lit';
import type { CSSResultGroup, PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { LocaleController, RspElement } from '@rsp/elements';
import type { RspNoticeActionEvent } from '@rsp/elements';
import type { SiteDetail } from '@rsp/core/client.js';
import { matchLocale } from '@rsp/core/locale.js';
import { agencyMembers, serviceMembers, isFinderDataError, loadFinderData, loadSiteDetail, readFinderUrl, writeFinderUrl } from '../data/index.js';
import type * as EngineModule from '../data/engine.js';
import type { FinderIndex, FinderSuggestion, HoursDescription } from '../data/index.js';
import type { VenueKind } from '@rsp/core/schemas.js';
import type { Geocoder } from '@rsp/core/geo.js';
import type { FinderData, FinderFilters, FinderOrigin, FinderResult, FinderSite } from '../data/types.js';
import type { MapCenter, RspSiteMap } from '../map/site-map.component.js';
import type { RspMapPickEvent, RspMapSiteSelectEvent } from '../map/site-map.events.js';
import { RspActionEvent, RspSearchEvent, RspSiteSelectEvent } from './site-finder.events.js';
import type { SiteFinderAction } from './site-finder.events.js';
import {
  DEFAULT_RADIUS_KM,
  RADIUS_CHOICES,
  mailHref,
  parseCenter,
  parseFilterNames,
  parseRadius,
  parseZoom,
  routeUrl,
  safeWebsite,
  telHref,
} from './site-finder.format.js';
import type { FinderFilterName } from './site-finder.format.js';
import { partnerMessages, siteFinderMessages, venueKindMessages } from './site-finder.messages.js';
import { siteFinderStyles } from './site-finder.styles.js';

/** How many results the list shows at first, and adds with "show more". */
const PAGE_SIZE = 25;
/** How many suggestions the search box proposes. */
const SUGGESTION_LIMIT = 8;
/** Wait this long after the last keystroke before suggesting, in milliseconds. */
const SUGGEST_DELAY_MS = 150;
/** The geocoder is asked from this many characters on (its completion needs 3). */
const GEOCODER_MIN_LENGTH = 3;
/** How many addresses the geocoder adds to the suggestions. */
const GEOCODER_LIMIT = 5;
const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';

type Status = 'idle' | 'loading' | 'ready' | 'error' | 'no-source';
type Engine = typeof EngineModule;
/** The data engine (index, hours, presence), once loaded: shared by every finder of the page. */
let engine: Engine | undefined;
let engineLoading: Promise<Engine> | undefined;

/** Loads the data engine once (a chunk of the CDN bundle); a failed load is tried again next time. */
function loadEngine(): Promise<Engine> {
  engineLoading ??= import('../data/engine.js').then(
    (module) => (engine = module),
    (error: unknown) => {
      engineLoading = undefined;
      throw error;
    },
  );
  return engineLoading;
}

/** An address found by the geocoder. */
interface AddressSuggestion {
  readonly kind: 'address';
  readonly label: string;
  readonly lat: number;
  readonly lon: number;
}
type Suggestion = FinderSuggestion | AddressSuggestion;

/** Only http(s) URLs are used as the geocoder's root (resolved against the page). */
function safeServiceUrl(value: string): string | undefined {
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

interface FilterChoices {
  readonly data: FinderData;
  readonly locale: string;
  readonly services: readonly string[];
  readonly kinds: readonly VenueKind[];
  readonly agencies: readonly FinderData['agencies'][number][];
}
type DetailState = { readonly id: string; readonly status: 'loading' | 'error' } | { readonly id: string; readonly status: 'ready'; readonly value: SiteDetail };

let instances = 0;

/**
 * Finds a public-service point near a place: a search box with suggestions,
 * "around me", filters, a list sorted by distance that is complete without
 * the map, a Leaflet map in sync with the list, and the details of a site
 * with its hours, partners, contact and actions.
 *
 * Data comes from the RSP Kit API (`api-base`) or from a static file (`src`:
 * GeoJSON, the national France Services CSV, or the médiation numérique
 * schema). Every data string is rendered as text.
 *
 * @summary Map and accessible list of public-service points near a place.
 * @tag rsp-site-finder
 *
 * @fires {RspSiteSelectEvent} rsp-site-select - A site was selected in the list or on the map; `detail` is `{ siteId, site }`.
 * @fires {RspSearchEvent} rsp-search - A search ran; `detail` is `{ origin?, filters, count }`.
 * @fires {RspActionEvent} rsp-action - "Prendre rendez-vous" (`book`) or "Appel en visio" (`visio`) was pressed; `detail` is `{ action, siteId }`. The finder does not navigate.
 *
 * @csspart base - The whole finder.
 * @csspart search - The search form (combobox, "around me" button).
 * @csspart input - The search text field (ARIA combobox).
 * @csspart listbox - The popup list of suggestions.
 * @csspart option - One suggestion; `option active` for the highlighted one.
 * @csspart geolocate - The "Autour de moi" button.
 * @csspart filters - The filters' fieldset.
 * @csspart results - The column holding the count, the list and the details.
 * @csspart count - The number of results, also announced politely to screen readers.
 * @csspart list - The list of results.
 * @csspart item - One result (`li`).
 * @csspart item-button - The button of one result, `aria-current="true"` when selected.
 * @csspart more - The "show more" button.
 * @csspart map - The map (`<rsp-site-map>`).
 * @csspart detail - The details of the open site.
 *
 * @cssprop [--rsp-site-finder-gap=--rsp-space-4] - Space between the regions.
 * @cssprop [--rsp-site-finder-map-height=28rem] - Height of the map.
 * @cssprop [--rsp-site-finder-list-max-height=32rem] - Height after which the list scrolls.
 * @cssprop [--rsp-site-finder-selected-background=--rsp-color-info-surface] - Background of the selected result.
 */
export class RspSiteFinder extends RspElement {
  static override styles: CSSResultGroup = [RspElement.styles, siteFinderStyles];

  private readonly i18n = new LocaleController(this, siteFinderMessages);

  @query('[part="input"]') private readonly input?: HTMLInputElement | null;

  /** Base URL of the RSP Kit API (`https://rsp.example.fr/`); the sites are read from `GET /api/sites`. Wins over `src`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** URL of a static file of sites: GeoJSON, the France Services CSV or a médiation numérique CSV/JSON. */
  @property() src = '';

  /** Initial centre of the map, `"lat,lon"` in degrees. Default: metropolitan France. */
  @property() center = '';

  /** Initial zoom of the map, 2 to 19. Default: 12 around `center`, or all of metropolitan France. */
  @property({ type: Number }) zoom?: number;

  /** Initial search radius in kilometres around the chosen point. Default 20. */
  @property({ type: Number }) radius?: number;

  /**
   * Which filters are shown, comma-separated among `agency`, `service`,
   * `venue-kind`, `open-now`, `visio`, `appointments`, `radius`. Absent: all;
   * empty: none.
   */
  @property() filters?: string;

  /** Tile URL template of the map. Default: OpenStreetMap's tiles. */
  @property({ attribute: 'tile-url' }) tileUrl = DEFAULT_TILE_URL;

  /** Attribution of the tiles, shown as text on the map. Empty: OpenStreetMap's, with a link to its copyright page. */
  @property() attribution = '';

  /** Keep the search (place, filters, radius, open site) in the page URL so it can be shared. */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  /**
   * Address search beyond the loaded sites: `geoplateforme` for the IGN
   * Géoplateforme's geocoding service (`https://data.geopf.fr/geocodage`), or
   * the root URL of a service with the same API. Empty: the search box
   * suggests only communes, postcodes and sites from the loaded data.
   */
  @property() geocoder = '';

  /** A geocoder of the host's own (any `Geocoder` of `@rsp/core/geo.js`); wins over the `geocoder` attribute. */
  @property({ attribute: false }) geocoderService: Geocoder | undefined;

  /** Show whether each site meets the network's charter, in its details. */
  @property({ type: Boolean, attribute: 'show-charter' }) showCharter = false;

  @state() private status: Status = 'idle';
  @state() private loadError: unknown;
  @state() private data: FinderData | undefined;
  private choices: FilterChoices | undefined;
  @state() private origin: FinderOrigin | undefined;
  @state() private criteria: FinderFilters = { radiusKm: DEFAULT_RADIUS_KM };
  @state() private results: readonly FinderResult[] = [];
  @state() private shown = PAGE_SIZE;
  @state() private selectedId: string | undefined;
  @state() private openId: string | undefined;
  @state() private detail: DetailState | undefined;
  @state() private text = '';
  @state() private suggestions: readonly Suggestion[] = [];
  @state() private expanded = false;
  @state() private activeIndex = -1;
  @state() private searchMessage = '';
  @state() private geoMessage = '';
  @state() private locating = false;

  private index: FinderIndex | undefined;
  private loading: AbortController | undefined;
  private detailLoading: AbortController | undefined;
  private membersLoading: AbortController | undefined;
  private members: { readonly key: string; readonly ids: ReadonlySet<string> } | undefined;
  private suggestTimer: ReturnType<typeof setTimeout> | undefined;
  /** The geocoder call under way (completion or search), aborted by the next one. */
  private geocoding: AbortController | undefined;
  private madeGeocoder: { readonly setting: string; readonly geocoder: Geocoder | undefined } | undefined;
  private readonly uid = `rsp-sf-${String(++instances)}`;
  private shownFilters: ReadonlySet<FinderFilterName> = parseFilterNames(undefined);
  private mapCenter: MapCenter | undefined;
  private mapZoom: number | undefined;
  /** The state read from the page URL, applied once the data is there. */
  private pendingUrlState: ReturnType<typeof readFinderUrl> | undefined;
  /** The result button to give focus back to when the details close. */
  private returnFocusTo: string | undefined;
  /** Whether a search already ran (the first one keeps the view of `center` and `zoom`). */
  private hasSearched = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.lang && !matchLocale(this.lang)) {
      console.warn(`[rsp-site-finder] lang="${this.lang}" is not supported (expected "fr" or "en"); using French.`);
    }
    if (this.urlState) this.pendingUrlState = readFinderUrl(new URL(window.location.href));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.loading?.abort();
    this.detailLoading?.abort();
    this.membersLoading?.abort();
    this.geocoding?.abort();
    clearTimeout(this.suggestTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('center')) this.mapCenter = parseCenter(this.center);
    if (changed.has('zoom')) this.mapZoom = parseZoom(this.zoom);
    if (changed.has('filters')) this.shownFilters = parseFilterNames(this.filters);
    if (changed.has('radius')) {
      const radiusKm = this.radius === undefined ? DEFAULT_RADIUS_KM : parseRadius(this.radius);
      this.criteria = { ...this.criteria, radiusKm };
      if (this.status === 'ready') this.runQuery();
    }
    if (changed.has('apiBase') || changed.has('src')) this.load();
  }

  /** Loads (or reloads) the data from `api-base` or `src`. Called by itself when they change, and by "Réessayer". */
  reload(): void {
    this.load();
  }

  /**
   * Shows sites the page already holds, without `api-base` or `src`: for pages
   * that import the SDK and built the data themselves (for example with
   * `loadFinderData`). Cancels a load under way, indexes the sites, applies the
   * search kept in the page URL (with `url-state`) and runs the search. Setting
   * `api-base` or `src` afterwards loads from there instead. Resolves once the
   * sites are indexed and listed (the first time, the finder's engine is
   * fetched first); the error state shows if that code cannot be loaded.
   */
  setData(data: FinderData): Promise<void> {
    this.loading?.abort();
    this.loading = undefined;
    return this.useData(data);
  }

  /** Takes loaded data: indexes it, applies the page URL's search and runs the query (once the engine is there). */
  private useData(data: FinderData): Promise<void> {
    this.loadError = undefined;
    this.data = data;
    if (engine) {
      this.indexData(engine, data);
      return Promise.resolve();
    }
    this.status = 'loading';
    return loadEngine().then(
      (loaded) => {
        if (this.data === data) this.indexData(loaded, data);
      },
      (error: unknown) => {
        if (this.data !== data) return;
        console.error('[rsp-site-finder] the finder could not load its code:', error);
        this.loadError = error;
        this.status = 'error';
      },
    );
  }

  private indexData(loaded: Engine, data: FinderData): void {
    this.index = loaded.createFinderIndex(data);
    this.status = 'ready';
    this.applyUrlState();
    this.runQuery();
  }

  /** Moves the search to a point (a place, the user's position, a map click) and runs it. */
  searchAround(origin: FinderOrigin): void {
    this.origin = origin;
    this.runQuery();
  }

  /** Selects a site as if it had been chosen in the list, without opening its details. */
  select(siteId: string | undefined): void {
    this.selectedId = siteId;
    const result = siteId === undefined ? undefined : this.results.find((r) => r.site.id === siteId);
    if (result) {
      this.revealInList(siteId);
      this.emit(new RspSiteSelectEvent({ siteId: result.site.id, site: result.site.site }));
    }
  }

  /**
   * Opens a site's details, as a click on it in the list does (without moving
   * the focus). Answers `false` when the loaded data has no such site, or no
   * data is loaded yet.
   */
  openSite(siteId: string): boolean {
    if (this.status !== 'ready' || !this.data?.sites.some((s) => s.id === siteId)) return false;
    this.select(siteId);
    this.openDetail(siteId, false);
    return true;
  }

  private get source(): { apiBase: string } | { src: string } | undefined {
    if (this.apiBase.trim() !== '') {
      if (this.src.trim() !== '') console.warn(`[rsp-site-finder] both api-base="${this.apiBase}" and src="${this.src}" are set; using api-base.`);
      return { apiBase: this.apiBase.trim() };
    }
    if (this.src.trim() !== '') return { src: this.src.trim() };
    return undefined;
  }

  private load(): void {
    this.loading?.abort();
    const source = this.source;
    if (!source) {
      // Data given by setData() needs no source.
      if (this.data) return;
      console.warn('[rsp-site-finder] no data source: set the api-base attribute (RSP Kit API) or src (a GeoJSON or CSV file).');
      this.status = 'no-source';
      return;
    }
    const controller = new AbortController();
    this.loading = controller;
    this.status = 'loading';
    this.loadError = undefined;
    // The engine's code comes while the data does.
    loadEngine().catch(() => undefined);
    loadFinderData({ ...source, signal: controller.signal, locale: this.i18n.locale }).then(
      (data) => {
        if (!controller.signal.aborted) void this.useData(data);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('[rsp-site-finder] the data could not be loaded:', error);
        this.loadError = error;
        this.status = 'error';
      },
    );
  }

  private applyUrlState(): void {
    const pending = this.pendingUrlState;
    this.pendingUrlState = undefined;
    if (!pending) return;
    if (pending.dropped) console.warn(`[rsp-site-finder] ignored invalid search parameters in the page URL: ${pending.dropped.join(', ')}.`);
    if (pending.origin) this.origin = pending.origin;
    if (pending.q !== undefined) this.text = pending.q;
    this.criteria = { ...this.criteria, ...pending.filters };
    if (pending.siteId !== undefined && this.data?.sites.some((s) => s.id === pending.siteId)) {
      this.selectedId = pending.siteId;
      this.openDetail(pending.siteId);
    }
  }

  private runQuery(): void {
    const index = this.index;
    if (!index) return;
    const filters: FinderFilters = this.origin ? this.criteria : withoutRadius(this.criteria);
    let members: ReadonlySet<string> | undefined;
    if (this.data?.source === 'api' && (filters.agency !== undefined || filters.service !== undefined)) {
      // API mode: who has a convention with an agency or offers a service is asked of the server.
      const key = `${filters.agency ?? ''}\u0000${filters.service ?? ''}`;
      if (this.members?.key !== key) {
        this.fetchMembers(key, filters);
        return;
      }
      members = this.members.ids;
    }
    // No search yet on a page that centres the map (a department portal): its own sites first, nearest
    // to the centre, every site still listed (no radius) and no distance shown (from no place chosen).
    const centre = this.origin ? undefined : this.mapCenter;
    this.results = centre
      ? index
          .query({ origin: { lat: centre[0], lon: centre[1], label: '', kind: 'map' }, filters }, new Date(), members)
          .map(({ site, openNow }) => ({ site, openNow }))
      : index.query(this.origin ? { origin: this.origin, filters } : { filters }, new Date(), members);
    this.shown = PAGE_SIZE;
    if (this.selectedId !== undefined && !this.results.some((r) => r.site.id === this.selectedId)) this.selectedId = undefined;
    this.emit(new RspSearchEvent({ ...(this.origin ? { origin: this.origin } : {}), filters, count: this.results.length }));
    this.syncUrl();
    if (this.origin || (this.hasSearched && !centre)) void this.fitMap();
    this.hasSearched = true;
  }

  /** Once rendered, moves the map to show the results (and the point searched around). */
  private async fitMap(): Promise<void> {
    await this.updateComplete;
    const map = this.renderRoot.querySelector<RspSiteMap>('rsp-site-map');
    if (!map) return;
    await map.updateComplete;
    map.fitToResults();
  }

  private fetchMembers(key: string, filters: FinderFilters): void {
    this.membersLoading?.abort();
    const controller = new AbortController();
    this.membersLoading = controller;
    const apiBase = this.apiBase.trim();
    const options = { signal: controller.signal, locale: this.i18n.locale };
    Promise.all([
      filters.agency === undefined ? undefined : agencyMembers(apiBase, filters.agency, options),
      filters.service === undefined ? undefined : serviceMembers(apiBase, filters.service, options),
    ]).then(
      ([agency, service]) => {
        if (controller.signal.aborted) return;
        const ids = agency && service ? new Set([...agency].filter((id) => service.has(id))) : (agency ?? service ?? new Set<string>());
        this.members = { key, ids };
        this.runQuery();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        console.error('[rsp-site-finder] the agency or service filter could not be applied:', error);
        this.loadError = error;
        this.status = 'error';
      },
    );
  }

  private syncUrl(): void {
    if (!this.urlState) return;
    const url = writeFinderUrl(new URL(window.location.href), {
      ...(this.text.trim() === '' ? {} : { q: this.text }),
      ...(this.origin ? { origin: this.origin } : {}),
      filters: this.origin ? this.criteria : withoutRadius(this.criteria),
      ...(this.openId === undefined ? {} : { siteId: this.openId }),
    });
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }

  private revealInList(siteId: string | undefined): void {
    if (siteId === undefined) return;
    const position = this.results.findIndex((r) => r.site.id === siteId);
    if (position >= this.shown) this.shown = Math.ceil((position + 1) / PAGE_SIZE) * PAGE_SIZE;
    void this.updateComplete.then(() => {
      this.itemButton(siteId)?.scrollIntoView({ block: 'nearest' });
    });
  }

  private itemButton(siteId: string): HTMLButtonElement | null {
    for (const button of this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="item-button"]')) {
      if (button.dataset.siteId === siteId) return button;
    }
    return null;
  }

  // Search box: ARIA 1.2 combobox with a listbox popup.

  private suggestNow(): void {
    clearTimeout(this.suggestTimer);
    const text = this.text.trim();
    this.suggestions = text === '' || !this.index ? [] : this.index.suggest(text, SUGGESTION_LIMIT);
    this.expanded = this.suggestions.length > 0;
    this.activeIndex = -1;
    if (text.length >= GEOCODER_MIN_LENGTH) void this.suggestAddresses(text);
  }

  /** The geocoder to use, made on first use (its code is loaded only then). */
  private async useGeocoder(): Promise<Geocoder | undefined> {
    if (this.geocoderService) return this.geocoderService;
    const setting = this.geocoder.trim();
    if (setting === '') return undefined;
    if (this.madeGeocoder?.setting === setting) return this.madeGeocoder.geocoder;
    const baseUrl = setting === 'geoplateforme' ? undefined : safeServiceUrl(setting);
    if (setting !== 'geoplateforme' && baseUrl === undefined) {
      console.warn(`[rsp-site-finder] geocoder="${setting}" is neither "geoplateforme" nor an http(s) URL; addresses are not searched.`);
      this.madeGeocoder = { setting, geocoder: undefined };
      return undefined;
    }
    const { createGeoplateformeGeocoder } = await import('@rsp/core/geo.js');
    const geocoder = createGeoplateformeGeocoder(baseUrl === undefined ? {} : { baseUrl });
    this.madeGeocoder = { setting, geocoder };
    return geocoder;
  }

  /** Adds the geocoder's addresses after the local suggestions, when the text is still the same. */
  private async suggestAddresses(text: string): Promise<void> {
    this.geocoding?.abort();
    const controller = new AbortController();
    this.geocoding = controller;
    try {
      const geocoder = await this.useGeocoder();
      if (!geocoder) return;
      const found = await geocoder.complete(text, { limit: GEOCODER_LIMIT, signal: controller.signal });
      if (controller.signal.aborted || this.text.trim() !== text) return;
      const known = new Set(this.suggestions.map((s) => s.label.toLocaleLowerCase('fr')));
      const addresses = found
        .filter((r) => !known.has(r.label.toLocaleLowerCase('fr')))
        .map((r): AddressSuggestion => ({ kind: 'address', label: r.label, lat: r.point.lat, lon: r.point.lon }));
      if (addresses.length === 0) return;
      this.suggestions = [...this.suggestions, ...addresses];
      this.expanded = this.input !== null && this.input !== undefined && this.shadowRoot?.activeElement === this.input;
    } catch (error) {
      if (controller.signal.aborted) return;
      // The local suggestions stay; say why no address is proposed only when there is nothing else.
      if (this.suggestions.length === 0 && this.text.trim() === text) this.searchMessage = this.i18n.t('geocoderError');
      console.warn('[rsp-site-finder] the address search failed:', error);
    } finally {
      if (this.geocoding === controller) this.geocoding = undefined;
    }
  }

  private handleInput(event: Event): void {
    this.text = (event.target as HTMLInputElement).value;
    this.searchMessage = '';
    clearTimeout(this.suggestTimer);
    if (this.text.trim() === '') {
      this.geocoding?.abort();
      this.suggestions = [];
      this.expanded = false;
      this.activeIndex = -1;
      return;
    }
    this.suggestTimer = setTimeout(() => {
      this.suggestNow();
    }, SUGGEST_DELAY_MS);
  }

  private handleKeydown(event: KeyboardEvent): void {
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.expanded) {
          if (this.suggestions.length === 0 || this.suggestTimer !== undefined) this.suggestNow();
          if (this.suggestions.length === 0) return;
          this.expanded = true;
          this.activeIndex = event.key === 'ArrowDown' ? 0 : this.suggestions.length - 1;
          return;
        }
        if (count === 0) return;
        if (event.key === 'ArrowDown') this.activeIndex = this.activeIndex < 0 ? 0 : (this.activeIndex + 1) % count;
        else this.activeIndex = this.activeIndex <= 0 ? count - 1 : this.activeIndex - 1;
        return;
      }
      case 'Home':
      case 'End':
        if (this.expanded && this.activeIndex >= 0 && count > 0) {
          event.preventDefault();
          this.activeIndex = event.key === 'Home' ? 0 : count - 1;
        }
        return;
      case 'Enter': {
        event.preventDefault();
        const active = this.expanded ? this.suggestions[this.activeIndex] : undefined;
        if (active) this.choose(active);
        else this.submitText();
        return;
      }
      case 'Escape':
        if (this.expanded) {
          event.preventDefault();
          this.expanded = false;
          this.activeIndex = -1;
        } else if (this.text !== '') {
          event.preventDefault();
          this.text = '';
          this.suggestions = [];
          this.searchMessage = '';
        }
        return;
      case 'Tab':
        this.expanded = false;
        this.activeIndex = -1;
        return;
      default:
    }
  }

  private handleSubmit(event: Event): void {
    event.preventDefault();
    this.submitText();
  }

  /** The text typed, without choosing a suggestion: its best suggestion, the geocoder's best address, or a message. */
  private submitText(): void {
    const text = this.text.trim();
    if (text === '') return;
    this.suggestNow();
    const best = this.suggestions[0];
    if (best) {
      this.choose(best);
      return;
    }
    this.expanded = false;
    void this.searchAddress(text);
  }

  private async searchAddress(text: string): Promise<void> {
    const noMatch = this.i18n.t('noMatch', text);
    let geocoder: Geocoder | undefined;
    try {
      geocoder = await this.useGeocoder();
    } catch (error) {
      console.warn('[rsp-site-finder] the address search failed:', error);
    }
    if (!geocoder) {
      this.searchMessage = noMatch;
      return;
    }
    this.geocoding?.abort();
    const controller = new AbortController();
    this.geocoding = controller;
    this.searchMessage = this.i18n.t('geocoding');
    try {
      const [found] = await geocoder.search(text, { limit: 1, signal: controller.signal });
      if (controller.signal.aborted || this.text.trim() !== text) return;
      if (found) this.choose({ kind: 'address', label: found.label, lat: found.point.lat, lon: found.point.lon });
      else this.searchMessage = noMatch;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.searchMessage = this.i18n.t('geocoderError');
      console.warn('[rsp-site-finder] the address search failed:', error);
    } finally {
      if (this.geocoding === controller) this.geocoding = undefined;
    }
  }

  private choose(suggestion: Suggestion): void {
    clearTimeout(this.suggestTimer);
    this.suggestTimer = undefined;
    this.geocoding?.abort();
    this.text = suggestion.label;
    this.expanded = false;
    this.activeIndex = -1;
    this.searchMessage = '';
    const site = suggestion.kind === 'address' || suggestion.siteId === undefined ? undefined : this.index?.byId(suggestion.siteId);
    this.searchAround({ lat: suggestion.lat, lon: suggestion.lon, label: site ? site.site.name : suggestion.label, kind: site ? 'site' : 'place' });
    if (site) this.select(site.id);
  }

  private handleOptionPointerDown(event: Event): void {
    // Keep the focus in the combobox while a suggestion is clicked.
    event.preventDefault();
  }

  private handleOptionClick(event: Event): void {
    const option = (event.target as Element).closest<HTMLElement>('[role="option"]');
    const position = Number(option?.dataset.index);
    const suggestion = this.suggestions[position];
    if (suggestion) this.choose(suggestion);
  }

  private clearOrigin(): void {
    this.origin = undefined;
    this.text = '';
    this.runQuery();
    this.input?.focus();
  }

  // "Autour de moi" and the map.

  private locate(): void {
    this.geoMessage = '';
    if (!('geolocation' in navigator)) {
      this.geoMessage = this.i18n.t('geoUnsupported');
      return;
    }
    this.locating = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        this.locating = false;
        this.text = '';
        this.searchAround({ lat: position.coords.latitude, lon: position.coords.longitude, label: this.i18n.t('yourPosition'), kind: 'geolocation' });
      },
      (error) => {
        this.locating = false;
        this.geoMessage = this.i18n.t(error.code === error.PERMISSION_DENIED ? 'geoDenied' : error.code === error.TIMEOUT ? 'geoTimeout' : 'geoUnavailable');
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  }

  private handleMapPick(event: RspMapPickEvent): void {
    this.text = '';
    this.geoMessage = '';
    this.searchAround({ lat: event.detail.lat, lon: event.detail.lon, label: this.i18n.t('mapPoint'), kind: 'map' });
  }

  private handleMapSelect(event: RspMapSiteSelectEvent): void {
    this.select(event.detail.siteId);
    // With a site's details open, a marker chosen on the map shows its details instead (the focus stays on the map).
    if (this.openId !== undefined && this.openId !== event.detail.siteId) this.openDetail(event.detail.siteId, false);
  }

  // Filters.

  private handleFilterChange(event: Event): void {
    const target = event.target as HTMLInputElement | HTMLSelectElement;
    const checked = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : false;
    const text = target.value === '' ? undefined : target.value;
    const c = this.criteria;
    const next: FinderFilters = {
      ...optional('agency', target.name === 'agency' ? text : c.agency),
      ...optional('service', target.name === 'service' ? text : c.service),
      ...optional('venueKind', target.name === 'venue-kind' ? (text as VenueKind | undefined) : c.venueKind),
      ...optional('openNow', target.name === 'open-now' ? checked || undefined : c.openNow),
      ...optional('visio', target.name === 'visio' ? checked || undefined : c.visio),
      ...optional('appointments', target.name === 'appointments' ? checked || undefined : c.appointments),
      ...optional('radiusKm', target.name === 'radius' ? Number(target.value) : c.radiusKm),
    };
    this.criteria = next;
    this.runQuery();
  }

  // Details.

  private handleItemClick(event: Event): void {
    const siteId = (event.currentTarget as HTMLElement).dataset.siteId;
    if (siteId === undefined) return;
    this.select(siteId);
    this.openDetail(siteId);
  }

  private openDetail(siteId: string, focus = true): void {
    this.returnFocusTo = siteId;
    this.openId = siteId;
    this.detail = undefined;
    this.detailLoading?.abort();
    const apiBase = this.apiBase.trim();
    if (apiBase !== '' && this.data?.source === 'api') {
      const controller = new AbortController();
      this.detailLoading = controller;
      this.detail = { id: siteId, status: 'loading' };
      loadSiteDetail(apiBase, siteId, { locale: this.i18n.locale, signal: controller.signal }).then(
          (value) => {
            if (!controller.signal.aborted) this.detail = { id: siteId, status: 'ready', value };
          },
          () => {
            if (!controller.signal.aborted) this.detail = { id: siteId, status: 'error' };
          },
        );
    }
    this.syncUrl();
    if (focus) {
      void this.updateComplete.then(() => {
        this.renderRoot.querySelector<HTMLElement>('[part="detail"] h3')?.focus();
      });
    }
  }

  private closeDetail(): void {
    const siteId = this.returnFocusTo;
    this.detailLoading?.abort();
    this.openId = undefined;
    this.detail = undefined;
    this.syncUrl();
    void this.updateComplete.then(() => {
      if (siteId !== undefined) this.itemButton(siteId)?.focus();
    });
  }

  private handleDetailKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.closeDetail();
    }
  }

  private act(action: SiteFinderAction, siteId: string): void {
    this.emit(new RspActionEvent({ action, siteId }));
  }

  private handleRetry(_event: RspNoticeActionEvent): void {
    this.load();
  }

  // Rendering.

  private km(value: number): string {
    return this.i18n.formatNumber(value, { maximumFractionDigits: value < 10 ? 1 : 0, minimumFractionDigits: value < 10 ? 1 : 0 });
  }

  private originLabel(origin: FinderOrigin): string {
    if (origin.kind === 'geolocation') return this.i18n.t('yourPosition');
    if (origin.kind === 'map') return this.i18n.t('mapPoint');
    return origin.label;
  }

  private countText(): string {
    if (this.status === 'loading' || this.status === 'idle') return this.i18n.t('loading');
    if (this.status !== 'ready') return '';
    const count = this.results.length;
    const n = this.i18n.formatNumber(count);
    if (!this.origin) return this.mapCenter && count > 1 ? this.i18n.t('countByCentre', n, count) : this.i18n.t('count', n, count);
    const radius = this.criteria.radiusKm;
    return radius === undefined
      ? this.i18n.t('countAround', n, count, this.originLabel(this.origin))
      : this.i18n.t('countNear', n, count, this.i18n.formatNumber(radius), this.originLabel(this.origin));
  }

  // The listbox's options are chosen with the keyboard through the combobox
  // (ARIA 1.2 pattern: focus stays in the text field); a click picks one directly.
  /* eslint-disable lit-a11y/click-events-have-key-events */
  private renderSearch(): TemplateResult {
    const listboxId = `${this.uid}-listbox`;
    const active = this.expanded ? this.suggestions[this.activeIndex] : undefined;
    return html`
      <form part="search" role="search" aria-labelledby="${this.uid}-search-heading" @submit=${this.handleSubmit}>
        <h2 id="${this.uid}-search-heading">${this.i18n.t('searchHeading')}</h2>
        <label id="${this.uid}-label" for="${this.uid}-input">${this.i18n.t('searchLabel')}</label>
        <div class="search-row">
          <div class="combobox">
            <input
              id="${this.uid}-input"
              part="input"
              type="text"
              role="combobox"
              aria-labelledby="${this.uid}-label"
              autocomplete="off"
              spellcheck="false"
              aria-autocomplete="list"
              aria-expanded=${this.expanded ? 'true' : 'false'}
              aria-controls=${listboxId}
              aria-activedescendant=${active ? `${this.uid}-option-${String(this.activeIndex)}` : nothing}
              aria-describedby="${this.uid}-search-message"
              placeholder=${this.i18n.t('searchPlaceholder')}
              .value=${this.text}
              ?disabled=${this.status !== 'ready'}
              @input=${this.handleInput}
              @keydown=${this.handleKeydown}
              @blur=${this.handleBlur}
            />
            <ul id=${listboxId} part="listbox" role="listbox" aria-label=${this.i18n.t('suggestions')} ?hidden=${!this.expanded} @mousedown=${this.handleOptionPointerDown} @click=${this.handleOptionClick}>
              ${this.expanded
                ? this.suggestions.map(
                    (s, i) => html`<li
                      id="${this.uid}-option-${String(i)}"
                      part=${i === this.activeIndex ? 'option active' : 'option'}
                      role="option"
                      aria-selected=${i === this.activeIndex ? 'true' : 'false'}
                      data-index=${i}
                    >${s.label}</li>`,
                  )
                : nothing}
            </ul>
          </div>
          <button class="primary" type="submit" ?disabled=${this.status !== 'ready'}>${this.i18n.t('searchSubmit')}</button>
          <button part="geolocate" class="secondary" type="button" ?disabled=${this.status !== 'ready' || this.locating} @click=${this.locate}>
            ${this.i18n.t('aroundMe')}
          </button>
        </div>
        <p id="${this.uid}-search-message" class="muted" role="status">${this.locating ? this.i18n.t('locating') : this.searchMessage}</p>
        ${this.geoMessage ? html`<rsp-notice variant="warning">${this.geoMessage}</rsp-notice>` : nothing}
        ${this.origin
          ? html`<p class="origin">
              <button class="link-button" type="button" @click=${this.clearOrigin}>${this.i18n.t('clearOrigin', this.originLabel(this.origin))}</button>
            </p>`
          : nothing}
      </form>
    `;
  }

  /* eslint-enable lit-a11y/click-events-have-key-events */

  private handleBlur(): void {
    this.expanded = false;
    this.activeIndex = -1;
  }

  private renderFilters(data: FinderData): TemplateResult | typeof nothing {
    const show = this.shownFilters;
    if (show.size === 0) return nothing;
    const t = this.i18n.t.bind(this.i18n);
    const c = this.criteria;
    const locale = this.i18n.locale;
    const id = (name: string) => `${this.uid}-f-${name}`;
    const { services, kinds, agencies } = this.filterChoices(data, locale);
    const radii = c.radiusKm === undefined || RADIUS_CHOICES.includes(c.radiusKm) ? RADIUS_CHOICES : [...RADIUS_CHOICES, c.radiusKm].sort((a, b) => a - b);
    const select = (name: string, label: string, current: string | undefined, options: readonly (readonly [string, string])[]) => html`
      <div class="field">
        <label for=${id(name)}>${label}</label>
        <select id=${id(name)} name=${name}>
          <option value="" ?selected=${current === undefined}>${t('any')}</option>
          ${options.map(([value, text]) => html`<option value=${value} ?selected=${current === value}>${text}</option>`)}
        </select>
      </div>
    `;
    const check = (name: string, label: string, checked: boolean | undefined) => html`
      <div class="check">
        <input id=${id(name)} type="checkbox" name=${name} .checked=${checked === true} />
        <label for=${id(name)}>${label}</label>
      </div>
    `;
    return html`
      <fieldset part="filters" @change=${this.handleFilterChange}>
        <legend>${t('filters')}</legend>
        <div class="filter-grid">
          ${show.has('agency') && agencies.length > 0 ? select('agency', t('agency'), c.agency, agencies.map((a) => [a.id, a.name] as const)) : nothing}
          ${show.has('service') && services.length > 0 ? select('service', t('service'), c.service, services.map((s) => [s, this.serviceLabel(s)] as const)) : nothing}
          ${show.has('venue-kind') ? select('venue-kind', t('venueKind'), c.venueKind, kinds.map((k) => [k, venueKindMessages[locale][k]] as const)) : nothing}
          ${show.has('open-now') ? check('open-now', t('openNow'), c.openNow) : nothing}
          ${show.has('visio') ? check('visio', t('visio'), c.visio) : nothing}
          ${show.has('appointments') ? check('appointments', t('appointments'), c.appointments) : nothing}
          ${show.has('radius')
            ? html`<div class="field">
                <label for=${id('radius')}>${t('radius')}</label>
                <select id=${id('radius')} name="radius">
                  ${radii.map((km) => html`<option value=${km} ?selected=${c.radiusKm === km}>${t('radiusKm', this.i18n.formatNumber(km))}</option>`)}
                </select>
              </div>`
            : nothing}
        </div>
      </fieldset>
    `;
  }

  /** The choices of the filters, worked out once per data set and language (not at every render: 30,000 sites). */
  private filterChoices(data: FinderData, locale: string): FilterChoices {
    const cached = this.choices;
    if (cached?.data === data && cached.locale === locale) return cached;
    const services = [...new Set(data.sites.flatMap((s) => s.services))].sort((a, b) => this.serviceLabel(a).localeCompare(this.serviceLabel(b), locale));
    const kinds = [...new Set(data.sites.map((s) => s.site.venueKind))].sort();
    const agencies = [...data.agencies].sort((a, b) => a.name.localeCompare(b.name, locale));
    this.choices = { data, locale, services, kinds, agencies };
    return this.choices;
  }

  private serviceLabel(code: string): string {
    const locale = this.i18n.locale;
    if (code === 'social') return this.i18n.t('sectorSocial');
    if (code === 'employment-training') return this.i18n.t('sectorEmployment');
    if (code === 'other') return this.i18n.t('sectorOther');
    const partners: Readonly<Record<string, string>> = partnerMessages[locale];
    return partners[code] ?? code;
  }

  private renderItem(result: FinderResult): TemplateResult {
    const { site } = result.site;
    const selected = site.id === this.selectedId;
    const state = result.openNow === null ? 'unknown' : result.openNow ? 'open' : 'closed';
    return html`
      <li part="item">
        <button part="item-button" type="button" data-site-id=${site.id} aria-current=${selected ? 'true' : nothing} @click=${this.handleItemClick}>
          <span class="name">${site.name}</span>
          <span class="meta">
            <span>${site.address.postcode} ${site.address.commune}</span>
            ${result.distanceKm === undefined ? nothing : html`<span>${this.i18n.t('distance', this.km(result.distanceKm))}</span>`}
            <span class="state ${state}">${this.i18n.t(state === 'open' ? 'openState' : state === 'closed' ? 'closedState' : 'unknownState')}</span>
          </span>
        </button>
      </li>
    `;
  }

  private renderList(): TemplateResult {
    const visible = this.results.slice(0, this.shown);
    const rest = this.results.length - visible.length;
    return html`
      ${this.results.length === 0 ? html`<rsp-notice variant="info">${this.i18n.t('noResult')}</rsp-notice>` : nothing}
      <ol part="list" aria-label=${this.i18n.t('results')} ?hidden=${this.results.length === 0}>
        ${visible.map((r) => this.renderItem(r))}
      </ol>
      ${rest > 0
        ? html`<p class="muted">${this.i18n.t('shown', this.i18n.formatNumber(visible.length), this.i18n.formatNumber(this.results.length))}</p>
            <button part="more" class="secondary" type="button" @click=${this.showMore}>
              ${this.i18n.t('showMore', this.i18n.formatNumber(Math.min(rest, PAGE_SIZE)))}
            </button>`
        : nothing}
    `;
  }

  private showMore(): void {
    const first = this.shown;
    this.shown += PAGE_SIZE;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelectorAll<HTMLButtonElement>('[part="item-button"]')[first]?.focus();
    });
  }

  private renderDetail(site: FinderSite): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const s = site.site;
    const headingId = `${this.uid}-detail-heading`;
    const now = new Date();
    const detail = this.detail?.id === site.id ? this.detail : undefined;
    if (!engine) return html``;
    const hours = engine.describeHours(s, now, this.i18n.locale);
    const website = safeWebsite(s.website);
    const mail = s.email === undefined ? undefined : mailHref(s.email);
    const equipment = [
      s.equipment.broadbandComputers ? t('computers', s.equipment.broadbandComputers) : undefined,
      s.equipment.scanner ? t('scanner') : undefined,
      s.equipment.printer ? t('printer') : undefined,
      s.equipment.visioStation ? t('visioStation') : undefined,
      s.confidentialSpace ? t('confidentialSpace') : undefined,
    ].filter((e): e is string => e !== undefined);
    const point = s.coordinates;
    return html`
      <section part="detail" role="dialog" aria-modal="false" aria-labelledby=${headingId} @keydown=${this.handleDetailKeydown}>
        <div class="detail-head">
          <h3 id=${headingId} tabindex="-1">${s.name}</h3>
          <button class="secondary" type="button" @click=${this.closeDetail}>${t('close')}</button>
        </div>
        <section>
          <h4>${t('address')}</h4>
          <address class="address">
            ${s.address.street ? html`${s.address.street}<br />` : nothing}
            ${s.address.complement ? html`${s.address.complement}<br />` : nothing}
            ${s.address.postcode} ${s.address.commune}
          </address>
          ${s.venueKind === 'itinerant' ? html`<p>${t('itinerant')}</p>` : nothing}
        </section>
        <section>
          <h4>${t('hours')}</h4>
          ${this.renderHours(hours)}
        </section>
        ${this.renderPresence(site, detail, now)}
        <section>
          <h4>${t('contact')}</h4>
          <ul>
            ${s.phone ? html`<li>${t('phone')}\u00a0: <a href=${telHref(s.phone)}>${s.phone}</a></li>` : nothing}
            ${s.email && mail ? html`<li>${t('email')}\u00a0: <a href=${mail}>${s.email}</a></li>` : nothing}
            ${website ? html`<li>${t('website')}\u00a0: <a href=${website} rel="noopener noreferrer">${website}</a></li>` : nothing}
          </ul>
        </section>
        <section>
          <h4>${t('equipment')}</h4>
          ${equipment.length > 0 ? html`<ul>${equipment.map((e) => html`<li>${e}</li>`)}</ul>` : html`<p class="muted">${t('noEquipment')}</p>`}
        </section>
        ${s.remarks ? html`<section><h4>${t('remarks')}</h4><p>${s.remarks}</p></section>` : nothing}
        ${this.showCharter ? this.renderCharter(detail) : nothing}
        ${point ? html`<p><a class="route" href=${routeUrl(point.lat, point.lon)} rel="noopener noreferrer">${t('route')}</a></p>` : nothing}
        ${site.appointments || site.visio
          ? html`<div class="actions">
              ${site.appointments ? html`<button class="primary" type="button" @click=${() => { this.act('book', site.id); }}>${t('book')}</button>` : nothing}
              ${site.visio ? html`<button class="primary" type="button" @click=${() => { this.act('visio', site.id); }}>${t('visioCall')}</button>` : nothing}
            </div>`
          : nothing}
      </section>
    `;
  }

  private renderHours(hours: HoursDescription): TemplateResult {
    return html`
      <p class="hours-summary"><strong>${hours.summary}</strong></p>
      ${hours.week.length > 0
        ? html`<ul class="week">
            ${hours.week.map((day) => html`<li aria-current=${day.today ? 'date' : nothing}><span class="day">${day.name}</span>\u00a0: ${day.text}</li>`)}
          </ul>`
        : nothing}
      ${hours.original ? html`<p class="muted">${this.i18n.t('hoursText')}\u00a0: ${hours.original}</p>` : nothing}
    `;
  }

  private renderPresence(site: FinderSite, detail: DetailState | undefined, now: Date): TemplateResult | typeof nothing {
    const t = this.i18n.t.bind(this.i18n);
    if (detail?.status === 'loading') return html`<p class="muted" role="status">${t('detailLoading')}</p>`;
    const agencies = new Map(this.data?.agencies.map((a) => [a.id, a.name]));
    const rows: { name: string; presence?: string | undefined }[] =
      detail?.status === 'ready'
        ? detail.value.conventions.map((c) => ({ name: agencies.get(c.agencyId) ?? site.partners.find((p) => p.id === c.agencyId)?.name ?? c.agencyId, presence: c.presenceHours }))
        : site.partners.map((p) => ({ name: p.name, presence: p.presenceHours }));
    const error = detail?.status === 'error' ? html`<rsp-notice variant="warning">${t('detailError')}</rsp-notice>` : nothing;
    if (rows.length === 0) return error;
    const withPresence = rows.filter((r) => r.presence !== undefined);
    const without = rows.filter((r) => r.presence === undefined);
    return html`
      ${error}
      ${withPresence.length > 0
        ? html`<section>
            <h4>${t('presence')}</h4>
            <ul>
              ${withPresence.map((r) => {
                const days = engine?.presenceDays(r.presence ?? '', now, this.i18n.intlLocale);
                const said = days === undefined ? r.presence : days.length === 0 ? t('presenceUnknown') : days.map((d) => `${d.day} ${d.ranges}${d.appointmentOnly ? ` ${t('byAppointment')}` : ''}`).join(this.i18n.locale === 'fr' ? '\u00a0; ' : '; ');
                return html`<li><strong>${r.name}</strong>\u00a0: ${said}</li>`;
              })}
            </ul>
          </section>`
        : nothing}
      ${without.length > 0
        ? html`<section>
            <h4>${t('partners')}</h4>
            <p>${new Intl.ListFormat(this.i18n.intlLocale, { type: 'conjunction' }).format(without.map((r) => r.name))}</p>
          </section>`
        : nothing}
    `;
  }

  private renderCharter(detail: DetailState | undefined): TemplateResult {
    const t = this.i18n.t.bind(this.i18n);
    const status = detail?.status === 'ready' ? detail.value.charter.status : 'unknown';
    return html`<section>
      <h4>${t('charter')}</h4>
      <p>${t(status === 'met' ? 'charterMet' : status === 'not-met' ? 'charterNotMet' : 'charterUnknown')}</p>
    </section>`;
  }

  private renderBody(): TemplateResult {
    const data = this.data;
    if (this.status === 'no-source') return html`<rsp-notice variant="error">${this.i18n.t('noSource')}</rsp-notice>`;
    if (this.status === 'error') {
      const error = this.loadError;
      const message = isFinderDataError(error) ? error.messageIn(this.i18n.locale) : this.i18n.t('loadError');
      return html`<rsp-notice variant="error" action-label=${this.i18n.t('retry')} @rsp-notice-action=${this.handleRetry}>${message}</rsp-notice>`;
    }
    const open = this.openId === undefined ? undefined : data?.sites.find((s) => s.id === this.openId);
    return html`
      ${this.status === 'ready' && data ? this.renderFilters(data) : nothing}
      <div class="layout">
        <div part="results" aria-busy=${this.status === 'ready' ? 'false' : 'true'}>
          ${open ? this.renderDetail(open) : this.status === 'ready' ? this.renderList() : nothing}
        </div>
        ${this.status === 'ready'
          ? html`<rsp-site-map
              part="map"
              exportparts="map: map-canvas, attribution: map-attribution"
              .results=${this.results}
              .selectedId=${this.selectedId}
              .origin=${this.origin}
              .tileUrl=${this.tileUrl}
              .attribution=${this.attribution}
              .center=${this.mapCenter}
              .zoom=${this.mapZoom}
              @rsp-map-site-select=${this.handleMapSelect}
              @rsp-map-pick=${this.handleMapPick}
            ></rsp-site-map>`
          : nothing}
      </div>
    `;
  }

  override render(): TemplateResult {
    return html`
      <div part="base">
        ${this.renderSearch()}
        <p part="count" role="status" aria-live="polite">${this.countText()}</p>
        ${this.renderBody()}
      </div>
    `;
  }
}

/** `{ [key]: value }`, or `{}` when the value is absent (filters never hold `undefined`). */
function optional<K extends keyof FinderFilters>(key: K, value: FinderFilters[K] | undefined): Partial<Pick<FinderFilters, K>> {
  const entry: Partial<Pick<FinderFilters, K>> = {};
  if (value !== undefined) entry[key] = value;
  return entry;
}

function withoutRadius(filters: FinderFilters): FinderFilters {
  const { radiusKm: _radius, ...rest } = filters;
  return rest;
}

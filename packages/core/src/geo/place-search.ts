import type { LatLon } from './distance.js';
import { normalizePlaceName } from './normalize.js';
import { createTypoTrie } from './typo-trie.js';
import type { TypoTrie } from './typo-trie.js';

/** What place search needs of a site: its id, name, address and, when known, coordinates. */
export interface PlaceSite {
  readonly id: string;
  readonly name: string;
  readonly address: { readonly postcode: string; readonly commune: string; readonly inseeCode?: string | undefined };
  readonly coordinates?: LatLon | undefined;
}

/** What a suggestion stands for. */
export type PlaceKind = 'commune' | 'postcode' | 'site';

/** How a suggestion matched the query, best first. */
export type PlaceMatch = 'exact' | 'prefix' | 'word' | 'typo';

/** One suggestion of {@link PlaceSearch.search}. */
export interface PlaceSuggestion {
  readonly kind: PlaceKind;
  /** What to show: "Gourdon (46)", "46300 Gourdon", or the site's name and commune. */
  readonly label: string;
  /** Centroid of the sites of that commune or postcode with coordinates, or the site's own; absent when none has any. */
  readonly point?: LatLon;
  /** The sites behind the suggestion, in input order. */
  readonly siteIds: readonly string[];
  readonly match: PlaceMatch;
  /** 1 exact, 0.8 prefix, 0.6 prefix of a later word, 0.4 / 0.3 typo (1 / 2 edits). */
  readonly score: number;
}

/** Options of {@link PlaceSearch.search}. */
export interface PlaceSearchOptions {
  /** How many suggestions at most. Default 8. */
  readonly limit?: number;
  /** Which kinds to suggest. Default all three. */
  readonly kinds?: readonly PlaceKind[];
}

/** A local, synchronous place search over a list of sites, built by {@link createPlaceSearch}. */
export interface PlaceSearch {
  /** Ranked suggestions for what the user typed; `[]` for an empty query. */
  search(query: string, options?: PlaceSearchOptions): PlaceSuggestion[];
}

interface Entry {
  readonly kind: PlaceKind;
  readonly key: string;
  readonly label: string;
  /** The search form of `label`, for the alphabetical order. */
  readonly sortForm: string;
  /** Rank of `label` in French alphabetical order among all entries. */
  order: number;
  readonly siteIds: string[];
  readonly points: LatLon[];
  point?: LatLon;
}

const SCORES: Readonly<Record<PlaceMatch, number>> = { exact: 1, prefix: 0.8, word: 0.6, typo: 0.4 };
const KIND_CODES = { commune: 0, postcode: 1, site: 2 } as const;
/** Typos are looked for in the first this many characters of a name. */
const TYPO_KEY_LENGTH = 32;
const MATCHES: readonly PlaceMatch[] = ['exact', 'prefix', 'word', 'typo', 'typo'];

/** The département of a postcode, for labels: "46", "2A"/"2B" are not derivable, so Corsica shows "20"; overseas "971"… */
function departmentOf(postcode: string): string {
  return postcode.startsWith('97') || postcode.startsWith('98') ? postcode.slice(0, 3) : postcode.slice(0, 2);
}

function wordStartsOf(key: string): number[] {
  const starts: number[] = [];
  for (let i = key.indexOf(' '); i !== -1; i = key.indexOf(' ', i + 1)) starts.push(i + 1);
  return starts;
}

function centroid(points: readonly LatLon[]): LatLon | undefined {
  if (points.length === 0) return undefined;
  let lat = 0;
  let lon = 0;
  for (const p of points) {
    lat += p.lat;
    lon += p.lon;
  }
  return { lat: lat / points.length, lon: lon / points.length };
}

/** Maximum typo edits allowed for a query of this many characters: none under 4, 1 under 8, then 2. */
function maxEdits(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Builds a place search over the sites loaded, without any network: communes (grouped by INSEE
 * code, else by name and département), postcodes and site names.
 *
 * Matching is accent-, case- and punctuation-insensitive ({@link normalizePlaceName}: "st agreve"
 * finds Saint-Agrève). A suggestion matches the query exactly, as a prefix ("Vernoux" →
 * Vernoux-en-Vivarais), as the prefix of a later word ("agreve" → Saint-Agrève), or, for queries
 * of 4 characters or more, with typos against a prefix (1 edit, 2 from 8 characters: "gourdn" →
 * Gourdon). Postcodes match digit queries by prefix ("463" → every 463xx). Ranking is
 * deterministic: match (exact > prefix > word > typo, fewer edits first), then number of sites
 * (more first), then label in alphabetical order (accents, case and punctuation ignored).
 */
export function createPlaceSearch(sites: readonly PlaceSite[]): PlaceSearch {
  const groups = new Map<string, Entry>();
  // Postcode labels name their communes: "46300 Gourdon, Le Vigan" (commune → its search form).
  const communesOf = new Map<string, Map<string, string>>();
  const entries: Entry[] = [];
  const add = (kind: PlaceKind, groupKey: string, key: string, label: string, sortForm: string, site: PlaceSite) => {
    let entry = groups.get(groupKey);
    if (!entry) {
      entry = { kind, key, label, sortForm, order: 0, siteIds: [], points: [] };
      groups.set(groupKey, entry);
      entries.push(entry);
    }
    entry.siteIds.push(site.id);
    if (site.coordinates) entry.points.push(site.coordinates);
  };
  for (const site of sites) {
    const { commune, postcode, inseeCode } = site.address;
    const communeKey = normalizePlaceName(commune);
    const dept = departmentOf(postcode);
    if (communeKey !== '') {
      add('commune', `c|${inseeCode ?? `${communeKey}|${dept}`}`, communeKey, `${commune} (${dept})`, `${communeKey} ${dept}`, site);
    }
    if (/^\d{5}$/.test(postcode)) add('postcode', `p|${postcode}`, postcode, postcode, postcode, site);
    const siteKey = normalizePlaceName(site.name);
    if (siteKey !== '') add('site', `s|${site.id}`, siteKey, `${site.name}, ${commune}`, `${siteKey} ${communeKey}`, site);
    communesOf.set(postcode, (communesOf.get(postcode) ?? new Map<string, string>()).set(commune, communeKey));
  }
  const finished: Entry[] = entries.map((e) => {
    const point = centroid(e.points);
    const label = e.kind === 'postcode' ? `${e.key} ${[...(communesOf.get(e.key) ?? [])].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).map(([name]) => name).join(', ')}` : e.label;
    return { ...e, label, order: 0, ...(point ? { point } : {}) };
  });
  // Alphabetical order once, so that ranking compares numbers: accents, case and punctuation
  // ignored (the search form of the label), then the label itself.
  [...finished.keys()]
    .sort((a, b) => {
      const fa = finished[a]?.sortForm ?? '';
      const fb = finished[b]?.sortForm ?? '';
      if (fa !== fb) return fa < fb ? -1 : 1;
      const la = finished[a]?.label ?? '';
      const lb = finished[b]?.label ?? '';
      return la < lb ? -1 : la > lb ? 1 : a - b;
    })
    .forEach((entryIndex, order) => {
      const entry = finished[entryIndex];
      if (entry) entry.order = order;
    });
  const n = finished.length;
  const kindOf = Uint8Array.from(finished, (e) => KIND_CODES[e.kind]);
  // Static part of the ranking key: more sites first, then alphabetical.
  const staticKey = Float64Array.from(finished, (e) => (99_999 - Math.min(99_999, e.siteIds.length)) * 1_000_000 + e.order);
  // Keys, and the suffixes of keys that start at a later word, each sorted: a query's prefix
  // matches and its word matches are one range of each.
  const sorted = (items: { text: string; entry: number }[]) => {
    items.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : a.entry - b.entry));
    return { texts: items.map((x) => x.text), entries: Int32Array.from(items, (x) => x.entry) };
  };
  const firsts = sorted(finished.map((e, i) => ({ text: e.key, entry: i })));
  const laters = sorted(finished.flatMap((e, i) => wordStartsOf(e.key).map((start) => ({ text: e.key.slice(start), entry: i }))));
  const named = [...finished.keys()].filter((i) => kindOf[i] !== KIND_CODES.postcode);
  // Built on the first query that looks for typos, so that creating the search stays cheap.
  let trie: TypoTrie | undefined;
  const lowerBound = (texts: readonly string[], q: string): number => {
    let lo = 0;
    let hi = texts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((texts[mid] ?? '') < q) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    search(query, options = {}) {
      const limit = Math.max(0, Math.floor(options.limit ?? 8));
      const allowed = new Uint8Array(3);
      for (const kind of options.kinds ?? ['commune', 'postcode', 'site']) allowed[KIND_CODES[kind]] = 1;
      const compact = query.replace(/\s+/g, '');
      const digits = /^\d{1,5}$/.test(compact) ? compact : undefined;
      const q = digits ?? normalizePlaceName(query);
      if (limit === 0 || q === '') return [];
      if (digits === undefined) allowed[KIND_CODES.postcode] = 0;
      else allowed[KIND_CODES.commune] = allowed[KIND_CODES.site] = 0;
      // Best rank per entry: 0 exact, 1 prefix, 2 word, 3 / 4 typo with 1 / 2 edits; 9 unmatched.
      const ranks = new Uint8Array(n).fill(9);
      const touched: number[] = [];
      const offer = (i: number, rank: number) => {
        if (allowed[kindOf[i] ?? 0] !== 1) return;
        const current = ranks[i] ?? 9;
        if (current === 9) touched.push(i);
        if (rank < current) ranks[i] = rank;
      };
      const scan = (list: { texts: readonly string[]; entries: Int32Array }, rankOf: (text: string) => number) => {
        const end = lowerBound(list.texts, `${q}\uffff`);
        for (let k = lowerBound(list.texts, q); k < end; k++) offer(list.entries[k] ?? 0, rankOf(list.texts[k] ?? ''));
      };
      scan(firsts, (text) => (text === q ? 0 : 1));
      // Word matches from 3 characters: "agr" finds Saint-Agrève, "s" does not find every "services".
      if (q.length >= 3) scan(laters, () => 2);
      // Typos rank below every other match: look for them only when there is room left.
      const edits = digits ? 0 : maxEdits(q.length);
      if (edits > 0 && touched.length < limit) {
        trie ??= createTypoTrie(named.map((i) => (finished[i]?.key ?? '').slice(0, TYPO_KEY_LENGTH)));
        trie.search(q, edits, (value, d) => {
          const i = named[value] ?? -1;
          if (d > 0 && ranks[i] === 9) offer(i, 2 + d);
        });
      }
      // The best `limit` by (rank, more sites, alphabetical), kept sorted by insertion.
      const best: { i: number; key: number }[] = [];
      for (const i of touched) {
        const k = (ranks[i] ?? 9) * 1e11 + (staticKey[i] ?? 0);
        if (best.length === limit && k >= (best[limit - 1]?.key ?? Infinity)) continue;
        let at = best.length;
        while (at > 0 && (best[at - 1]?.key ?? 0) > k) at--;
        best.splice(at, 0, { i, key: k });
        if (best.length > limit) best.pop();
      }
      const top = best.flatMap(({ i }) => {
        const entry = finished[i];
        const rank = ranks[i] ?? 9;
        return entry ? [{ entry, rank, match: MATCHES[rank] ?? 'typo' }] : [];
      });
      return top.map(({ entry, match, rank }) => ({
        kind: entry.kind,
        label: entry.label,
        ...(entry.point ? { point: entry.point } : {}),
        siteIds: [...entry.siteIds],
        match,
        score: match === 'typo' ? (rank === 3 ? 0.4 : 0.3) : SCORES[match],
      }));
    },
  };
}

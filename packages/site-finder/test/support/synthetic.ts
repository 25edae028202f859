/**
 * SYNTHETIC test data: N made-up sites spread over France, for tests and
 * benchmarks only. Every name says "synthétique" and every id starts with
 * `synthetic-`, so they can never pass for real places. Deterministic: the
 * same `n` and `seed` give the same sites.
 */
import type { Site, VenueKind } from '@rsp/core/schemas.js';
import { toFinderSite } from '../../src/data/sites.js';
import type { FinderData } from '../../src/data/types.js';

/** A small, fast, seeded generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Boxes sites are drawn in, with a weight: metropolitan France mostly, Corsica and overseas a little. */
const AREAS: readonly { readonly south: number; readonly west: number; readonly north: number; readonly east: number; readonly weight: number; readonly dept: () => string }[] = [
  { south: 43.2, west: -1.5, north: 50.9, east: 7.5, weight: 90, dept: () => '' },
  { south: 41.4, west: 8.6, north: 42.9, east: 9.5, weight: 2, dept: () => '20' },
  { south: 15.9, west: -61.8, north: 16.5, east: -61.2, weight: 2, dept: () => '971' },
  { south: -21.3, west: 55.3, north: -20.9, east: 55.8, weight: 3, dept: () => '974' },
  { south: 4.0, west: -54.0, north: 5.7, east: -52.0, weight: 3, dept: () => '973' },
];

/** Opening hours drawn from: usual patterns, appointment-only periods, holidays closed, and unknown. */
const HOURS: readonly (string | undefined)[] = [
  'Mo-Fr 09:00-12:00,14:00-17:00',
  'Mo-Fr 09:00-12:00,13:30-17:00; PH off',
  'Mo,We,Fr 08:30-12:30; Tu,Th 13:30-17:30',
  'Tu-Sa 09:00-12:00; Tu-Fr 14:00-18:00',
  'Mo-Fr 09:00-12:00, Mo-Fr 14:00-17:00 "sur rendez-vous"',
  'Mo-Th 09:00-17:00; Fr 09:00-12:00; PH off',
  'Mo 14:00-18:00; Tu-Fr 09:00-12:30,13:30-18:00; Sa 09:00-12:00',
  undefined,
];

const VENUES: readonly VenueKind[] = ['france-services', 'town-hall', 'epn', 'library', 'community-house', 'cyber-base', 'itinerant', 'other'];

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

const SYLLABLES = ['bel', 'ro', 'ma', 'lan', 'ver', 'chê', 'mont', 'gua', 'sé', 'ville', 'fon', 'tai', 'ne', 'bour', 'g', 'cas', 'tel', 'lu', 'ri', 'val', 'pré', 'aux', 'nord', 'on'];
const LINKS = ['', '', '', '-sur-', '-les-', '-en-', 'Saint-'];

/** A made-up commune name from syllables ("Belroville-sur-Ma"), for realistic search keys. */
function communeName(random: () => number): string {
  const word = (count: number) => {
    let w = '';
    for (let k = 0; k < count; k++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)] ?? '';
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const link = LINKS[Math.floor(random() * LINKS.length)] ?? '';
  if (link === 'Saint-') return `Saint-${word(2)}`;
  return link === '' ? word(2 + Math.floor(random() * 2)) : `${word(2)}${link}${word(1 + Math.floor(random() * 2))}`;
}

/** `n` synthetic sites (valid `Site` records), deterministic for a seed. */
export function syntheticSites(n: number, seed = 1): Site[] {
  const random = seededRandom(seed);
  const total = AREAS.reduce((sum, a) => sum + a.weight, 0);
  const sites: Site[] = [];
  const communes = Array.from({ length: Math.max(1, Math.ceil(n / 6)) }, () => communeName(random));
  for (let i = 1; i <= n; i++) {
    let pick = random() * total;
    const area = AREAS.find((a) => (pick -= a.weight) < 0) ?? AREAS[0]!;
    const lat = area.south + random() * (area.north - area.south);
    const lon = area.west + random() * (area.east - area.west);
    const dept = area.dept() || pad(1 + Math.floor(random() * 95), 2).replace(/^20$/, '21');
    const commune = communes[Math.floor(random() * communes.length)] ?? 'Synthétique';
    const postcode = dept.length === 3 ? `${dept}${pad(Math.floor(random() * 100), 2)}` : `${dept}${pad(Math.floor(random() * 1000), 3)}`;
    const venueKind = VENUES[Math.floor(random() * VENUES.length)] ?? 'other';
    const openingHours = HOURS[Math.floor(random() * HOURS.length)];
    const labelled = venueKind === 'france-services' || random() < 0.1;
    const visio = random() < 0.3;
    const site: Site = {
      schemaVersion: 1,
      id: `synthetic-${pad(i, 6)}`,
      name: `Espace synthétique ${String(i)} de ${commune}`,
      venueKind,
      address: { street: `${String(1 + (i % 90))} rue synthétique`, postcode, commune },
      coordinates: { lat: Math.round(lat * 1e6) / 1e6, lon: Math.round(lon * 1e6) / 1e6 },
      ...(openingHours === undefined ? {} : { openingHours }),
      appointments: random() < 0.4,
      equipment: { visioStation: visio },
      mediatorIds: [],
      ...(labelled ? { label: { kind: 'france-services' as const } } : {}),
      stops: [],
      source: { dataset: 'synthetic', row: i },
    };
    sites.push(site);
  }
  return sites;
}

/** `n` synthetic sites as the finder's data (source `geojson`, no issue), deterministic for a seed. */
export function syntheticFinderData(n: number, seed = 1): FinderData {
  return { source: 'geojson', sites: syntheticSites(n, seed).map((s) => toFinderSite(s)), agencies: [], issues: [] };
}

// Benchmark of @rsp/core/geo: nearest-10 and 20 km radius queries with the spatial index beside
// a linear scan in the same run, over the 2,845 real France Services sites and over 30,000 and
// 300,000 seeded synthetic points (metropolitan France, Corsica and overseas), and the local
// place search per keystroke. Run with
// `node --conditions=source --import tsx packages/core/bench/geo.bench.ts`.
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { createPlaceSearch, createSiteIndex, distanceKm } from '../src/geo/index.js';
import type { GeoSite, LatLon } from '../src/geo/index.js';
import { importFranceServicesCsv } from '../src/import/index.js';

const root = join(import.meta.dirname, '..', '..', '..');
const csv = readFileSync(join(root, 'data', 'france-services-2024-08-01.csv'), 'utf8');
const realSites = importFranceServicesCsv(csv).sites;

/** mulberry32: a small seeded generator, so that every run uses the same points. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** [weight, south, west, north, east]: roughly where the national list's sites are. */
const REGIONS: readonly (readonly [number, number, number, number, number])[] = [
  [0.93, 42.3, -4.8, 51.1, 8.2], // metropolitan France
  [0.01, 41.35, 8.5, 43.05, 9.6], // Corsica
  [0.012, 15.8, -61.85, 16.55, -61.0], // Guadeloupe
  [0.012, 14.38, -61.25, 14.9, -60.8], // Martinique
  [0.012, 2.1, -54.6, 5.8, -51.6], // Guyane
  [0.016, -21.4, 55.2, -20.85, 55.85], // La Réunion
  [0.008, -13.0, 45.0, -12.6, 45.3], // Mayotte
];

function randomPoint(rand: () => number): LatLon {
  let r = rand();
  for (const [weight, south, west, north, east] of REGIONS) {
    if (r < weight) return { lat: south + rand() * (north - south), lon: west + rand() * (east - west) };
    r -= weight;
  }
  return { lat: 42.3 + rand() * 8.8, lon: -4.8 + rand() * 13 };
}

const synthetic = (n: number, seed: number): GeoSite[] => {
  const rand = random(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `p${String(i)}`, coordinates: randomPoint(rand) }));
};

/** Time per call in µs of `fn` over `queries`: the median of `passes` passes, after a warm-up pass. */
function perQuery<Q>(queries: readonly Q[], fn: (q: Q) => unknown, passes = 5): number {
  let sink = 0;
  for (const q of queries) sink += Number(Boolean(fn(q)));
  const times: number[] = [];
  for (let p = 0; p < passes; p++) {
    const start = performance.now();
    for (const q of queries) sink += Number(Boolean(fn(q)));
    times.push(((performance.now() - start) * 1000) / queries.length);
  }
  if (sink < 0) console.log(sink);
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Linear scan: the k nearest by insertion into a sorted array, as a hand-written loop would. */
function scanNearest(sites: readonly GeoSite[], from: LatLon, k: number): GeoSite[] {
  const best: { site: GeoSite; d: number }[] = [];
  for (const site of sites) {
    if (!site.coordinates) continue;
    const d = distanceKm(from, site.coordinates);
    if (best.length === k && d >= (best[k - 1]?.d ?? Infinity)) continue;
    let i = best.length;
    while (i > 0 && (best[i - 1]?.d ?? 0) > d) i--;
    best.splice(i, 0, { site, d });
    if (best.length > k) best.pop();
  }
  return best.map((b) => b.site);
}
const scanWithin = (sites: readonly GeoSite[], from: LatLon, km: number) => sites.filter((s) => s.coordinates && distanceKm(from, s.coordinates) <= km);

const rows: [string, string, string][] = [];
const us = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} ms` : `${v.toFixed(1)} µs`);

for (const [label, sites] of [
  ['2,845 real sites', realSites],
  ['30,000 synthetic', synthetic(30_000, 1)],
  ['300,000 synthetic', synthetic(300_000, 2)],
] as const) {
  const start = performance.now();
  const index = createSiteIndex(sites);
  const build = performance.now() - start;
  rows.push([`build index, ${label}`, `${(build).toFixed(1)} ms`, `${String(index.size)} indexed, ${String(index.skipped)} without coordinates`]);
  const rand = random(42);
  const queries = Array.from({ length: 2000 }, () => randomPoint(rand));
  const scanQueries = queries.slice(0, sites.length > 100_000 ? 40 : 400);
  for (const [what, indexed, scan] of [
    ['nearest 10', (q: LatLon) => index.nearest(q, { limit: 10 }), (q: LatLon) => scanNearest(sites, q, 10)],
    ['within 20 km', (q: LatLon) => index.within(q, 20), (q: LatLon) => scanWithin(sites, q, 20)],
  ] as const) {
    const fast = perQuery(queries, indexed);
    const slow = perQuery(scanQueries, scan, 3);
    const mean = queries.reduce((sum, q) => sum + indexed(q).length, 0) / queries.length;
    rows.push([`${what}, ${label}`, us(fast), `linear scan ${us(slow)}: ${(slow / fast).toFixed(0)}× faster (${mean.toFixed(1)} sites per answer)`]);
  }
}

const placesStart = performance.now();
const places = createPlaceSearch(realSites);
rows.push(['build place search, 2,845 real sites', `${(performance.now() - placesStart).toFixed(1)} ms`, '']);
const typed = ['st agreve', 'vernoux', 'gourdn', 'saint-denis', 'pointe a pitre', 'france services', 'mediatheque', 'ajaccio', 'chateauneuf', 'lons le saunier'];
const keystrokes = typed.flatMap((word) => Array.from({ length: word.length }, (_, i) => word.slice(0, i + 1)));
const postcodes = ['0', '07', '072', '0724', '07240', '4', '46', '463', '4630', '46300', '97', '974', '9741'];
const perKeystroke = perQuery(keystrokes, (q) => places.search(q, { limit: 8 }));
const perPostcode = perQuery(postcodes, (q) => places.search(q, { limit: 8 }));
let worst = 0;
let worstQuery = '';
for (const q of keystrokes) {
  const t = performance.now();
  for (let i = 0; i < 20; i++) places.search(q, { limit: 8 });
  const each = ((performance.now() - t) * 1000) / 20;
  if (each > worst) [worst, worstQuery] = [each, q];
}
rows.push(['place search, per keystroke (names)', us(perKeystroke), `${String(keystrokes.length)} prefixes of ${String(typed.length)} names; slowest "${worstQuery}" ${us(worst)}`]);
rows.push(['place search, per keystroke (postcodes)', us(perPostcode), `${String(postcodes.length)} prefixes`]);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`@rsp/core geo benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu} (${String(cpus().length)} cores)\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, time, note] of rows) console.log(`${what.padEnd(width)}  ${time.padStart(10)}  ${note}`);

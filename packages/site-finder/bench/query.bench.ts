// Filter changes of the site finder's data layer, at the national list's 2,845 real sites and at
// 30,000 synthetic ones (targets of issue 6: under 16 ms and 50 ms). `pnpm bench query`.
import { readFileSync } from 'node:fs';
import { importFranceServicesCsv } from '@rsp/core/import.js';
import { createFinderIndex, toFinderSite } from '../src/data/index.js';
import type { FinderData, FinderQuery } from '../src/data/index.js';
import { syntheticFinderData } from '../test/support/synthetic.js';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Times a sequence of filter changes (after one warm-up pass); returns the median and max in ms. */
function timeFilterChanges(data: FinderData, label: string): { median: number; max: number } {
  const t0 = performance.now();
  const idx = createFinderIndex(data);
  const build = performance.now() - t0;
  const now = new Date('2026-01-06T09:00:00Z');
  const origin = { lat: 45.76, lon: 4.84, label: 'Lyon', kind: 'place' } as const;
  const queries: FinderQuery[] = [
    { filters: {} },
    { filters: { openNow: true } },
    { filters: { openNow: true, service: 'cnaf' } },
    { filters: { venueKind: 'france-services' } },
    { origin, filters: {} },
    { origin, filters: { openNow: true } },
    { origin, filters: { radiusKm: 50 } },
    { origin, filters: { radiusKm: 20, visio: true } },
    { origin, filters: { appointments: true } },
  ];
  const t1 = performance.now();
  for (const q of queries) idx.query(q, now);
  const first = performance.now() - t1;
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const q of queries) {
      const t = performance.now();
      idx.query(q, now);
      times.push(performance.now() - t);
    }
  }
  const result = { median: median(times), max: Math.max(...times) };
  console.log(
    `${label}: ${String(data.sites.length)} sites, index ${build.toFixed(1)} ms, first pass of ${String(queries.length)} queries ${first.toFixed(1)} ms, ` +
      `filter change median ${result.median.toFixed(2)} ms, max ${result.max.toFixed(2)} ms`,
  );
  return result;
}


const csv = readFileSync(new URL('../../../data/france-services-2024-08-01.csv', import.meta.url), 'utf8');
const national = importFranceServicesCsv(csv).sites;
timeFilterChanges({ source: 'france-services-csv', sites: national.map((s) => toFinderSite(s)), agencies: [], issues: [] }, 'national list');
timeFilterChanges(syntheticFinderData(30_000, 7), 'synthetic');

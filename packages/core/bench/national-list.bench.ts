// Benchmark of @rsp/core on the real national list: import the 2,845 France
// Services sites, audit them under both charters, parse every hours string of
// the 2024 list (and of the 2020 GeoJSON when ../shared has it), and ask
// is-open-at of every site. Run with `pnpm bench`; record the figures in
// docs/performance.md with the machine and the date.
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { auditNetwork, franceServices2019, rsp2006 } from '../src/charter/index.js';
import { isOpenAt, parseOpeningHours } from '../src/hours/index.js';
import { frenchHoursToOsm, importFranceServicesCsv } from '../src/import/index.js';
import { measure } from './measure.js';

const root = join(import.meta.dirname, '..', '..', '..');
const csv = readFileSync(join(root, 'data', 'france-services-2024-08-01.csv'), 'utf8');
const geojsonPath = join(root, '..', 'shared', 'data', 'france-services-2020-10.geojson');


const reference = new Date('2026-01-05T11:00:00Z');
const rows: [string, string, string][] = [];
const add = (what: string, ms: number, note: string) => rows.push([what, `${ms.toFixed(1)} ms`, note]);

const imported = measure(() => importFranceServicesCsv(csv));
const sites = imported.result.sites;
add('import the 2024 national list (CSV)', imported.ms, `${String(sites.length)} sites, ${String(imported.result.issues.length)} issues`);

for (const profile of [rsp2006, franceServices2019]) {
  const audit = measure(() => auditNetwork(sites, profile, { referenceDate: reference }));
  add(`audit, ${profile.id}`, audit.ms, `met ${String(audit.result.met)}, not met ${String(audit.result.notMet)}, unknown ${String(audit.result.unknown)}`);
}
const both = measure(() => {
  const result = importFranceServicesCsv(csv);
  return auditNetwork(result.sites, rsp2006, { referenceDate: reference });
});
add('import + audit (rsp-2006), end to end', both.ms, 'the target: well under 1 s');

const osmStrings = sites.flatMap((s) => (s.openingHours ? [s.openingHours] : []));
const parsedAll = measure(() => osmStrings.map((text) => parseOpeningHours(text)));
add('parse every OSM hours string of the 2024 list', parsedAll.ms, `${String(osmStrings.length)} strings`);

if (existsSync(geojsonPath)) {
  const features = (JSON.parse(readFileSync(geojsonPath, 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features;
  const cells = features.flatMap((f) => ['h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi'].map((k) => f.properties[k]).filter((v): v is string => typeof v === 'string' && v.trim() !== ''));
  const french = measure(() => cells.map((text) => frenchHoursToOsm(text)));
  const full = french.result.filter((r) => r.status === 'full' || r.status === 'closed').length;
  add('read every French hours cell of the 2020 GeoJSON', french.ms, `${String(cells.length)} cells, ${String(full)} fully converted`);
} else {
  add('read every French hours cell of the 2020 GeoJSON', Number.NaN, 'skipped: ../shared/data is not beside this clone');
}

const hours = parsedAll.result;
const instant = new Date('2026-03-03T09:30:00+01:00');
const open = measure(() => hours.filter((oh) => isOpenAt(oh, instant)).length, 25);
add('is-open-at for every site (parsed hours)', open.ms, `${String(open.result)} of ${String(hours.length)} open on Tue 3 Mar 2026 09:30`);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`@rsp/core national-list benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu} (${String(cpus().length)} cores)\n`);
const width = Math.max(...rows.map((r) => r[0].length));
for (const [what, ms, note] of rows) console.log(`${what.padEnd(width)}  ${ms.padStart(10)}  ${note}`);

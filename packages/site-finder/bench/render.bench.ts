// Render benchmark of <rsp-site-finder> in headless Chromium (issue 6): the time from "data available"
// (`el.setData(data)`) to the first list and map on screen, and the time of a filter change, with the
// 2,845 real France Services sites of the national list (data/france-services-2024-08-01.csv, read in
// the page with `loadFinderData`, not timed) and with 30,000 SYNTHETIC sites (`syntheticFinderData`,
// built here and shipped as JSON, not timed). Targets: first render < 200 ms and filter change < 16 ms
// at 2,845; < 500 ms and < 50 ms at 30,000.
//
// The page is served by the real RSP Kit server (`startServer`, no database) under its strict
// Content-Security-Policy, and loads the minified CDN bundle (production Lit). Needs the build of
// @rsp/site-finder (packages/site-finder/dist/cdn/rsp-site-finder.min.js).
//
//   pnpm bench render        (BENCH_RUNS=5 fresh pages per data set, BENCH_TOGGLES=10 filter changes per page)
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { syntheticFinderData } from '../test/support/synthetic.js';

const root = join(import.meta.dirname, '..', '..', '..');
// BENCH_DIST: another build of the package to measure (default: this package's dist).
const dist = process.env.BENCH_DIST ?? join(root, 'packages', 'site-finder', 'dist');
const bundle = join(dist, 'cdn', 'rsp-site-finder.min.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const toggles = Number(process.env.BENCH_TOGGLES ?? 10);

if (!existsSync(bundle)) throw new Error(`The render benchmark needs the CDN bundle ${bundle}: build @rsp/site-finder first.`);

// The server and the Chromium helper are outside this package's sources: loaded at run time.
interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}
const { startServer } = (await import(pathToFileURL(join(root, 'packages', 'server', 'src', 'start.ts')).href)) as {
  startServer: (options: { port: number; mounts: readonly { prefix: string; root: string }[] }) => Promise<RunningServer>;
};
const { chromiumArgs, ensureChromium } = (await import(pathToFileURL(join(root, 'scripts', 'chromium.mjs')).href)) as {
  chromiumArgs: string[];
  ensureChromium: () => string;
};

// The page: an external module script only (the server's policy allows no inline script).
const PAGE_SCRIPT = String.raw`
import { loadFinderData, loadFinderEngine } from '/npm/@rsp/site-finder/dist/cdn/rsp-site-finder.min.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));

function parts(el) {
  const map = el.shadowRoot?.querySelector('rsp-site-map');
  return {
    items: el.shadowRoot?.querySelectorAll('[part="item"]').length ?? 0,
    markers: map?.shadowRoot?.querySelectorAll('.rsp-site-marker, .rsp-cluster').length ?? 0,
    map,
  };
}

async function dataFor(kind) {
  if (kind === 'national') return loadFinderData({ src: '/france-services.csv' });
  const response = await fetch('/synthetic.json');
  return response.json();
}

window.renderBench = async (kind, toggles) => {
  const data = await dataFor(kind);
  const el = document.createElement('rsp-site-finder');
  el.setAttribute('tile-url', '/no-tiles/{z}/{x}/{y}.png');
  document.body.append(el);
  await el.updateComplete; // no source yet: the finder waits for setData()
  await frame();

  // First render: from "data available" to the list's items and the map's markers in the shadow DOM, plus two frames.
  const t0 = performance.now();
  el.setData(data);
  const tSet = performance.now();
  await el.updateComplete;
  const tFinder = performance.now();
  let p = parts(el);
  if (p.map) await p.map.updateComplete;
  const tMap = performance.now();
  p = parts(el);
  while (p.items === 0 || p.markers === 0) {
    if (performance.now() - t0 > 10000) throw new Error('no list or no markers after 10 s');
    await frame();
    p = parts(el);
  }
  const tShown = performance.now();
  await frame();
  await frame();
  const t1 = performance.now();
  const first = {
    total: t1 - t0,
    setData: tSet - t0,
    finderUpdate: tFinder - t0,
    mapUpdate: tMap - t0,
    shown: tShown - t0,
    sites: data.sites.length,
    results: el.shadowRoot.querySelector('[part="count"]')?.textContent.trim() ?? '',
    items: p.items,
    markers: p.markers,
  };

  // Filter changes, as a user does them: a click on "open now", and a choice in the venue-kind select.
  // "work": from the input event to the list, the count and the map's markers updated (both
  // elements' updateComplete, the map's view fitted to the new results). "frame": until the next
  // animation frame after that, which adds the wait for the display's next frame (0 to 16.7 ms).
  const works = [];
  async function timeChange(act) {
    const t = performance.now();
    act();
    await el.updateComplete;
    await parts(el).map?.updateComplete;
    works.push(performance.now() - t);
    await frame();
    return performance.now() - t;
  }
  const openNow = [];
  const counts = new Set();
  for (let i = 0; i < toggles; i++) {
    const box = el.shadowRoot.querySelector('input[name="open-now"]');
    openNow.push(await timeChange(() => box.click()));
    counts.add(el.shadowRoot.querySelector('[part="count"]')?.textContent.trim());
  }
  const venueKind = [];
  const select = el.shadowRoot.querySelector('select[name="venue-kind"]');
  const kinds = [...select.options].map((o) => o.value).filter((v) => v !== '');
  for (let i = 0; i < toggles; i++) {
    const value = i % 2 === 0 ? kinds[0] : '';
    venueKind.push(
      await timeChange(() => {
        select.value = value;
        select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    );
    counts.add(el.shadowRoot.querySelector('[part="count"]')?.textContent.trim());
  }
  el.remove();
  // For the breakdown only, after the timed part (warm code): the data layer alone, as setData() runs it.
  const { createFinderIndex } = await loadFinderEngine();
  const ti = performance.now();
  const index = createFinderIndex(data);
  const tq = performance.now();
  index.query({ filters: {} }, new Date());
  const warm = { index: tq - ti, query: performance.now() - tq };
  return { warm, first, openNow, venueKind, openNowWork: works.slice(0, toggles), venueKindWork: works.slice(toggles), counts: [...counts], venueKindChoice: kinds[0] };
};
document.documentElement.dataset.ready = 'true';
`;

const PAGE_HTML = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Banc d'essai : rendu de rsp-site-finder</title>
<script type="module" src="/bench.js"></script>
</head>
<body>
<h1>Banc d'essai</h1>
</body>
</html>
`;

interface FirstRender {
  total: number;
  setData: number;
  finderUpdate: number;
  mapUpdate: number;
  shown: number;
  sites: number;
  results: string;
  items: number;
  markers: number;
}
interface PageResult {
  warm: { index: number; query: number };
  first: FirstRender;
  openNow: number[];
  venueKind: number[];
  openNowWork: number[];
  venueKindWork: number[];
  counts: string[];
  venueKindChoice: string;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
const ms = (value: number): string => `${value.toFixed(1)} ms`;

const folder = mkdtempSync(join(tmpdir(), 'rsp-render-bench-'));
let server: RunningServer | undefined;
let browser: Browser | undefined;
try {
  writeFileSync(join(folder, 'index.html'), PAGE_HTML);
  writeFileSync(join(folder, 'bench.js'), PAGE_SCRIPT);
  copyFileSync(join(root, 'data', 'france-services-2024-08-01.csv'), join(folder, 'france-services.csv'));
  writeFileSync(join(folder, 'synthetic.json'), JSON.stringify(syntheticFinderData(30_000, 7)));

  server = await startServer({
    port: 0,
    mounts: [
      { prefix: '/npm/@rsp/site-finder/dist/', root: dist },
      { prefix: '/', root: folder },
    ],
  });
  browser = await puppeteer.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
  const chromium = await browser.version();

  const datasets = [
    { kind: 'national', label: 'national list (real)', firstTarget: 200, changeTarget: 16 },
    { kind: 'synthetic', label: '30,000 synthetic', firstTarget: 500, changeTarget: 50 },
  ] as const;
  const consoleLines: string[] = [];
  const summary: string[] = [];
  for (const dataset of datasets) {
    const results: PageResult[] = [];
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      page.on('console', (message) => {
        consoleLines.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => {
        consoleLines.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`);
      });
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && customElements.get('rsp-site-finder') !== undefined);
      const result = await page.evaluate(
        (kind, count) => (window as unknown as { renderBench(kind: string, toggles: number): Promise<PageResult> }).renderBench(kind, count),
        dataset.kind,
        toggles,
      );
      results.push(result);
      await page.close();
    }
    const firsts = results.map((r) => r.first.total);
    const openNow = results.flatMap((r) => r.openNow);
    const venueKind = results.flatMap((r) => r.venueKind);
    const openNowWork = results.flatMap((r) => r.openNowWork);
    const venueKindWork = results.flatMap((r) => r.venueKindWork);
    const sample = results[0]?.first;
    console.log(`\n${dataset.label}: ${String(sample?.sites)} sites, ${String(runs)} fresh pages`);
    for (const [i, r] of results.entries()) {
      const f = r.first;
      console.log(
        `  page ${String(i + 1)}: first render ${ms(f.total)} (setData ${ms(f.setData)}, finder update ${ms(f.finderUpdate)}, map update ${ms(f.mapUpdate)}, ` +
          `list+markers in DOM ${ms(f.shown)}; ${String(f.items)} items, ${String(f.markers)} markers, "${f.results}"); ` +
          `open-now work ${r.openNowWork.map((v) => v.toFixed(1)).join(' ')}; venue-kind (${r.venueKindChoice}) work ${r.venueKindWork.map((v) => v.toFixed(1)).join(' ')}; ` +
          `afterwards, warm: index ${ms(r.warm.index)}, query ${ms(r.warm.query)}`,
      );
    }
    const row = (name: string, values: readonly number[], target: number): string =>
      `| ${dataset.label} | ${name} | ${String(values.length)} | ${ms(median(values))} | ${ms(Math.max(...values))} | < ${String(target)} ms | ${Math.max(...values) < target ? 'yes' : median(values) < target ? 'median only' : 'no'} |`;
    summary.push(
      row('first render (setData → list + markers + 2 frames)', firsts, dataset.firstTarget),
      row('filter change: "open now" click, work', openNowWork, dataset.changeTarget),
      row('filter change: "open now" click, to next frame', openNow, dataset.changeTarget),
      row('filter change: venue-kind select, work', venueKindWork, dataset.changeTarget),
      row('filter change: venue-kind select, to next frame', venueKind, dataset.changeTarget),
    );
    console.log(`  result counts seen: ${[...new Set(results.flatMap((r) => r.counts))].join(' | ')}`);
  }

  const devMode = consoleLines.some((line) => line.includes('Lit is in dev mode'));
  const cpu = cpus()[0]?.model ?? 'unknown';
  const load = loadavg().map((v) => v.toFixed(2)).join(' ');
  console.log(
    [
      '',
      `Machine: ${String(availableParallelism())} CPUs (${cpu}), Node ${process.version}, ${chromium} headless, ${new Date().toISOString()}, load average ${load}`,
      `Lit dev mode warning in the console: ${devMode ? 'YES (not the production build!)' : 'no (production build)'}`,
      '',
      '| Data | Measure | Samples | Median | Max | Target | Met |',
      '|---|---|---|---|---|---|---|',
      ...summary,
    ].join('\n'),
  );
  const others = [...new Set(consoleLines.filter((line) => !line.startsWith('log:')))];
  if (others.length) console.log(`\nConsole (distinct lines):\n${others.map((l) => `  ${l}`).join('\n')}`);
  if (devMode) process.exitCode = 1;
} finally {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
}

// Call benchmark of the visio-guichet (issue 9), in headless Chromium with its fake camera and
// microphone: the time from the agent's "admit" to the first remote video frame on each side
// (`requestVideoFrameCallback`), and the throughput of a 5 MB document sent by the citizen over the
// data channel (chunked, back-pressure, SHA-256 on both sides), over loopback.
//
// Both elements are in one page (two peers, each with its own RTCPeerConnections), served by the
// REAL RSP Kit server under its strict Content-Security-Policy, with its REAL PeerJS signalling server
// (same set-up as the browser tests: packages/video-counter/test/support/server.mjs). The page loads
// the minified CDN bundle (production Lit and PeerJS). Needs the build of @rsp/video-counter
// (packages/video-counter/dist/cdn/rsp-video-counter.min.js) and of @rsp/server.
//
//   node scripts/bench.mjs call        (BENCH_RUNS=5 fresh pages)
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';

const root = join(import.meta.dirname, '..', '..', '..');
const dist = join(root, 'packages', 'video-counter', 'dist');
const bundle = join(dist, 'cdn', 'rsp-video-counter.min.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SIZE = 5_000_000;

if (!existsSync(bundle)) throw new Error(`The call benchmark needs the CDN bundle ${bundle}: build @rsp/video-counter first.`);

interface VideoSetup {
  readonly url: string;
  readonly api: { close(): Promise<void> };
  readonly db: { exec(sql: string): Promise<unknown>; close(): Promise<void> };
  readonly server: { createToken(db: unknown, request: { role: string; agencyId: string }): Promise<{ token: string }> };
}
const { startVideoServer } = (await import(pathToFileURL(join(root, 'packages', 'video-counter', 'test', 'support', 'server.mjs')).href)) as {
  startVideoServer: (origins: string[], mounts: { prefix: string; root: string }[]) => Promise<VideoSetup>;
};
const { chromiumArgs, ensureChromium } = (await import(pathToFileURL(join(root, 'scripts', 'chromium.mjs')).href)) as {
  chromiumArgs: string[];
  ensureChromium: () => string;
};

// The page: an external module script only (the server's policy allows no inline script).
const PAGE_SCRIPT = String.raw`
import '/npm/@rsp/video-counter/dist/cdn/rsp-video-counter.min.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check, what, timeout = 20000) {
  const start = performance.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (performance.now() - start > timeout) throw new Error('timed out: ' + what);
    await sleep(5);
  }
}
const q = (el, s) => el.shadowRoot.querySelector(s);
const button = (el, text) => until(() => [...el.shadowRoot.querySelectorAll('button')].find((b) => b.textContent.trim() === text && !b.disabled), 'button ' + text);
const step = (el, name) => until(() => q(el, '[part~="base"]')?.dataset.step === name, 'step ' + name);

/** Resolves with the time of the first frame presented by the element's remote video. */
function firstFrame(el) {
  return new Promise((resolve) => {
    const watch = () => {
      const video = q(el, 'video[data-remote]');
      if (!video) return setTimeout(watch, 2);
      video.requestVideoFrameCallback(() => resolve(performance.now()));
    };
    watch();
  });
}

window.callBench = async (token, size) => {
  const desk = document.createElement('rsp-video-desk');
  desk.setAttribute('api-base', '/');
  desk.setAttribute('agency-id', 'caf');
  desk.setAttribute('poll-seconds', '1');
  desk.token = token;
  const counter = document.createElement('rsp-video-counter');
  counter.setAttribute('api-base', '/');
  counter.setAttribute('site-id', 'lot-gramat');
  counter.setAttribute('agency-id', 'caf');
  counter.setAttribute('poll-seconds', '1');
  document.body.append(desk, counter);
  (await button(desk, 'Vérifier la caméra et le micro')).click();
  (await button(desk, 'Ouvrir mon poste')).click();
  await step(desk, 'queue');
  (await button(counter, 'Vérifier la caméra et le micro')).click();
  (await button(counter, 'Rejoindre la file d’attente')).click();
  await step(counter, 'queue');
  const admit = await button(desk, 'Prendre l’appel suivant');

  const started = new Promise((resolve) => desk.addEventListener('rsp-call-start', () => resolve(performance.now()), { once: true }));
  const t0 = performance.now();
  admit.click();
  await step(desk, 'call');
  await step(counter, 'call');
  const [deskFrame, counterFrame, connected] = await Promise.all([firstFrame(desk), firstFrame(counter), started]);

  // 5 MB of random bytes from the citizen to the agent.
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  const file = new File([bytes], 'dossier.pdf', { type: 'application/pdf' });
  let progressEvents = 0;
  desk.addEventListener('rsp-document-progress', () => progressEvents++);
  const received = new Promise((resolve) => desk.addEventListener('rsp-document-receive', (e) => resolve([performance.now(), e.detail]), { once: true }));
  const input = q(counter, '#file-input');
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  const t2 = performance.now();
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const [t3, detail] = await received;
  desk.remove();
  counter.remove();
  return {
    admitToConnected: connected - t0,
    admitToDeskFrame: deskFrame - t0,
    admitToCitizenFrame: counterFrame - t0,
    transferMs: t3 - t2,
    checksumOk: detail.checksumOk,
    size: detail.size,
    progressEvents,
  };
};
document.documentElement.dataset.ready = 'true';
`;

const PAGE_HTML = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Banc d'essai : visio-guichet</title>
<link rel="icon" href="data:,">
<script type="module" src="/bench.js"></script>
</head>
<body>
<h1>Banc d'essai</h1>
</body>
</html>
`;

interface RunResult {
  admitToConnected: number;
  admitToDeskFrame: number;
  admitToCitizenFrame: number;
  transferMs: number;
  checksumOk: boolean;
  size: number;
  progressEvents: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? Number.NaN) + (sorted[mid] ?? Number.NaN)) / 2;
}
const ms = (value: number): string => `${value.toFixed(0)} ms`;
const mbps = (r: RunResult): number => r.size / 1e6 / (r.transferMs / 1000);

const folder = mkdtempSync(join(tmpdir(), 'rsp-call-bench-'));
let setup: VideoSetup | undefined;
let browser: Browser | undefined;
try {
  writeFileSync(join(folder, 'index.html'), PAGE_HTML);
  writeFileSync(join(folder, 'bench.js'), PAGE_SCRIPT);
  setup = await startVideoServer([], [
    { prefix: '/npm/@rsp/video-counter/dist/', root: dist },
    { prefix: '/', root: folder },
  ]);
  browser = await puppeteer.launch({ executablePath: ensureChromium(), args: chromiumArgs, headless: true });
  const chromium = await browser.version();
  const results: RunResult[] = [];
  const consoleLines: string[] = [];
  for (let run = 0; run < runs; run++) {
    await setup.db.exec('DELETE FROM visio_tickets; DELETE FROM visio_desks; DELETE FROM visio_sessions;');
    const { token } = await setup.server.createToken(setup.db, { role: 'agent', agencyId: 'caf' });
    const page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') consoleLines.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      consoleLines.push(`pageerror: ${error instanceof Error ? error.message : String(error)}`);
    });
    await page.goto(setup.url, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && customElements.get('rsp-video-desk') !== undefined);
    const result = await page.evaluate(
      (t, size) => (window as unknown as { callBench(token: string, size: number): Promise<RunResult> }).callBench(t, size),
      token,
      SIZE,
    );
    if (!result.checksumOk || result.size !== SIZE) throw new Error(`run ${String(run + 1)}: the document did not arrive intact`);
    results.push(result);
    await page.close();
    console.log(
      `  run ${String(run + 1)}: admit → connected ${ms(result.admitToConnected)}, → agent's first remote frame ${ms(result.admitToDeskFrame)}, ` +
        `→ citizen's first remote frame ${ms(result.admitToCitizenFrame)}; 5 MB in ${ms(result.transferMs)} = ${mbps(result).toFixed(1)} MB/s (${String(result.progressEvents)} progress events, checksum ok)`,
    );
  }
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`\nvisio-guichet, ${String(runs)} fresh pages, loopback, fake camera — median (min–max)`);
  console.log(`machine: ${cpu}, ${String(cpus().length)} cores, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}; Node ${process.version}; ${chromium}; ${new Date().toISOString().slice(0, 10)}`);
  const rows: [string, number[], (v: number) => string][] = [
    ['admit → call connected (rsp-call-start)', results.map((r) => r.admitToConnected), ms],
    ['admit → first remote frame, agent side', results.map((r) => r.admitToDeskFrame), ms],
    ['admit → first remote frame, citizen side', results.map((r) => r.admitToCitizenFrame), ms],
    ['5 MB document, choose → verified on arrival', results.map((r) => r.transferMs), ms],
    ['throughput (MB/s, 1 MB = 10^6 B)', results.map(mbps), (v) => v.toFixed(1)],
  ];
  console.log('\n| measure | median | min | max |\n|---|--:|--:|--:|');
  for (const [label, values, format] of rows) {
    console.log(`| ${label} | ${format(median(values))} | ${format(Math.min(...values))} | ${format(Math.max(...values))} |`);
  }
  if (consoleLines.length > 0) console.log(`\npage console:\n  ${consoleLines.join('\n  ')}`);
} finally {
  await browser?.close();
  if (setup) {
    await setup.api.close();
    await setup.db.close();
  }
  rmSync(folder, { recursive: true, force: true });
}

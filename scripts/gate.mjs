// The whole quality gate, what `npm test` runs after installing: each step in
// order, stopping at the first failure, then a table of the steps and their
// durations and the number of tests passed and failed.
//   node scripts/gate.mjs                 every step
//   node scripts/gate.mjs lint unit       only the named steps (after a build)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './workspace.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const node = (script, ...args) => [process.execPath, join(root, script), ...args];

/** @type {{ name: string, what: string, commands: string[][], optional?: boolean }[]} */
const steps = [
  { name: 'clean', what: 'remove earlier build output', commands: [node('scripts/clean.mjs')] },
  { name: 'workspace', what: 'package shapes, allowed dependencies, versions, changesets groups', commands: [node('scripts/check-workspace.mjs')] },
  { name: 'typecheck', what: 'tsc -b: strict TypeScript, project references, .d.ts output', commands: [[bin('tsc'), '-b']] },
  { name: 'lint', what: 'ESLint: typescript-eslint type-checked, lit, wc, lit-a11y; zero warnings', commands: [[bin('eslint'), '.', '--max-warnings', '0']] },
  { name: 'build', what: 'Rollup: ES modules and CDN bundles; Custom Elements Manifests', commands: [[bin('rollup'), '-c', '--silent'], node('scripts/cem.mjs')] },
  {
    name: 'postgres',
    what: "PostgreSQL for the server's storage tests: $DATABASE_URL, else Debian's, installed and started when root",
    commands: [node('scripts/postgres.mjs', '--check')],
    // Without PostgreSQL the storage tests run on PGlite only and list the PostgreSQL half as skipped.
    optional: true,
  },
  { name: 'unit', what: "unit tests in Node (node:test)", commands: [node('scripts/test-unit.mjs')] },
  { name: 'browser', what: "browser tests in Debian's Chromium (@web/test-runner)", commands: [node('scripts/chromium.mjs', '--check'), [bin('web-test-runner')]] },
  { name: 'size', what: 'size budgets per entry point', commands: [node('scripts/size.mjs')] },
  { name: 'storybook', what: 'Storybook static build', commands: [[bin('storybook'), 'build', '--quiet', '--output-dir', 'storybook-static']] },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !steps.some((s) => s.name === w));
if (unknown.length) {
  console.error(`Unknown step(s): ${unknown.join(', ')}. Steps: ${steps.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const selected = wanted.length ? steps.filter((s) => wanted.includes(s.name)) : steps;

const env = {
  ...process.env,
  STORYBOOK_DISABLE_TELEMETRY: '1',
  npm_config_update_notifier: 'false',
};

const results = [];
const gateStart = Date.now();
let failed;
for (const step of selected) {
  console.log(`\n▶ ${step.name} — ${step.what}`);
  const start = Date.now();
  let status = 0;
  for (const [command, ...args] of step.commands) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
    status = result.error ? 1 : (result.status ?? 1);
    if (result.error) console.error(result.error.message);
    if (status !== 0) break;
  }
  const seconds = (Date.now() - start) / 1000;
  if (status !== 0 && step.optional) {
    results.push({ name: step.name, seconds, ok: true, note: 'unavailable' });
    console.log(`○ ${step.name} unavailable (${seconds.toFixed(1)} s): the tests that need it say they are skipped`);
    continue;
  }
  results.push({ name: step.name, seconds, ok: status === 0 });
  if (status !== 0) {
    failed = step.name;
    console.error(`\n✖ ${step.name} failed (exit ${status}) after ${seconds.toFixed(1)} s`);
    break;
  }
  console.log(`✔ ${step.name} (${seconds.toFixed(1)} s)`);
}

/** Test counts from the JUnit reports the unit and browser steps write. */
function count(file) {
  const path = join(root, 'reports', file);
  if (!existsSync(path)) return { passed: 0, failed: 0, skipped: 0 };
  const xml = readFileSync(path, 'utf8');
  const cases = xml.match(/<testcase\b[^>]*?(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];
  const failedCases = cases.filter((c) => /<(failure|error)\b/.test(c)).length;
  const skipped = cases.filter((c) => /<skipped\b/.test(c)).length;
  return { passed: cases.length - failedCases - skipped, failed: failedCases, skipped };
}
const ran = new Set(results.map((r) => r.name));
const unit = ran.has('unit') ? count('unit.junit.xml') : { passed: 0, failed: 0, skipped: 0 };
const browser = ran.has('browser') ? count('browser.junit.xml') : { passed: 0, failed: 0, skipped: 0 };

console.log('\nstep        result   time');
for (const r of results) console.log(`${r.name.padEnd(11)} ${r.note ?? (r.ok ? 'ok    ' : 'FAILED')} ${r.seconds.toFixed(1).padStart(6)} s`);
for (const s of selected.filter((s) => !ran.has(s.name))) console.log(`${s.name.padEnd(11)} not run`);
console.log(`total              ${((Date.now() - gateStart) / 1000).toFixed(1).padStart(6)} s`);
console.log(`unit tests: ${unit.passed} passed, ${unit.failed} failed; browser tests: ${browser.passed} passed, ${browser.failed} failed`);
const passed = unit.passed + browser.passed;
// A failed step that is not a test (lint, types, budgets) still counts as one failure.
const failures = unit.failed + browser.failed || (failed ? 1 : 0);
console.log(`gate: ${passed} passed, ${failures} failed`);
process.exit(failed ? 1 : 0);

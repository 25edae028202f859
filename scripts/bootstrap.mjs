#!/usr/bin/env node
// The two commands of the README land here: `npm start` and `npm test`.
// A fresh machine has only Node and npm, so this script brings the pinned pnpm
// (the `packageManager` field of package.json) through npm itself, installs the
// workspace from the lockfile, then hands over to the demo or to the gate.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const command = process.argv[2];
if (command !== 'start' && command !== 'test') {
  console.error('usage: node scripts/bootstrap.mjs start|test');
  process.exit(2);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`RSP Kit needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const pnpmVersion = /^pnpm@(\d+\.\d+\.\d+)$/.exec(pkg.packageManager ?? '')?.[1];
if (!pnpmVersion) {
  console.error('package.json must pin pnpm in "packageManager" (pnpm@x.y.z).');
  process.exit(1);
}

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The pnpm to run: the one on PATH when it is the pinned version, else the pinned one through npm. */
function pnpmCommand() {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (!probe.error && probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ['pnpm', []];
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return [npm, ['exec', '--yes', `--package=pnpm@${pnpmVersion}`, '--', 'pnpm']];
}

const [pnpm, prefix] = pnpmCommand();
const started = Date.now();
console.log(`» installing the workspace with pnpm ${pnpmVersion}`);
const env = { ...process.env, npm_config_update_notifier: 'false', STORYBOOK_DISABLE_TELEMETRY: '1' };
if (run(pnpm, [...prefix, 'install', '--frozen-lockfile', '--reporter=append-only'], { env }) !== 0) {
  console.error('\n✖ pnpm install failed. If you changed dependencies, run `pnpm install` and commit pnpm-lock.yaml.');
  process.exit(1);
}
console.log(`» install done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const script = command === 'start' ? 'scripts/demo.mjs' : 'scripts/gate.mjs';
process.exit(run(process.execPath, [join(root, script), ...process.argv.slice(3)], { env }));

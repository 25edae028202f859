// Unit tests in Node: every packages/*/test/**/*.test.ts that is not a
// browser test, plus examples/test/*.test.mjs, with Node's own test runner.
// TypeScript runs through tsx; workspace packages resolve to their sources
// (the "source" export condition). A JUnit report goes to reports/unit.junit.xml.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './workspace.mjs';

function walk(dir, keep, found = []) {
  let names;
  try {
    names = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of names) {
    if (name === 'node_modules' || name === 'dist') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, found);
    else if (keep(name)) found.push(relative(root, path));
  }
  return found;
}

const files = [
  ...readdirSync(join(root, 'packages')).flatMap((pkg) =>
    walk(join(root, 'packages', pkg, 'test'), (n) => n.endsWith('.test.ts') && !n.endsWith('.browser.test.ts')),
  ),
  ...walk(join(root, 'examples', 'test'), (n) => n.endsWith('.test.mjs')),
].sort();

const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error('No unit test file found.');
  process.exit(1);
}

mkdirSync(join(root, 'reports'), { recursive: true });
const result = spawnSync(
  process.execPath,
  [
    '--conditions=source',
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=junit',
    '--test-reporter-destination=reports/unit.junit.xml',
    ...selected,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);

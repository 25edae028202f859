// Size budgets. For every entry point of every browser-facing package
// (platform "browser" or "neutral"), measures the package's own code as a
// page would get it: the built dist module bundled with its relative imports,
// dependencies left out, minified with terser, then gzipped. For CDN bundles
// (dist/cdn/<name>.min.js, already minified and self-contained) the files a page
// fetches, found by reading their imports: the entry with what it imports
// statically; each chunk it imports on demand (`import()`, dist/cdn/<chunk>-<hash>.min.js,
// keyed `cdn/<chunk>-[hash].min.js`); and, for each of those, the total a page
// that needs it downloads (`cdn/<name>.min.js + <chunk>`: entry, chunk and what
// the chunk imports statically), each file gzipped on its own as it is served.
// Weight moved into a chunk still counts where a page loads it.
// Budgets live in each package.json under rsp.size, in gzip bytes ("4 kB" =
// 4,000 B; "4 KiB" = 4,096 B). Prints a table; fails when an entry is over
// budget, has no budget, or a budget names no entry.
// --write also writes the table to docs/size.md (between its markers; the rest is kept).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { parseAst } from 'rollup/parseAst';
import { minify } from 'terser';
import { root, workspacePackages } from './workspace.mjs';

const units = { B: 1, kB: 1000, KiB: 1024, MB: 1000 ** 2 };
function parseBudget(text, where) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KiB|MB)\s*$/.exec(String(text));
  if (!match) throw new Error(`${where}: budget "${text}" is not a size like "4 kB" or "512 B"`);
  return Math.round(Number(match[1]) * units[match[2]]);
}

const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

async function ownCode(file) {
  const bundle = await rollup({
    input: file,
    external: isBare,
    onwarn: () => {
      // Built code: warnings were already handled by the build.
    },
  });
  // Modules loaded with import() are own code too: inlined, so that each is counted once in one file.
  const { output } = await bundle.generate({ format: 'es', inlineDynamicImports: true });
  await bundle.close();
  const code = output.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('\n');
  const min = await minify(code, { module: true, compress: { passes: 2 }, format: { comments: false } });
  return min.code ?? '';
}

/** The relative files a built ES module imports: statically, and with `import("…")` of a string. */
function importsOf(code) {
  const found = { static: new Set(), dynamic: new Set() };
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node.type !== 'string') return;
    const source = node.source?.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : undefined;
    if (source?.startsWith('.')) {
      if (node.type === 'ImportExpression') found.dynamic.add(source);
      else if (/^(Import|ExportNamed|ExportAll)Declaration$/.test(node.type)) found.static.add(source);
    } else if (node.type === 'ImportExpression') {
      throw new Error(`a dynamic import of something other than a relative path (${node.source?.type}) cannot be measured`);
    }
    for (const [key, value] of Object.entries(node)) if (key !== 'source' && value && typeof value === 'object') visit(value);
  };
  visit(parseAst(code));
  return found;
}

/**
 * The files of a CDN bundle a page downloads, from its entry: `first` (the entry
 * and its static imports, transitively) and, for each chunk imported on demand,
 * that chunk's own static closure (what its `import()` adds).
 */
function cdnGraph(entryFile) {
  const dir = dirname(entryFile);
  const cache = new Map();
  const read = (file) => {
    if (!cache.has(file)) {
      if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing: run the build first (pnpm build).`);
      const code = readFileSync(file, 'utf8');
      const { static: s, dynamic: d } = importsOf(code);
      const resolve = (spec) => join(dirname(file), spec);
      cache.set(file, { code, static: [...s].map(resolve), dynamic: [...d].map(resolve) });
    }
    return cache.get(file);
  };
  const closure = (start) => {
    const files = new Set();
    const walk = (file) => {
      if (files.has(file)) return;
      files.add(file);
      read(file).static.forEach(walk);
    };
    walk(start);
    return files;
  };
  const first = closure(entryFile);
  const lazy = new Map();
  const queue = [...first];
  while (queue.length) {
    for (const target of read(queue.shift()).dynamic) {
      if (first.has(target) || lazy.has(target)) continue;
      lazy.set(target, closure(target));
      queue.push(...lazy.get(target));
    }
  }
  for (const file of [...lazy.keys()]) if (dirname(file) !== dir) throw new Error(`${relative(root, file)}: a CDN chunk outside ${relative(root, dir)}`);
  return { first, lazy, codeOf: (file) => read(file).code };
}

/** `static-file-Ab12_-xY.min.js` → `static-file-[hash].min.js`: the key of a chunk, stable across builds. */
const chunkKey = (file) => basename(file).replace(/-[\w-]{8}\.min\.js$/, '-[hash].min.js');
const chunkName = (file) => basename(file).replace(/-[\w-]{8}\.min\.js$/, '');

const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
const rows = [];
const problems = [];

// RSP_PACKAGES=core,elements limits the table to those folders (as rollup.config.mjs does).
const only = process.env.RSP_PACKAGES?.split(',');
for (const pkg of workspacePackages().filter((p) => !only || only.includes(p.folder))) {
  if (pkg.platform === 'node') continue;
  const budgets = pkg.size;
  const used = new Set();
  const measured = [];
  for (const entry of pkg.entries) {
    if (entry.exportKey.startsWith('bin:')) continue;
    const file = join(pkg.dir, 'dist', `${entry.name}.js`);
    if (!existsSync(file)) throw new Error(`${relative(root, file)} is missing: run the build first (pnpm build).`);
    measured.push({ key: entry.exportKey, code: await ownCode(file) });
  }
  for (const bundle of pkg.cdn) {
    const entryKey = `cdn/${bundle.name}.min.js`;
    const { first, lazy, codeOf } = cdnGraph(join(pkg.dir, 'dist', 'cdn', `${bundle.name}.min.js`));
    const files = (set) => [...set].map((file) => codeOf(file));
    measured.push({ key: entryKey, codes: files(first) });
    const chunks = new Set([...lazy.values()].flatMap((set) => [...set]).filter((file) => !first.has(file)));
    const keys = new Map();
    for (const file of [...chunks].sort()) {
      const key = `cdn/${chunkKey(file)}`;
      if (keys.has(key)) throw new Error(`${relative(root, file)} and ${relative(root, keys.get(key))} have the same name: rename one of the modules they come from.`);
      keys.set(key, file);
      measured.push({ key, codes: [codeOf(file)] });
    }
    for (const [target, set] of [...lazy].sort(([a], [b]) => a.localeCompare(b))) {
      measured.push({ key: `${entryKey} + ${chunkName(target)}`, codes: files(new Set([...first, ...set])) });
    }
    // Everything the bundle can ever load (a page using every feature): the bound no split can hide.
    if (chunks.size > 0) measured.push({ key: `${entryKey} + all`, codes: files(new Set([...first, ...chunks])) });
  }
  for (const { key, code, codes = [code] } of measured) {
    // Files served one by one: each is gzipped on its own.
    const min = codes.reduce((sum, c) => sum + Buffer.byteLength(c), 0);
    const gzip = codes.reduce((sum, c) => sum + gzipSync(c, { level: 9 }).length, 0);
    const budgetText = budgets[key];
    used.add(key);
    const budget = budgetText === undefined ? undefined : parseBudget(budgetText, `${pkg.manifest.name} rsp.size["${key}"]`);
    const ok = budget !== undefined && gzip <= budget;
    if (budget === undefined) problems.push(`${pkg.manifest.name} ${key} has no size budget: add one under rsp.size in its package.json.`);
    else if (!ok) problems.push(`${pkg.manifest.name} ${key} is ${kb(gzip)} gzipped, over its budget of ${kb(budget)}.`);
    rows.push({ pkg: pkg.manifest.name, key, min, gzip, budget, ok });
  }
  for (const key of Object.keys(budgets).filter((k) => !used.has(k))) {
    problems.push(`${pkg.manifest.name} rsp.size["${key}"] names no entry point or CDN bundle.`);
  }
}

const header = ['package', 'entry point', 'min', 'gzip', 'budget (gzip)', ''];
const table = [
  header,
  ...rows.map((r) => [r.pkg, r.key, kb(r.min), kb(r.gzip), r.budget === undefined ? '—' : kb(r.budget), r.ok ? 'ok' : 'OVER']),
];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i].length)));
for (const [i, row] of table.entries()) {
  console.log(row.map((cell, j) => (j >= 2 && j <= 4 ? cell.padStart(widths[j]) : cell.padEnd(widths[j]))).join('  ').trimEnd());
  if (i === 0) console.log(widths.map((w) => '─'.repeat(w)).join('  '));
}

if (process.argv.includes('--write')) {
  const md = [
    '# Bundle sizes',
    '',
    'Generated by `pnpm size:doc` (`scripts/size.mjs --write`); `npm test` checks the budgets on every run.',
    '',
    '- **Entry points** (`import "@rsp/…"`): the package\'s own code as shipped in `dist/`, bundled with its',
    '  relative imports, dependencies (lit, @rsp/core…) left out, minified with terser, then gzipped (level 9).',
    '- **CDN bundles** (`cdn/<name>.min.js`): the self-contained file a page loads with one',
    '  `<script type="module">`, dependencies included (with any file it imports statically).',
    '- **CDN chunks** (`cdn/<chunk>-[hash].min.js`): code a CDN bundle fetches on demand with `import()`, from',
    '  beside itself, only on the pages that need it; and **what such a page loads in all**',
    '  (`cdn/<name>.min.js + <chunk>`): the bundle, that chunk and the chunks it imports, each file gzipped on',
    '  its own as a server sends it. The chunks are found by reading the built files\' imports, so every',
    '  chunk is measured and budgeted.',
    '- Budgets are in each package.json under `rsp.size`, in gzip bytes (1 kB = 1,000 B). Node-only packages',
    '  (`@rsp/server`) have none.',
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)} with Node ${process.version}.`,
    '',
    '| package | entry point | min | gzip | budget (gzip) |',
    '|---|---|--:|--:|--:|',
    ...rows.map((r) => `| \`${r.pkg}\` | \`${r.key}\` | ${kb(r.min)} | ${kb(r.gzip)} | ${r.budget === undefined ? '—' : kb(r.budget)} |`),
    '',
  ].join('\n');
  // Only the part between the markers is generated; what follows them (the
  // composition of the bundles, written by hand) is kept.
  const doc = join(root, 'docs', 'size.md');
  const [begin, end] = ['<!-- size.mjs: generated from here -->', '<!-- size.mjs: generated up to here -->'];
  const old = existsSync(doc) ? readFileSync(doc, 'utf8') : '';
  const rest = old.includes(end) ? old.slice(old.indexOf(end) + end.length).replace(/^\n/, '') : '';
  writeFileSync(doc, `${begin}\n${md}${end}\n${rest}`);
  console.log('\nwrote docs/size.md');
}

if (problems.length) {
  console.error(`\n✖ size budgets:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`\n✔ ${rows.length} entry points within their budgets`);

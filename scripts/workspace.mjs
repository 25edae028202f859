// What the build, size and check scripts know about the workspace's packages,
// read from each package.json so that adding a package is copying a folder.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @typedef {object} Entry
 * @property {string} exportKey  the `exports` key (`.`, `./notice.js`) or `bin:<name>`
 * @property {string} name       the output path in dist without `.js` (`index`, `notice/notice`)
 * @property {string} source     the source file, absolute
 */

/**
 * @typedef {object} WorkspacePackage
 * @property {string} dir        absolute folder
 * @property {string} folder     folder name under packages/
 * @property {any} manifest      package.json
 * @property {'library'|'elements'|'widget'|'server'} kind
 * @property {'neutral'|'browser'|'node'} platform
 * @property {Entry[]} entries   ES module entry points
 * @property {{ name: string, source: string }[]} cdn  self-contained bundles (`dist/cdn/<name>.min.js`)
 * @property {Record<string, string>} size  budgets by entry key or `cdn/<file>`
 */

/** @returns {WorkspacePackage[]} */
export function workspacePackages() {
  const packagesDir = join(root, 'packages');
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(packagesDir, d.name, 'package.json')))
    .map((d) => readPackage(join(packagesDir, d.name)))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** @returns {WorkspacePackage} */
export function readPackage(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const rsp = manifest.rsp ?? {};
  /** @type {Entry[]} */
  const entries = [];
  for (const [exportKey, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object' || !target.source) continue;
    entries.push({ exportKey, name: distName(target.default), source: join(dir, target.source) });
  }
  for (const [name, source] of Object.entries(rsp.entries ?? {})) {
    entries.push({ exportKey: `bin:${name}`, name, source: join(dir, source) });
  }
  const cdn = Object.entries(rsp.cdn ?? {}).map(([name, source]) => ({ name, source: join(dir, source) }));
  return {
    dir,
    folder: relative(packagesDir(), dir),
    manifest,
    kind: rsp.kind ?? 'library',
    platform: rsp.platform ?? 'neutral',
    entries,
    cdn,
    size: rsp.size ?? {},
  };
}

function packagesDir() {
  return join(root, 'packages');
}

function distName(target) {
  const match = /^\.\/dist\/(.+)\.js$/.exec(target ?? '');
  if (!match) throw new Error(`export target "${target}" must be ./dist/<path>.js`);
  return match[1];
}

/**
 * The folders the demo serves (`npm start`) and the end-to-end tests load:
 * the examples at `/`, each package's build where a CDN would put it
 * (`/npm/@rsp/<folder>/dist/`), and Storybook at `/storybook/` when built.
 */
export function demoMounts({ storybook = true } = {}) {
  const mounts = [
    { prefix: '/', root: join(root, 'examples') },
    // The national data files, for the examples that read a static file instead of the API.
    { prefix: '/data/', root: join(root, 'data') },
    ...workspacePackages().map((pkg) => ({ prefix: `/npm/${pkg.manifest.name}/dist/`, root: join(pkg.dir, 'dist') })),
  ];
  if (storybook && existsSync(join(root, 'storybook-static'))) {
    mounts.push({ prefix: '/storybook/', root: join(root, 'storybook-static'), strictCsp: false });
  }
  return mounts;
}

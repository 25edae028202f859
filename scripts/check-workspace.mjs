// The workspace's conventions, checked so that a new package copied from an
// existing one cannot drift (docs/architecture.md explains each rule):
// - package shape: @rsp/<folder> name, ES module, license, README, files,
//   `sideEffects` declared, every `exports` entry with source/types/default
//   and an existing source file;
// - allowed dependencies: core depends on no other @rsp package and no DOM
//   library; elements on core; widgets on core and elements; server on core;
// - element packages: class modules (*.component.ts) never register a tag,
//   registration modules are listed in `sideEffects`, `customElements` is set;
//   widget packages have a CDN bundle;
// - versions: src/version.ts matches package.json;
// - changesets: elements and every widget in one `fixed` group, core alone.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root, workspacePackages } from './workspace.mjs';

const problems = [];
const packages = workspacePackages();
const say = (pkg, text) => problems.push(`${pkg.manifest.name ?? pkg.folder}: ${text}`);

const allowedInternal = {
  library: [],
  elements: ['@rsp/core'],
  widget: ['@rsp/core', '@rsp/elements'],
  server: ['@rsp/core'],
};
const domLibraries = ['lit', 'leaflet', 'peerjs', '@lit/context', '@lit/task'];

function sourceFiles(dir, found = []) {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sourceFiles(path, found);
    else if (name.endsWith('.ts')) found.push(path);
  }
  return found;
}

for (const pkg of packages) {
  const m = pkg.manifest;
  if (m.name !== `@rsp/${pkg.folder}`) say(pkg, `the name must be "@rsp/${pkg.folder}" (the folder's name).`);
  if (m.type !== 'module') say(pkg, 'set "type": "module".');
  if (!m.license) say(pkg, 'set "license".');
  if (!m.description) say(pkg, 'set "description".');
  if (!existsSync(join(pkg.dir, 'README.md'))) say(pkg, 'add a README.md with an example.');
  if (!Array.isArray(m.files) || !m.files.includes('dist')) say(pkg, '"files" must list "dist".');
  if (m.sideEffects === undefined) say(pkg, 'declare "sideEffects" (false, or the list of registration modules).');
  if (!['library', 'elements', 'widget', 'server'].includes(pkg.kind)) say(pkg, `rsp.kind "${pkg.kind}" is not library, elements, widget or server.`);
  if (!m.exports?.['.']) say(pkg, 'export a "." entry point.');
  for (const [key, target] of Object.entries(m.exports ?? {})) {
    if (typeof target === 'string') continue;
    for (const condition of ['source', 'types', 'default']) {
      if (!target[condition]) say(pkg, `exports["${key}"] needs a "${condition}" condition.`);
    }
    if (Object.keys(target)[0] !== 'source') say(pkg, `exports["${key}"]: "source" must come first.`);
    if (target.source && !existsSync(join(pkg.dir, target.source))) say(pkg, `exports["${key}"].source ${target.source} does not exist.`);
    if (target.types && target.default && target.types.replace(/\.d\.ts$/, '') !== target.default.replace(/\.js$/, '')) {
      say(pkg, `exports["${key}"]: types and default must name the same module.`);
    }
  }

  const deps = { ...m.dependencies, ...m.peerDependencies };
  for (const dep of Object.keys(deps)) {
    if (dep.startsWith('@rsp/') && !allowedInternal[pkg.kind]?.includes(dep)) {
      say(pkg, `a ${pkg.kind} package may not depend on ${dep} (see docs/architecture.md).`);
    }
    if (deps[dep].startsWith('workspace:') && deps[dep] !== 'workspace:^') say(pkg, `depend on ${dep} with "workspace:^".`);
  }
  if (pkg.kind === 'library') {
    for (const dep of domLibraries) if (deps[dep]) say(pkg, `the core SDK has no DOM: it may not depend on ${dep}.`);
  }

  const versionFile = join(pkg.dir, 'src', 'version.ts');
  if (existsSync(versionFile)) {
    const written = /version = '([^']+)'/.exec(readFileSync(versionFile, 'utf8'))?.[1];
    if (written !== m.version) say(pkg, `src/version.ts says ${written}, package.json ${m.version}: run node scripts/sync-versions.mjs.`);
  }

  if (pkg.kind === 'elements' || pkg.kind === 'widget') {
    if (m.customElements !== 'custom-elements.json') say(pkg, 'set "customElements": "custom-elements.json".');
    if (pkg.kind === 'widget' && pkg.cdn.length === 0) say(pkg, 'a widget package needs a CDN bundle (rsp.cdn).');
    const sideEffects = Array.isArray(m.sideEffects) ? m.sideEffects : [];
    for (const file of sourceFiles(join(pkg.dir, 'src'))) {
      // Code only: comments may show how to register.
      const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      const rel = `./${relative(pkg.dir, file)}`;
      const registers = /\.define\(\s*['"`]rsp-|customElements\.define\(/.test(text);
      if (file.endsWith('.component.ts') && registers) say(pkg, `${rel} is a class module and must not register its element.`);
      if (registers && !file.endsWith('define.ts') && !file.endsWith('cdn.ts')) {
        const dist = rel.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js');
        if (!sideEffects.includes(rel) || !sideEffects.includes(dist)) say(pkg, `"sideEffects" must list ${rel} and ${dist}, which register an element.`);
      }
    }
  }
}

const changesets = JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8'));
const together = packages.filter((p) => p.kind === 'elements' || p.kind === 'widget').map((p) => p.manifest.name);
const group = (changesets.fixed ?? []).find((g) => g.includes('@rsp/elements')) ?? [];
for (const name of together) {
  if (!group.includes(name)) problems.push(`.changeset/config.json: add ${name} to the fixed group of @rsp/elements (widgets are versioned together).`);
}
for (const name of packages.filter((p) => p.kind === 'library' || p.kind === 'server').map((p) => p.manifest.name)) {
  if ((changesets.fixed ?? []).some((g) => g.includes(name)) || (changesets.linked ?? []).some((g) => g.includes(name))) {
    problems.push(`.changeset/config.json: ${name} is versioned alone; take it out of fixed/linked groups.`);
  }
}

if (problems.length) {
  console.error(`✖ workspace conventions:\n  - ${problems.join('\n  - ')}`);
  process.exit(1);
}
console.log(`✔ ${packages.length} packages follow the workspace conventions`);

// Writes a Custom Elements Manifest (custom-elements.json, gitignored) for each
// workspace package whose package.json declares `"customElements"`, from the
// JSDoc of its TypeScript sources (@summary, @tag, @slot, @fires, @csspart,
// @cssprop, property comments). Storybook reads it for controls and autodocs.
//
// Uses the analyzer's JS API rather than its CLI: no child process, and the CLI
// would also rewrite package.json. Module paths are rewritten from
// `src/<path>.ts` to the published `dist/<path>.js` (rollup keeps one output
// module per source module, see rollup.config.mjs).
//
// Usage: node scripts/cem.mjs [folder...]   (default: every package that has one)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { resolveModuleOrPackageSpecifier } from '@custom-elements-manifest/analyzer/src/utils/index.js';
import { pathToFileURL } from 'node:url';
import { workspacePackages } from './workspace.mjs';

/** Source files that document nothing an element user needs, or repeat other modules. */
const excluded = [/\.test\.ts$/, /\.d\.ts$/, /\.styles\.ts$/, /\.messages\.ts$/, /^src\/cdn\.ts$/];

/** `src/**\/*.ts` of a package, relative and with forward slashes, sorted for a stable manifest. */
function sourceFiles(dir) {
  return readdirSync(join(dir, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((file) => !excluded.some((pattern) => pattern.test(file)))
    .sort();
}

/**
 * Elements register with `RspNotice.define('rsp-notice')` (RspElement.define),
 * which the analyzer does not know: record the module that does it as the
 * element's `custom-element-definition`, as it would for `customElements.define`.
 */
function rspDefinePlugin() {
  return {
    name: 'rsp-define-calls',
    analyzePhase({ ts, node, moduleDoc, context }) {
      if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return;
      const { expression: target, name } = node.expression;
      const [tag] = node.arguments;
      if (name.text !== 'define' || !ts.isIdentifier(target) || !tag || !ts.isStringLiteral(tag)) return;
      if (!tag.text.startsWith('rsp-') || target.text === 'customElements') return;
      moduleDoc.exports = [
        ...(moduleDoc.exports ?? []),
        {
          kind: 'custom-element-definition',
          name: tag.text,
          declaration: { name: target.text, ...resolveModuleOrPackageSpecifier(moduleDoc, context, target.text) },
        },
      ];
    },
  };
}

/**
 * Writes a string-literal union alias out in full where an element's property
 * or attribute uses it (`NoticeVariant` → `'info' | 'success' | …`), so that
 * editors and Storybook can offer the allowed values.
 */
function literalUnionsPlugin() {
  const unions = new Map();
  return {
    name: 'rsp-literal-unions',
    collectPhase({ ts, node }) {
      if (!ts.isTypeAliasDeclaration(node) || !ts.isUnionTypeNode(node.type)) return;
      const literals = node.type.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : null));
      if (literals.every((literal) => literal !== null)) unions.set(node.name.text, literals.map((l) => `'${l}'`).join(' | '));
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.customElement) continue;
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.type && unions.has(item.type.text)) item.type.text = unions.get(item.type.text);
          }
        }
      }
    },
  };
}

/** `src/a/b.ts` (or `/src/a/b.js`, as the analyzer writes resolved imports) → `dist/a/b.js`. */
const distPath = (path) => path.replace(/^\/?src\/(.+)\.[jt]s$/, 'dist/$1.js');

/**
 * Points every module path and reference at the published JS. The analyzer
 * leaves re-exports as written (`./define.js`, relative to the re-exporting
 * module), and gives the current module to a name it did not resolve: an
 * imported then exported class (`import { A } …; export { A }`), or a global
 * superclass (`CustomEvent`). Make the first relative to the package root, look
 * the second up among the package's declarations, else call it `global:`.
 */
function publishPaths(manifest) {
  const declaredIn = new Map();
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) declaredIn.set(d.name, mod.path);
  for (const mod of manifest.modules) {
    const from = posix.dirname(mod.path);
    const declared = new Set((mod.declarations ?? []).map((d) => d.name));
    const visit = (node) => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      if (typeof node.module === 'string') {
        if (node.module === mod.path && !declared.has(node.name)) {
          if (declaredIn.has(node.name)) {
            node.module = distPath(declaredIn.get(node.name));
          } else {
            delete node.module;
            node.package = 'global:';
          }
        } else {
          node.module = distPath(node.module.startsWith('.') ? posix.join(from, node.module) : node.module);
        }
      }
      Object.values(node).forEach(visit);
    };
    visit(mod.declarations);
    visit(mod.exports);
  }
  for (const mod of manifest.modules) mod.path = distPath(mod.path);
}

export function manifestFor(pkg) {
  const modules = sourceFiles(pkg.dir).map((file) => {
    const source = ts.createSourceFile(file, readFileSync(join(pkg.dir, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    // The parser never throws; a syntax error would silently drop declarations.
    const [problem] = source.parseDiagnostics ?? [];
    if (problem) throw new Error(`${pkg.manifest.name}/${file}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`);
    return source;
  });
  // Plugin errors throw (the analyzer wraps them with the plugin's name).
  const manifest = create({ modules, plugins: [...litPlugin(), rspDefinePlugin(), literalUnionsPlugin()], context: { dev: false } });
  publishPaths(manifest);
  return manifest;
}

function main(folders) {
  const all = workspacePackages();
  const unknown = folders.filter((folder) => !all.some((pkg) => pkg.folder === folder && pkg.manifest.customElements));
  if (unknown.length > 0) throw new Error(`no package with "customElements" in packages/${unknown.join(', packages/')}`);
  for (const pkg of all.filter((p) => p.manifest.customElements && (folders.length === 0 || folders.includes(p.folder)))) {
    const manifest = manifestFor(pkg);
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    if (elements.length === 0) throw new Error(`${pkg.manifest.name}: no custom element with a tag name found in src/`);
    writeFileSync(join(pkg.dir, pkg.manifest.customElements), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (error) {
    console.error(`✖ cem: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

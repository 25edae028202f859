// One build for every package of the workspace, driven by each package.json:
// - ES modules in dist/, one file per source module (`preserveModules`), so
//   that every `exports` entry point and the `.d.ts` files from `tsc -b` line
//   up; dependencies stay imports;
// - for packages that declare `rsp.cdn`, a self-contained minified bundle in
//   dist/cdn/<name>.min.js that a page loads with one <script type="module">;
//   what it imports with `import()` (code only some pages need) becomes chunks
//   beside it, dist/cdn/<chunk>-<hash>.min.js, which the browser fetches relative
//   to the bundle's own URL (same origin as the bundle, so `script-src 'self'`
//   allows them where the bundle is allowed).
import { builtinModules } from 'node:module';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';
import { workspacePackages } from './scripts/workspace.mjs';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const isBare = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

/** Rollup warnings that are known and harmless; anything else fails the build. */
function onwarn(warning, warn) {
  if (warning.code === 'INVALID_ANNOTATION' && /zod/.test(warning.id ?? '')) return;
  // @msgpack/msgpack's ES5 build (pulled by PeerJS, tree-shaken away) has TypeScript's `this &&` helpers at top level.
  if (warning.code === 'THIS_IS_UNDEFINED' && /@msgpack[\\/]msgpack/.test(warning.id ?? '')) return;
  // zod/v4/core's modules import each other (core.js ↔ util.js); the cycle is theirs and resolved at run time.
  if (warning.code === 'CIRCULAR_DEPENDENCY' && (warning.ids ?? []).every((id) => /node_modules\/.*zod/.test(id))) return;
  warn(warning);
  throw new Error(`Rollup warning treated as an error: ${warning.message}`);
}

const esbuildFor = (pkg) =>
  esbuild({ tsconfig: join(pkg.dir, 'tsconfig.json'), target: pkg.platform === 'node' ? 'node20' : 'es2022' });

/** Makes the command-line entry executable. */
const executable = (pkg) => ({
  name: 'rsp-executable',
  writeBundle() {
    for (const bin of Object.values(pkg.manifest.bin ?? {})) chmodSync(join(pkg.dir, bin), 0o755);
  },
});

const packages = workspacePackages().filter((pkg) => !process.env.RSP_PACKAGES || process.env.RSP_PACKAGES.split(',').includes(pkg.folder));

export default packages.flatMap((pkg) => {
  const modules = {
    input: Object.fromEntries(pkg.entries.map((entry) => [entry.name, entry.source])),
    external: (id) => isBare(id) || nodeBuiltins.has(id),
    plugins: [esbuildFor(pkg), executable(pkg)],
    onwarn,
    output: {
      dir: join(pkg.dir, 'dist'),
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: join(pkg.dir, 'src'),
      entryFileNames: '[name].js',
      sourcemap: true,
      banner: (chunk) => (pkg.manifest.bin && Object.values(pkg.manifest.bin).includes(`./dist/${chunk.fileName}`) ? '#!/usr/bin/env node' : ''),
    },
  };
  const bundles = pkg.cdn.map((bundle) => ({
    input: bundle.source,
    // The chunks import what they share with the entry from the entry itself,
    // instead of a facade entry over one more shared chunk.
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['source', 'browser', 'module', 'import', 'default'] }),
      // PeerJS (the video counter's bundle) pulls `sdp`, a CommonJS package.
      commonjs({ include: /node_modules[\\/]\.pnpm[\\/]sdp@/, strictRequires: false }),
      esbuildFor(pkg),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
    onwarn,
    output: {
      dir: join(pkg.dir, 'dist', 'cdn'),
      entryFileNames: `${bundle.name}.min.js`,
      // Content-hashed: a cached entry and the chunks it names always match.
      chunkFileNames: '[name]-[hash].min.js',
      format: 'es',
      sourcemap: true,
    },
  }));
  return [modules, ...bundles];
});

// What `npm start` runs after installing: builds the packages and Storybook,
// then serves the demo with the RSP Kit server and prints its URL:
//   /                       examples/ (strict Content-Security-Policy)
//   /npm/@rsp/<pkg>/dist/   each package's build, laid out as a CDN serves it
//   /storybook/             the Storybook build
//   /api/                   the API (health for now), with its data in PGlite (.rsp-data/demo)
// PORT chooses the port (default 8080; a free one if 8080 is taken);
// HOST the address (default 127.0.0.1). --no-storybook skips Storybook's build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoMounts, root } from './workspace.mjs';

const bin = (name) => join(root, 'node_modules', '.bin', name);
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
const withStorybook = !process.argv.includes('--no-storybook');

function run(label, command, args) {
  const start = Date.now();
  console.log(`» ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`✖ ${label} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`  done in ${((Date.now() - start) / 1000).toFixed(1)} s`);
}

run('building the packages', bin('tsc'), ['-b']);
run('bundling', bin('rollup'), ['-c', '--silent']);
run('writing the Custom Elements Manifests', process.execPath, [join(root, 'scripts', 'cem.mjs')]);
if (withStorybook) run('building Storybook', bin('storybook'), ['build', '--quiet', '--output-dir', 'storybook-static']);

const { openDatabase, startServer } = await import(pathToFileURL(join(root, 'packages', 'server', 'dist', 'index.js')).href);
// The demo's data lives in .rsp-data/demo (PGlite) and survives a restart; DATABASE_URL uses PostgreSQL instead.
const dataDir = join(root, '.rsp-data', 'demo');
const database = await openDatabase(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir });
const mounts = demoMounts({ storybook: withStorybook });

const host = process.env.HOST ?? '127.0.0.1';
const requested = Number(process.env.PORT ?? 8080);
let server;
try {
  server = await startServer({ host, port: requested, mounts, database });
} catch (error) {
  if (error?.code !== 'EADDRINUSE' || process.env.PORT) throw error;
  console.log(`  port ${requested} is taken; using a free one`);
  server = await startServer({ host, port: 0, mounts, database });
}

console.log(`
  RSP Kit demo: ${server.url}
    examples   ${server.url}
    Storybook  ${withStorybook ? `${server.url}storybook/` : '(skipped)'}
    API        ${server.url}api/health
    database   ${database.engine === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}

  Ctrl+C to stop.
`);
const stop = () =>
  server
    .close()
    .then(() => database.close())
    .then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

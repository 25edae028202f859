// What `npm start` runs after installing: builds the packages and Storybook,
// then serves the demo with the RSP Kit server and prints its URL:
//   /                       examples/ (strict Content-Security-Policy)
//   /npm/@rsp/<pkg>/dist/   each package's build, laid out as a CDN serves it
//   /storybook/             the Storybook build
//   /api/                   the API, with the demo data (docs/demo.md) in PGlite (.rsp-data/demo)
// and prints a fresh demo token per role (mediator, agent, coordinator, admin).
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

// One demo path: the built CLI's `rsp serve --demo` (packages/server/src/commands/serve.ts) seeds the
// demo data (docs/demo.md), prints a fresh token per role, then serves the folders below.
const dist = (file) => pathToFileURL(join(root, 'packages', 'server', 'dist', 'commands', file)).href;
const { serve } = await import(dist('serve.js'));
const { processIo } = await import(dist('io.js'));

// The demo's data lives in .rsp-data/demo (PGlite) and survives a restart; DATABASE_URL uses PostgreSQL instead.
const dataDir = join(root, '.rsp-data', 'demo');
const mountArgs = demoMounts({ storybook: withStorybook }).flatMap((mount) =>
  mount.strictCsp === false && mount.prefix === '/storybook/' ? ['--storybook', mount.root] : ['--static', `${mount.prefix}=${mount.root}`],
);
const args = ['--demo', '--data-dir', dataDir, '--host', process.env.HOST || '127.0.0.1', '--port', process.env.PORT || '8080', ...mountArgs];

const code = await serve(args, processIo, process.env, {
  // PORT given: that port or an error; otherwise 8080, or a free one if 8080 is taken.
  portFallback: !process.env.PORT,
  describe: (url) => [
    '',
    `  RSP Kit demo: ${url}`,
    `    examples   ${url}`,
    `    Storybook  ${withStorybook ? `${url}storybook/` : '(skipped)'}`,
    `    API        ${url}api/health`,
    `    database   ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}`,
    '',
    '  Ctrl+C to stop.',
  ],
}).catch((error) => {
  console.error(error?.name === 'CliError' ? error.message : error);
  return error?.exitCode ?? 1;
});
process.exit(code);

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/index.js';
import { DemoSeedError, createDemoTokens, seedDemo } from '../demo/index.js';
import type { DemoToken, SeedReport } from '../demo/index.js';
import { parseMount } from '../mounts.js';
import { startServer } from '../start.js';
import type { RunningServer, ServerOptions } from '../start.js';
import { count } from './format.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';
import { databaseFor, settingsFor } from './settings.js';

export const serveUsage = `rsp serve [--config FILE.json] [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [--static PREFIX=FOLDER]... [--storybook FOLDER]
          [--demo [--national-list FILE.csv|none]]
    Start the RSP Kit server: the API under /api/ and the given folders. --static serves a
    folder under a URL prefix with the strict Content-Security-Policy (repeatable);
    --storybook serves a Storybook build under /storybook/ without it. Data goes to PostgreSQL
    when DATABASE_URL is set, else to PGlite in --data-dir (default .rsp-data). Settings come
    from the file, then the environment (RSP_PORT or PORT, RSP_HOST, DATABASE_URL, RSP_DATA_DIR,
    RSP_CORS_ORIGINS, RSP_ICE_SERVERS as JSON), then the options; every wrong setting is named at start.
    --demo first loads the demo data (the Lot and Ardèche networks and the national France
    Services list, only what is missing or outdated) and prints a fresh token per role, the
    previous demo tokens being revoked (docs/demo.md).`;

/** What `npm start` (scripts/demo.mjs) adds to `rsp serve --demo`. */
export interface ServeExtras {
  /** When the port is taken, listen on a free one instead of failing. */
  readonly portFallback?: boolean;
  /** Lines printed once the server listens (the demo's URLs). */
  readonly describe?: (url: string) => readonly string[];
}

function seedLine(report: SeedReport): string {
  const parts = report.parts.map((p) => `${p.part} ${count(p.sites, 'en')} sites (${p.status === 'seeded' ? 'written' : 'already there'})`);
  if (report.skipped) parts.push(`national list skipped: ${report.skipped}`);
  const seconds = (report.milliseconds / 1000).toFixed(2);
  return `demo data: ${parts.join('; ')}; in ${seconds} s`;
}

async function listen(options: ServerOptions, requested: number, extras: ServeExtras, io: CommandIo): Promise<RunningServer> {
  try {
    return await startServer({ ...options, port: requested });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    if (extras.portFallback && requested !== 0) {
      io.out(`port ${String(requested)} is taken; using a free one`);
      return startServer({ ...options, port: 0 });
    }
    throw new CliError(`rsp serve: port ${String(requested)} is already in use; choose another with --port (0 picks a free one).`, 1);
  }
}

/** `rsp serve`: runs until SIGINT or SIGTERM. */
export async function serve(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env, extras: ServeExtras = {}): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      static: { type: 'string', multiple: true },
      storybook: { type: 'string' },
      demo: { type: 'boolean' },
      'national-list': { type: 'string' },
    },
  });
  if (values['national-list'] !== undefined && !values.demo) throw new CliError('rsp serve: --national-list goes with --demo.', 2);
  let file: unknown;
  if (values.config !== undefined) {
    try {
      file = JSON.parse(await readFile(values.config, 'utf8'));
    } catch (error) {
      throw new CliError(`rsp serve: cannot read the configuration ${values.config}: ${(error as Error).message}`, 1);
    }
  }
  const config = settingsFor('serve', { env, file, fileName: values.config ?? 'configuration file' });
  const rawPort = values.port ?? String(config.port);
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    throw new CliError(`rsp serve: --port must be a whole number from 0 to 65535; got "${rawPort}".`, 2);
  }
  let mounts;
  try {
    mounts = (values.static ?? []).map((value) => parseMount(value, true));
    if (values.storybook) mounts.push(parseMount(`/storybook/=${values.storybook}`, false));
  } catch (error) {
    throw new CliError(`rsp serve: ${(error as Error).message}`, 2);
  }
  const where = databaseFor(config, values['data-dir']);
  const database = await openDatabase(where);
  let server: RunningServer;
  try {
    let demo: { tokens: DemoToken[]; revoked: number } | undefined;
    if (values.demo) {
      const list = values['national-list'];
      io.out(seedLine(await seedDemo(database, { nationalList: list === 'none' ? false : list })));
      // Created before listening so that nothing can fail once the URL is printed.
      demo = await createDemoTokens(database);
    }
    server = await listen({ host: values.host ?? config.host, mounts, database, corsOrigins: config.corsOrigins, iceServers: config.iceServers }, port, extras, io);
    io.out(`RSP Kit server listening on ${server.url} (database: ${where.description})`);
    if (demo) io.out(demoLines(demo, server.url));
    for (const line of extras.describe?.(server.url) ?? []) io.out(line);
  } catch (error) {
    await database.close();
    if (error instanceof DemoSeedError) throw new CliError(`rsp serve --demo: ${error.message}`, 1);
    throw error;
  }
  await new Promise<void>((done) => {
    const stop = (): void => {
      void server
        .close()
        .then(() => database.close())
        .then(done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

/** The demo tokens and the URLs to try them on. */
function demoLines({ tokens, revoked }: { tokens: readonly DemoToken[]; revoked: number }, url: string): string {
  const width = Math.max(...tokens.map((t) => t.role.length));
  return [
    '',
    `demo tokens (label "demo"; ${count(revoked, 'en')} previous demo token${revoked === 1 ? '' : 's'} revoked):`,
    ...tokens.map((t) => `  ${t.role.padEnd(width)}  ${t.token}  ${t.who}`),
    '',
    `  API       ${url}api/health   ${url}api/sites   ${url}api/partners   ${url}api/openapi.json`,
    `  try       curl -H "Authorization: Bearer <coordinator token>" '${url}api/audit?charter=rsp-2006'`,
    '',
  ].join('\n');
}

import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/index.js';
import { parseMount } from '../mounts.js';
import { startServer } from '../start.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';
import { databaseFor, settingsFor } from './settings.js';

export const serveUsage = `rsp serve [--config FILE.json] [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [--static PREFIX=FOLDER]... [--storybook FOLDER]
    Start the RSP Kit server: the API under /api/ and the given folders. --static serves a
    folder under a URL prefix with the strict Content-Security-Policy (repeatable);
    --storybook serves a Storybook build under /storybook/ without it. Data goes to PostgreSQL
    when DATABASE_URL is set, else to PGlite in --data-dir (default .rsp-data). Settings come
    from the file, then the environment (RSP_PORT or PORT, RSP_HOST, DATABASE_URL, RSP_DATA_DIR,
    RSP_CORS_ORIGINS), then the options; every wrong setting is named at start.`;

/** `rsp serve`: runs until SIGINT or SIGTERM. */
export async function serve(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      static: { type: 'string', multiple: true },
      storybook: { type: 'string' },
    },
  });
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
  const server = await startServer({ port, host: values.host ?? config.host, mounts, database, corsOrigins: config.corsOrigins });
  io.out(`RSP Kit server listening on ${server.url} (database: ${where.description})`);
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

import { parseArgs } from 'node:util';
import { parseMount } from '../mounts.js';
import { startServer } from '../start.js';
import type { CommandIo } from './io.js';
import { CliError } from './io.js';

export const serveUsage = `rsp serve [--port 8080] [--host 127.0.0.1] [--static PREFIX=FOLDER]... [--storybook FOLDER]
    Start the RSP Kit server: the API under /api/ and the given folders. --static serves a
    folder under a URL prefix with the strict Content-Security-Policy (repeatable);
    --storybook serves a Storybook build under /storybook/ without it. PORT sets the port.`;

/** `rsp serve`: runs until SIGINT or SIGTERM. */
export async function serve(args: string[], io: CommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string', multiple: true },
      storybook: { type: 'string' },
    },
  });
  const rawPort = values.port ?? env.PORT ?? '8080';
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`rsp serve: --port must be a whole number from 0 to 65535; got "${rawPort}".`, 2);
  }
  let mounts;
  try {
    mounts = (values.static ?? []).map((value) => parseMount(value, true));
    if (values.storybook) mounts.push(parseMount(`/storybook/=${values.storybook}`, false));
  } catch (error) {
    throw new CliError(`rsp serve: ${(error as Error).message}`, 2);
  }
  const server = await startServer({ port, host: values.host ?? '127.0.0.1', mounts });
  io.out(`RSP Kit server listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      void server.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

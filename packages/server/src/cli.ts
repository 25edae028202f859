import { parseArgs } from 'node:util';
import { parseMount } from './mounts.js';
import { startServer } from './start.js';
import { version } from './version.js';

const usage = `rsp ${version} — RSP Kit command-line tool

Usage:
  rsp serve [--port 8080] [--host 127.0.0.1] [--static PREFIX=FOLDER]... [--storybook FOLDER]
  rsp --version
  rsp --help

Commands:
  serve   Start the RSP Kit server: the API under /api/ and the given folders.
          --static /=./examples serves a folder under a URL prefix, with the strict
          Content-Security-Policy; --storybook serves a Storybook build under
          /storybook/ (without it: Storybook needs inline scripts).
`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      static: { type: 'string', multiple: true },
      storybook: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.version) {
    console.log(version);
    return 0;
  }
  const [command] = positionals;
  if (values.help || command === undefined) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  if (command !== 'serve') {
    console.error(`rsp: unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`rsp serve: --port must be a whole number from 0 to 65535; got "${values.port ?? process.env.PORT}".`);
    return 2;
  }
  const mounts = (values.static ?? []).map((value) => parseMount(value, true));
  if (values.storybook) mounts.push(parseMount(`/storybook/=${values.storybook}`, false));
  const server = await startServer({ port, host: values.host ?? '127.0.0.1', mounts });
  console.log(`RSP Kit server ${version} listening on ${server.url}`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rsp: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

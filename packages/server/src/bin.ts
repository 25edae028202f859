import { runCli } from './cli.js';

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`rsp: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

import { auditCommand, auditUsage } from './commands/audit.js';
import { hoursCommand, hoursUsage } from './commands/hours.js';
import { importCommand, importUsage } from './commands/import.js';
import { CliError, processIo } from './commands/io.js';
import type { CommandIo } from './commands/io.js';
import { serve, serveUsage } from './commands/serve.js';
import { tokenCommand, tokenUsage } from './commands/token.js';
import { version } from './version.js';

const usage = `rsp ${version} — the RSP Kit command line

Usage:
  ${importUsage}
  ${auditUsage}
  ${hoursUsage}
  ${serveUsage}
  ${tokenUsage}
  rsp --version
  rsp --help
`;

type Command = (args: string[], io: CommandIo) => Promise<number>;
const commands: Record<string, Command> = { import: importCommand, audit: auditCommand, hours: hoursCommand, serve, token: tokenCommand };

/** Runs the command line with its arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CommandIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--version' || name === '-v') {
    io.out(version);
    return 0;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage);
    return 0;
  }
  const command = name === undefined ? undefined : commands[name];
  if (!command) {
    io.err(name === undefined ? usage : `rsp: unknown command "${name}". Run rsp --help for the commands.`);
    return 2;
  }
  try {
    return await command(args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(error.message);
      return error.exitCode;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`rsp ${name ?? ''}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

import { resolve } from 'node:path';
import { ConfigError, loadConfig } from '../config.js';
import type { ServerConfig } from '../config.js';
import type { DatabaseOptions } from '../db/index.js';
import { CliError } from './io.js';

/** The server's configuration for a command, every wrong setting reported as a usage error (exit 2). */
export function settingsFor(command: string, options: { env?: NodeJS.ProcessEnv; file?: unknown; fileName?: string } = {}): ServerConfig {
  try {
    return loadConfig(options);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(`rsp ${command}: ${error.message}`, 2);
    throw error;
  }
}

/** Where the data is: PostgreSQL with `DATABASE_URL`, else PGlite in `--data-dir` or the configured folder. */
export function databaseFor(config: ServerConfig, dataDirOption: string | undefined): DatabaseOptions & { description: string } {
  if (config.databaseUrl) return { url: config.databaseUrl, description: 'PostgreSQL' };
  const dataDir = resolve(dataDirOption ?? config.dataDir);
  return { dataDir, description: `PGlite in ${dataDir}` };
}

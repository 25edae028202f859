import { z } from 'zod';
import { describeIssues } from '@rsp/core/schemas.js';

/** What the server reads from its environment and configuration file, validated at start. */
export interface ServerConfig {
  /** Port to listen on (0: any free port). */
  readonly port: number;
  /** Address to listen on. */
  readonly host: string;
  /** A PostgreSQL server; when absent, PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** PGlite's data folder when no `databaseUrl` is set. */
  readonly dataDir: string;
  /** Origins allowed to call the API from a browser (CORS), e.g. `https://www.lot.fr`. */
  readonly corsOrigins: readonly string[];
}

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as https://www.lot.fr (scheme and host, no path)');

/** The settings as written in a configuration file (JSON), all optional. */
const FileConfig = z.strictObject({
  port: z.number().int('must be a whole number').min(0, 'must be from 0 to 65535').max(65535, 'must be from 0 to 65535').optional(),
  host: z.string().trim().min(1, 'must not be empty').optional(),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL starting with postgres://').optional(),
  dataDir: z.string().trim().min(1, 'must not be empty').optional(),
  corsOrigins: z.array(origin).optional(),
});
export type FileConfig = z.infer<typeof FileConfig>;

/** One wrong setting: where it came from and what is wrong. */
export interface ConfigProblem {
  readonly setting: string;
  readonly message: string;
}

/** The configuration cannot be used; `problems` lists every wrong setting. */
export class ConfigError extends Error {
  override name = 'ConfigError' as const;
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.message}`).join('\n')}`);
  }
}

/** Environment variables the server reads, and the file setting each one overrides. */
export const environmentVariables = {
  RSP_PORT: 'port',
  PORT: 'port',
  RSP_HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  RSP_DATA_DIR: 'dataDir',
  RSP_CORS_ORIGINS: 'corsOrigins',
} as const;

/**
 * The server's configuration: defaults, then the configuration file's
 * settings (`file`, already parsed JSON), then the environment. Every wrong
 * setting is reported at once, named as the user wrote it (`RSP_PORT`,
 * `config.json: corsOrigins[1]`).
 */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; file?: unknown; fileName?: string } = {}): ServerConfig {
  const env = options.env ?? process.env;
  const problems: ConfigProblem[] = [];
  let fromFile: FileConfig = {};
  if (options.file !== undefined) {
    const parsed = FileConfig.safeParse(options.file);
    if (parsed.success) fromFile = parsed.data;
    else {
      for (const issue of describeIssues(parsed.error.issues, 'en')) {
        problems.push({ setting: `${options.fileName ?? 'configuration file'}: ${issue.path || '(whole file)'}`, message: issue.message });
      }
    }
  }

  const fromEnv: { port?: number; host?: string; databaseUrl?: string; dataDir?: string; corsOrigins?: string[] } = {};
  const rawPort = env.RSP_PORT ?? env.PORT;
  if (rawPort !== undefined && rawPort !== '') {
    const port = Number(rawPort);
    if (/^\d+$/.test(rawPort.trim()) && port <= 65535) fromEnv.port = port;
    else problems.push({ setting: env.RSP_PORT !== undefined ? 'RSP_PORT' : 'PORT', message: `must be a whole number from 0 to 65535 (got "${rawPort}")` });
  }
  if (env.RSP_HOST) fromEnv.host = env.RSP_HOST;
  if (env.DATABASE_URL) {
    if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) fromEnv.databaseUrl = env.DATABASE_URL;
    else problems.push({ setting: 'DATABASE_URL', message: 'must be a PostgreSQL URL starting with postgres:// or postgresql://' });
  }
  if (env.RSP_DATA_DIR) fromEnv.dataDir = env.RSP_DATA_DIR;
  if (env.RSP_CORS_ORIGINS !== undefined) {
    const origins = env.RSP_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
    origins.forEach((value) => {
      if (!origin.safeParse(value).success) problems.push({ setting: 'RSP_CORS_ORIGINS', message: `"${value}" is not an origin such as https://www.lot.fr (scheme and host, no path)` });
    });
    fromEnv.corsOrigins = origins;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const merged = { ...fromFile, ...fromEnv };
  return {
    port: merged.port ?? 8080,
    host: merged.host ?? '127.0.0.1',
    databaseUrl: merged.databaseUrl,
    dataDir: merged.dataDir ?? '.rsp-data',
    corsOrigins: merged.corsOrigins ?? [],
  };
}

import { z } from 'zod';
import { describeIssues, formatPath } from '@rsp/core/schemas.js';
import type { IceServer } from './api/services.js';

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
  /** STUN/TURN servers handed to the video counter's browsers; none by default (peers on the same network only). */
  readonly iceServers: readonly IceServer[];
}

const origin = z
  .string()
  .trim()
  .regex(/^https?:\/\/[^/\s?#]+$/, 'must be an origin such as https://www.lot.fr (scheme and host, no path)');

const iceUrl = z
  .string()
  .trim()
  .regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'must be a STUN or TURN URL such as stun:stun.example.fr:3478 or turns:turn.example.fr:5349');

/** One ICE server (RTCIceServer): `urls`, and for TURN a `username` and `credential`. */
const IceServerSetting = z
  .strictObject({
    urls: z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(iceUrl, { error: 'must be a URL or a list of URLs' }).min(1, 'must list at least one URL')),
    username: z.string().min(1, 'must not be empty').optional(),
    credential: z.string().min(1, 'must not be empty').optional(),
  })
  .refine((s) => (s.username === undefined) === (s.credential === undefined), {
    message: 'give both username and credential, or neither',
    path: ['credential'],
  })
  .refine((s) => s.username !== undefined || ![s.urls].flat().some((u) => u.startsWith('turn')), {
    message: 'a TURN server needs a username and a credential',
    path: ['username'],
  });
const IceServers = z.array(IceServerSetting, { error: 'must be an array of ICE servers such as [{"urls":"stun:stun.example.fr:3478"}]' });

/** Checks ICE servers, naming each wrong one (`iceServers[1].urls[0]`) with zod's message or ours. */
function checkIceServers(raw: unknown, setting: string, problems: ConfigProblem[]): IceServer[] | undefined {
  const parsed = IceServers.safeParse(raw);
  if (parsed.success)
    return parsed.data.map((server) => ({
      urls: server.urls,
      ...(server.username === undefined ? {} : { username: server.username }),
      ...(server.credential === undefined ? {} : { credential: server.credential }),
    }));
  for (const issue of parsed.error.issues) {
    problems.push({ setting: `${setting}${formatPath(issue.path).replace(/^(?=[^[])/, '.')}`, message: issue.message });
  }
  return undefined;
}

/** The settings as written in a configuration file (JSON), all optional. */
const FileConfig = z.strictObject({
  port: z.number().int('must be a whole number').min(0, 'must be from 0 to 65535').max(65535, 'must be from 0 to 65535').optional(),
  host: z.string().trim().min(1, 'must not be empty').optional(),
  databaseUrl: z.string().regex(/^postgres(ql)?:\/\//, 'must be a PostgreSQL URL starting with postgres://').optional(),
  dataDir: z.string().trim().min(1, 'must not be empty').optional(),
  corsOrigins: z.array(origin).optional(),
  iceServers: z.unknown().optional(),
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
  RSP_ICE_SERVERS: 'iceServers',
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

  let fileIceServers: IceServer[] | undefined;
  if (fromFile.iceServers !== undefined) fileIceServers = checkIceServers(fromFile.iceServers, `${options.fileName ?? 'configuration file'}: iceServers`, problems);

  const fromEnv: { port?: number; host?: string; databaseUrl?: string; dataDir?: string; corsOrigins?: string[]; iceServers?: IceServer[] } = {};
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
  if (env.RSP_ICE_SERVERS !== undefined && env.RSP_ICE_SERVERS.trim() !== '') {
    let raw: unknown;
    try {
      raw = JSON.parse(env.RSP_ICE_SERVERS);
    } catch {
      problems.push({ setting: 'RSP_ICE_SERVERS', message: 'must be JSON: an array such as [{"urls":"stun:stun.example.fr:3478"}]' });
    }
    if (raw !== undefined) {
      const servers = checkIceServers(raw, 'RSP_ICE_SERVERS', problems);
      if (servers) fromEnv.iceServers = servers;
    }
  }

  if (problems.length > 0) throw new ConfigError(problems);
  const merged = { ...fromFile, ...fromEnv };
  return {
    port: merged.port ?? 8080,
    host: merged.host ?? '127.0.0.1',
    databaseUrl: merged.databaseUrl,
    dataDir: merged.dataDir ?? '.rsp-data',
    corsOrigins: merged.corsOrigins ?? [],
    iceServers: fromEnv.iceServers ?? fileIceServers ?? [],
  };
}

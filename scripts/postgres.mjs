// Finds a PostgreSQL server for the storage tests (docs/storage.md).
//
//   $DATABASE_URL when set; else, running as root on Debian: installs Debian's
//   `postgresql` when missing, starts its cluster, creates the `rsp_test` role
//   and database, and returns their URL; else nothing, with the reason.
//
// `node scripts/postgres.mjs --check` prints the URL (exit 0) or why the
// PostgreSQL half of the tests is skipped (exit 1).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const ROLE = 'rsp_test';
const PASSWORD = 'rsp_test';
const DATABASE = 'rsp_test';

/** @param {string} command @param {string[]} args */
function run(command, args) {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** @param {string} sql */
function psql(sql) {
  return run('runuser', ['-u', 'postgres', '--', 'psql', '-X', '-q', '-t', '-A', '-v', 'ON_ERROR_STOP=1', '-c', sql]).trim();
}

/** The installed clusters, as `pg_lsclusters` lists them. */
function clusters() {
  return run('pg_lsclusters', ['--no-header'])
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 4)
    .map(([version = '', name = '', port = '', status = '']) => ({ version, name, port: Number(port), online: status.startsWith('online') }));
}

/**
 * A PostgreSQL URL for the tests, or `{ reason }` when there is none.
 * @returns {{ url: string, how: string } | { reason: string }}
 */
export function findPostgres() {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, how: 'DATABASE_URL' };
  if (process.env.RSP_SKIP_POSTGRES) return { reason: 'RSP_SKIP_POSTGRES is set' };
  if (process.platform !== 'linux' || !existsSync('/etc/debian_version'))
    return { reason: 'DATABASE_URL is not set and this is not Debian (set DATABASE_URL to a PostgreSQL server to run them)' };
  if (typeof process.getuid !== 'function' || process.getuid() !== 0)
    return { reason: 'DATABASE_URL is not set and the tests do not run as root, so they cannot install or start PostgreSQL' };
  const steps = [];
  try {
    if (!existsSync('/usr/bin/pg_lsclusters') || clusters().length === 0) {
      const t = Date.now();
      run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql']);
      steps.push(`installed postgresql in ${Date.now() - t} ms`);
    }
    const cluster = clusters().sort((a, b) => Number(b.version) - Number(a.version))[0];
    if (!cluster) return { reason: 'postgresql is installed but has no cluster (pg_createcluster)' };
    if (!cluster.online) {
      const t = Date.now();
      run('pg_ctlcluster', [cluster.version, cluster.name, 'start']);
      steps.push(`started cluster ${cluster.version}/${cluster.name} in ${Date.now() - t} ms`);
    }
    if (psql(`SELECT 1 FROM pg_roles WHERE rolname = '${ROLE}'`) !== '1') psql(`CREATE ROLE ${ROLE} LOGIN CREATEDB PASSWORD '${PASSWORD}'`);
    // The API tests create a database of their own per suite (and drop it).
    if (psql(`SELECT rolcreatedb FROM pg_roles WHERE rolname = '${ROLE}'`) !== 't') psql(`ALTER ROLE ${ROLE} CREATEDB`);
    // They drop it WITH (FORCE), which must also stop an autovacuum worker
    // that happens to be in it: without pg_signal_backend that fails (42501).
    if (psql(`SELECT pg_has_role('${ROLE}', 'pg_signal_backend', 'MEMBER')`) !== 't') psql(`GRANT pg_signal_backend TO ${ROLE}`);
    if (psql(`SELECT 1 FROM pg_database WHERE datname = '${DATABASE}'`) !== '1') psql(`CREATE DATABASE ${DATABASE} OWNER ${ROLE}`);
    const how = steps.length ? steps.join(', ') : `cluster ${cluster.version}/${cluster.name} already running`;
    return { url: `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${cluster.port}/${DATABASE}`, how };
  } catch (error) {
    const stderr = /** @type {{ stderr?: string }} */ (error).stderr;
    const message = (stderr ?? String(error)).trim().split('\n').slice(-1)[0] ?? '';
    return { reason: `could not set up PostgreSQL: ${message}` };
  }
}

/** @type {ReturnType<typeof findPostgres> | undefined} */
let found;

/**
 * The URL of a PostgreSQL server for the tests, or `undefined` (see `postgresSkipReason()`).
 * @returns {string | undefined}
 */
export function postgresTestUrl() {
  found ??= findPostgres();
  return 'url' in found ? found.url : undefined;
}

/**
 * Why there is no PostgreSQL server for the tests, or `undefined` when there is one.
 * @returns {string | undefined}
 */
export function postgresSkipReason() {
  found ??= findPostgres();
  return 'reason' in found ? found.reason : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t = Date.now();
  const result = findPostgres();
  if ('url' in result) {
    console.log(`PostgreSQL for the tests: ${result.url.replace(/:[^:@/]*@/, ':***@')} (${result.how}, ${Date.now() - t} ms)`);
    if (process.argv.includes('--url')) console.log(result.url);
  } else {
    console.log(`PostgreSQL half of the tests skipped: ${result.reason}`);
    process.exitCode = process.argv.includes('--check') ? 1 : 0;
  }
}

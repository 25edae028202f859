import type { Queryable } from './database.js';

/** One schema change: applied once, in `version` order, inside a transaction. */
export interface Migration {
  /** 1, 2, 3…: the order, and the key recorded in `schema_migrations`. */
  readonly version: number;
  readonly name: string;
  /** SQL statements, run as one script. */
  readonly sql: string;
}

/** The schema, in order. Append only: never edit an applied migration, add the next one. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: /* sql */ `
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Every record keeps its full JSON (the @rsp/core schema, with schemaVersion)
-- plus the columns that queries and constraints need.
CREATE TABLE sites (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agencies (
  id text PRIMARY KEY,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE conventions (
  id text PRIMARY KEY,
  site_id text NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conventions_site ON conventions (site_id);
CREATE INDEX conventions_agency ON conventions (agency_id);

CREATE TABLE motifs (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX motifs_agency ON motifs (agency_id);

-- No foreign keys to sites/agencies/motifs: a booking outlives a re-import of
-- the referential data. "resource" is what cannot be booked twice at once:
-- agency/site/channel by default, or one seat or desk when capacity > 1.
CREATE TABLE bookings (
  id text PRIMARY KEY,
  agency_id text NOT NULL,
  motif_id text NOT NULL,
  site_id text,
  channel text NOT NULL CHECK (channel IN ('on-site', 'phone', 'visio')),
  resource text NOT NULL,
  during tstzrange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
  status text NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'honoured', 'no-show')),
  token_hash text NOT NULL CONSTRAINT bookings_token_unique UNIQUE,
  record jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (resource WITH =, during WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX bookings_agency_during ON bookings USING gist (agency_id, during);

-- Anonymous: no IP address, no user agent, no cookie. One answer per visit.
CREATE TABLE survey_responses (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  survey_id text NOT NULL,
  survey_version integer NOT NULL,
  site_id text NOT NULL,
  visit_token text NOT NULL,
  submitted_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  record jsonb NOT NULL,
  CONSTRAINT survey_responses_one_per_visit UNIQUE (survey_id, visit_token)
);
CREATE INDEX survey_responses_site_submitted ON survey_responses (site_id, submitted_at);

CREATE TABLE weekly_counts (
  site_id text NOT NULL,
  week text NOT NULL CHECK (week ~ '^[0-9]{4}-W[0-9]{2}$'),
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT weekly_counts_one_per_week PRIMARY KEY (site_id, week)
);

CREATE TABLE visio_sessions (
  id text PRIMARY KEY,
  site_id text NOT NULL,
  agency_id text NOT NULL,
  requested_at timestamptz NOT NULL,
  record jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visio_sessions_site_requested ON visio_sessions (site_id, requested_at);

-- Bearer tokens: only their SHA-256 is kept.
CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  token_hash text NOT NULL CONSTRAINT api_tokens_hash_unique UNIQUE,
  role text NOT NULL CHECK (role IN ('mediator', 'agent', 'coordinator')),
  site_id text,
  agency_id text,
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

-- The first answer to a POST, per caller ("scope") and key, kept 24 hours.
-- response IS NULL while the first request runs.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  status integer,
  response jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
`,
  },
  {
    version: 2,
    name: 'admin-tokens',
    sql: /* sql */ `
-- The fourth role of the server: admin (manages tokens and data).
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_role_check;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_role_check CHECK (role IN ('mediator', 'agent', 'coordinator', 'admin'));
`,
  },
  {
    version: 3,
    name: 'availability-and-visio-queue',
    sql: /* sql */ `
-- When an agency receives, per channel: at a site (on-site, or visio calls from
-- that site) or for every site (site_id NULL: an agent's phone or visio hours).
-- OSM opening_hours syntax; capacity = how many appointments at once.
CREATE TABLE availability (
  id text PRIMARY KEY,
  agency_id text NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  site_id text REFERENCES sites (id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('on-site', 'phone', 'visio')),
  hours text NOT NULL,
  capacity integer NOT NULL DEFAULT 1 CHECK (capacity BETWEEN 1 AND 50),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX availability_agency ON availability (agency_id, channel);

-- The visio-guichet queue: a citizen's ticket, its server-issued PeerJS id,
-- and, once an agent admits it, the agent's peer id and the session opened.
CREATE TABLE visio_tickets (
  id text PRIMARY KEY,
  peer_id text NOT NULL CONSTRAINT visio_tickets_peer_unique UNIQUE,
  site_id text NOT NULL,
  agency_id text NOT NULL,
  motif_id text,
  status text NOT NULL CHECK (status IN ('waiting', 'admitted', 'cancelled', 'expired')),
  requested_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  admitted_at timestamptz,
  agent_token_id text,
  agent_peer_id text,
  session_id text
);
CREATE INDEX visio_tickets_queue ON visio_tickets (agency_id, status, requested_at);

-- An agent's desk: the PeerJS id the server issued to an agent token, and when
-- the desk last polled the queue (an agent "on duty").
CREATE TABLE visio_desks (
  peer_id text PRIMARY KEY,
  token_id text NOT NULL,
  agency_id text NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visio_desks_agency ON visio_desks (agency_id, last_seen_at);
`,
  },
  {
    version: 4,
    name: 'demo-seed',
    sql: /* sql */ `
-- What \`rsp serve --demo\` has written, per part (the seed networks, the national
-- list): the version of that part's data, so that a restart seeds only what is
-- missing or outdated.
CREATE TABLE demo_seed (
  part text PRIMARY KEY,
  version text NOT NULL,
  records integer NOT NULL,
  seeded_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
];

/** Key of the advisory lock that serialises migrations between processes. */
export const MIGRATION_LOCK = 72_657_001;

/** Runs `fn` in a transaction; what `Database.transaction` gives. */
type InTransaction = <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;

/**
 * Applies the pending migrations in order, each in its own transaction that
 * first takes a transaction-level advisory lock, so two processes starting
 * together migrate one after the other (the second sees the first's rows and
 * skips). Returns the versions it applied; none when up to date.
 */
export async function migrate(db: { transaction: InTransaction }, list: readonly Migration[] = migrations): Promise<number[]> {
  const applied: number[] = [];
  const ordered = [...list].sort((a, b) => a.version - b.version);
  for (const migration of ordered) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

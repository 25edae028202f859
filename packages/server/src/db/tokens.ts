import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken } from './bookings.js';
import type { Queryable } from './database.js';

/** Who a bearer token speaks for. */
export type Role = 'mediator' | 'agent' | 'coordinator' | 'admin';

/** The roles, in the order the CLI lists them. */
export const roles: readonly Role[] = ['mediator', 'agent', 'coordinator', 'admin'];

/** What a token grants: a role, and the agency (agents) or site (mediators) it is bound to. */
export interface TokenGrant {
  readonly id: string;
  readonly role: Role;
  readonly agencyId?: string;
  readonly siteId?: string;
  readonly label?: string;
}

/** A new token's grant, and the token itself, shown once: only its SHA-256 is stored. */
export interface CreatedToken extends TokenGrant {
  readonly token: string;
}

/** Why a token cannot be created. */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError' as const;
}

/**
 * Creates a bearer token. An agent's token names its agency and a
 * mediator's its site (they see only their agency's queue, their site's
 * agenda); coordinators and admins are bound to neither. The token is 32
 * random bytes, `rsp_` + base64url; only its hash reaches the database.
 */
export async function createToken(
  db: Queryable,
  request: { role: Role; agencyId?: string | undefined; siteId?: string | undefined; label?: string | undefined },
): Promise<CreatedToken> {
  if (!roles.includes(request.role)) throw new TokenRequestError(`The role must be one of ${roles.join(', ')}; got "${request.role}".`);
  if (request.role === 'agent' && !request.agencyId) throw new TokenRequestError('An agent’s token needs the agency it answers for (--agency).');
  if (request.role === 'mediator' && !request.siteId) throw new TokenRequestError('A mediator’s token needs the site where the mediator works (--site).');
  const token = `rsp_${randomBytes(32).toString('base64url')}`;
  const id = randomUUID();
  await db.query('INSERT INTO api_tokens (id, token_hash, role, site_id, agency_id, label) VALUES ($1, $2, $3, $4, $5, $6)', [
    id,
    hashToken(token),
    request.role,
    request.siteId ?? null,
    request.agencyId ?? null,
    request.label ?? null,
  ]);
  return { id, token, role: request.role, ...grantFields(request.agencyId ?? null, request.siteId ?? null, request.label ?? null) };
}

function grantFields(agencyId: string | null, siteId: string | null, label: string | null): Pick<TokenGrant, 'agencyId' | 'siteId' | 'label'> {
  return { ...(agencyId ? { agencyId } : {}), ...(siteId ? { siteId } : {}), ...(label ? { label } : {}) };
}

/** The grant of a bearer token, or `undefined` when it is unknown or revoked. */
export async function findToken(db: Queryable, token: string): Promise<TokenGrant | undefined> {
  const [row] = await db.query<{ id: string; role: Role; agency_id: string | null; site_id: string | null; label: string | null }>(
    'SELECT id, role, agency_id, site_id, label FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL',
    [hashToken(token)],
  );
  return row ? { id: row.id, role: row.role, ...grantFields(row.agency_id, row.site_id, row.label) } : undefined;
}

/** Revokes a token by its id; `false` when there is no such live token. */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>('UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [id]);
  return rows.length === 1;
}

/** Revokes every live token with this label (the demo's tokens, at each start); returns how many. */
export async function revokeTokensByLabel(db: Queryable, label: string): Promise<number> {
  const rows = await db.query<{ id: string }>('UPDATE api_tokens SET revoked_at = now() WHERE label = $1 AND revoked_at IS NULL RETURNING id', [label]);
  return rows.length;
}

import type { Database } from '../db/database.js';
import { createToken, revokeTokensByLabel } from '../db/tokens.js';
import type { CreatedToken, Role } from '../db/tokens.js';

/** The label of the demo's tokens: those of the previous start are revoked by it. */
export const DEMO_LABEL = 'demo';

/** A demo token and who it speaks for, in words. */
export interface DemoToken extends CreatedToken {
  readonly who: string;
}

const grants: readonly { role: Role; agencyId?: string; siteId?: string; who: string }[] = [
  { role: 'mediator', siteId: 'rsp-46-gourdon', who: 'mediator of the RSP de Gourdon (Lot)' },
  { role: 'agent', agencyId: 'caf', who: 'agent of the CAF du Lot' },
  { role: 'coordinator', who: 'coordinator' },
  { role: 'admin', who: 'admin' },
];

/**
 * Revokes the live tokens labelled "demo" and creates one per role (a
 * mediator of Gourdon, an agent of the CAF, a coordinator, an admin), in one
 * transaction. The tokens are returned once; only their hashes are kept.
 */
export async function createDemoTokens(db: Database): Promise<{ tokens: DemoToken[]; revoked: number }> {
  return db.transaction(async (tx) => {
    const revoked = await revokeTokensByLabel(tx, DEMO_LABEL);
    const tokens: DemoToken[] = [];
    for (const { who, ...grant } of grants) tokens.push({ ...(await createToken(tx, { ...grant, label: DEMO_LABEL })), who });
    return { tokens, revoked };
  });
}

// The browser side of the satisfaction tests' server commands (see ./server.mjs).
import { executeServerCommand } from '@web/test-runner-commands';
import type { SurveyResponse } from '@rsp/core/schemas.js';

/** What the server's database holds: the survey responses and the idempotency keys it answered. */
export interface Stored {
  readonly count: number;
  readonly responses: SurveyResponse[];
  readonly keys: { readonly key: string; readonly status: number | null }[];
}

/** The id of the site the test server knows. */
export const SITE_ID = 'lot-gourdon';

const command = <R>(name: string): Promise<R> =>
  executeServerCommand<R, Record<string, unknown>>(`satisfaction-${name}`, { origin: location.origin });

export const server = {
  /** Starts the real server (or keeps it running); its base URL, the same at every restart. */
  start: async () => (await command<{ url: string }>('start')).url,
  /** Stops the server and closes its database (the data folder stays). */
  stop: () => command<{ running: false }>('stop'),
  /** Reads the database (opening the data folder when the server is stopped). */
  stored: () => command<Stored>('stored'),
  /** Empties the survey responses and idempotency keys. */
  reset: () => command<{ ok: true }>('reset'),
};

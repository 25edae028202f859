// The browser side of the video tests' server commands (see ./server.mjs).
import { executeServerCommand } from '@web/test-runner-commands';

const command = <R>(name: string, payload: Record<string, unknown> = {}): Promise<R> =>
  executeServerCommand<R, Record<string, unknown>>(`video-${name}`, { origin: location.origin, ...payload });

export interface TicketRow {
  readonly id: string;
  readonly status: string;
  readonly agency_id: string;
  readonly session_id: string | null;
}

export const server = {
  /** Starts the real server (once); its base URL. */
  url: async () => (await command<{ url: string }>('server')).url,
  /** Empties the queue, desks and sessions. */
  reset: () => command<{ url: string }>('reset'),
  /** A new agent token of an agency. */
  agentToken: (agencyId: string) => command<string>('token', { agencyId }),
  /** The tickets in the database. */
  tickets: () => command<TicketRow[]>('tickets'),
  /** The session records in the database. */
  sessions: () => command<Record<string, unknown>[]>('sessions'),
};

// The browser side of the booking tests' server commands (see ./server.mjs).
import { executeServerCommand } from '@web/test-runner-commands';
import type { Booking } from '@rsp/core/schemas.js';

/** One POST /api/bookings seen by the proxy in front of the real server. */
export interface LoggedBooking {
  /** When it reached the proxy, and when the proxy sent it to the server (epoch ms). */
  readonly at: number;
  readonly sent: number;
  readonly key: string | undefined;
  readonly status: number;
  readonly replayed: boolean;
  readonly delivered: boolean;
  /** From `sent` to the server's answer. */
  readonly ms: number;
}

export interface Counts {
  readonly total: number;
  readonly confirmed: number;
  readonly cancelled: number;
}

const command = <R>(name: string, payload: Record<string, unknown> = {}): Promise<R> =>
  executeServerCommand<R, Record<string, unknown>>(`booking-${name}`, { origin: location.origin, ...payload });

export const server = {
  /** Starts the server once; its (proxied) base URL. */
  url: async () => (await command<{ url: string }>('server')).url,
  /** Empties the bookings and idempotency keys, sets the clock (default Tuesday 1 December 2026, 08:00 Paris), clears faults and the log. */
  reset: (now?: string) => command<{ url: string }>('reset', now ? { now } : {}),
  count: () => command<Counts>('count'),
  bookings: () => command<Booking[]>('bookings'),
  token: (siteId = 'lot-gramat') => command<string>('token', { role: 'mediator', siteId }),
  fault: (fault: { dropBookings?: number; down?: boolean; barrier?: number }) => command<unknown>('fault', fault),
  log: () => command<LoggedBooking[]>('log'),
};

/**
 * The site's agenda for the mediator mode: `GET /api/agenda` (docs/api.md).
 * The typed client of `@rsp/core/client.js` has no method for this endpoint
 * yet, so this one call is made here, with the same headers and the same
 * record validation (`Booking` of `@rsp/core/schemas.js`).
 *
 * @module
 */
import { Booking } from '@rsp/core/schemas.js';
import { validate } from '@rsp/core/schemas.js';
import type { Locale } from '@rsp/core/locale.js';

/** Why the agenda could not be read: the HTTP status (0 when the server was not reached). */
export class AgendaError extends Error {
  override readonly name = 'AgendaError';
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/** The non-cancelled bookings of `siteId` on `day` (`YYYY-MM-DD`, default today on the server). */
export async function fetchAgenda(
  base: string,
  token: string,
  siteId: string,
  day: string | undefined,
  locale: Locale,
  signal?: AbortSignal,
): Promise<Booking[]> {
  const url = new URL('api/agenda', new URL(base, document.baseURI));
  url.searchParams.set('site', siteId);
  if (day) url.searchParams.set('day', day);
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', 'accept-language': locale, authorization: `Bearer ${token}` }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new AgendaError(0, String(error));
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const detail = typeof body === 'object' && body !== null && 'detail' in body ? String(body.detail) : response.statusText;
    throw new AgendaError(response.status, detail);
  }
  const items: unknown = typeof body === 'object' && body !== null && 'items' in body ? body.items : undefined;
  if (!Array.isArray(items)) throw new AgendaError(response.status, 'invalid answer');
  return items.map((item) => {
    const result = validate(Booking, item, { locale });
    if (!result.success) throw new AgendaError(response.status, result.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    return result.data;
  });
}

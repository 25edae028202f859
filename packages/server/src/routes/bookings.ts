import type { AnyEndpoint } from '../api/endpoint.js';

/** The bookings endpoints of docs/api.md. */
export const bookingEndpoints: readonly AnyEndpoint[] = [];

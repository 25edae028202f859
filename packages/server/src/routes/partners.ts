import type { AnyEndpoint } from '../api/endpoint.js';

/** The partners endpoints of docs/api.md. */
export const partnerEndpoints: readonly AnyEndpoint[] = [];

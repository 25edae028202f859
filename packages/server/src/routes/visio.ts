import type { AnyEndpoint } from '../api/endpoint.js';

/** The visio endpoints of docs/api.md. */
export const visioEndpoints: readonly AnyEndpoint[] = [];

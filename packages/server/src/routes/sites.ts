import type { AnyEndpoint } from '../api/endpoint.js';

/** The sites endpoints of docs/api.md. */
export const siteEndpoints: readonly AnyEndpoint[] = [];

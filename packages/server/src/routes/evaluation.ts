import type { AnyEndpoint } from '../api/endpoint.js';

/** The evaluation endpoints of docs/api.md. */
export const evaluationEndpoints: readonly AnyEndpoint[] = [];

import type { AnyEndpoint } from '../api/endpoint.js';

/** The surveys endpoints of docs/api.md. */
export const surveyEndpoints: readonly AnyEndpoint[] = [];

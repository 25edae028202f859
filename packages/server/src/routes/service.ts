import { Health, OpenApiDocument } from '@rsp/core/client.js';
import { endpoint, ok } from '../api/endpoint.js';
import type { AnyEndpoint } from '../api/endpoint.js';
import { openApiDocument } from '../api/openapi.js';
import { version } from '../version.js';

/**
 * `GET /api/health` and `GET /api/openapi.json`. The document is built from
 * `endpoints` (every endpoint of the server, these two included) on first use.
 */
export function serviceEndpoints(endpoints: () => readonly AnyEndpoint[]): AnyEndpoint[] {
  let document: unknown;
  return [
    endpoint({
      method: 'GET',
      path: '/api/health',
      tag: 'service',
      summary: 'Whether the server and its database answer.',
      rate: 'none',
      answers: { 200: { description: 'The server’s health', schema: Health } },
      async handle({ database, services }) {
        let status: 'ok' | 'degraded' = 'ok';
        try {
          await database.query('SELECT 1');
        } catch (error) {
          services.log('Health check: the database does not answer', error);
          status = 'degraded';
        }
        return ok({ status, version, time: services.now().toISOString() }, 200, { 'Cache-Control': 'no-store' });
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/openapi.json',
      tag: 'service',
      summary: 'The OpenAPI 3.1 document of this API, generated from the zod schemas.',
      rate: 'none',
      answers: { 200: { description: 'OpenAPI 3.1 document', schema: OpenApiDocument } },
      handle() {
        document ??= openApiDocument(endpoints(), { version });
        return ok(document, 200, { 'Cache-Control': 'public, max-age=300' });
      },
    }),
  ];
}

import { z } from 'zod';
import type { AnyEndpoint } from './endpoint.js';
import { problemKinds } from './problems.js';

type JsonObject = Record<string, unknown>;

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output'): JsonObject => {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonObject;
  delete out.$schema;
  return out;
};

const ProblemSchema: JsonObject = {
  type: 'object',
  description: 'RFC 9457 problem details, in the language of Accept-Language.',
  required: ['type', 'title', 'status', 'detail', 'instance'],
  properties: {
    type: { type: 'string', description: 'about:blank, or https://rsp.example.fr/problems/<kind>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
};

const statusWords: Record<number, string> = Object.fromEntries(Object.values(problemKinds).map((k) => [k.status, k.title.en]));

/** The parameters of a zod object schema, as OpenAPI parameters. */
function parameters(schema: z.core.$ZodType | undefined, where: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

/**
 * The OpenAPI 3.1 document of the endpoints, from the same zod schemas that
 * validate the requests (`io: 'input'`) and describe the answers.
 */
export function openApiDocument(endpoints: readonly AnyEndpoint[], info: { version: string }): JsonObject {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const e of endpoints) {
    const responses: Record<string, JsonObject> = {};
    for (const [status, answer] of Object.entries(e.answers)) {
      responses[status] = {
        description: answer.description,
        ...(answer.schema ? { content: { [answer.contentType ?? 'application/json']: { schema: jsonSchema(answer.schema, 'output') } } } : {}),
      };
    }
    const problemStatuses = new Set<number>([400, 500, ...(e.problems ?? [])]);
    if (e.roles) problemStatuses.add(401).add(403);
    if (e.method !== 'GET') problemStatuses.add(413).add(415);
    if (e.body) problemStatuses.add(422);
    if ((e.rate ?? (e.roles ? 'none' : 'read')) !== 'none') problemStatuses.add(429);
    for (const status of [...problemStatuses].sort()) {
      responses[String(status)] ??= {
        description: statusWords[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    const operation: JsonObject = {
      operationId: `${e.method.toLowerCase()}${e.path.replace(/\{(\w+)\}/g, 'By_$1').replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: e.summary,
      tags: [e.tag],
      parameters: [
        ...parameters(e.params, 'path'),
        ...parameters(e.query, 'query'),
        ...(e.idempotency
          ? [{ name: 'Idempotency-Key', in: 'header', required: e.idempotency === 'required', schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,200}$' } }]
          : []),
      ],
      ...(e.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(e.body, 'input') } } } } : {}),
      responses,
      ...(e.roles ? { security: [{ bearer: [] }], 'x-rsp-roles': [...e.roles] } : { security: [] }),
    };
    (paths[e.path] ??= {})[e.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'RSP Kit API',
      version: info.version,
      description: 'The reference API of RSP Kit (Relais Services Publics / France Services). See docs/api.md.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Problem: ProblemSchema },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `rsp token create`.' } },
    },
  };
}

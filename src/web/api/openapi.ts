// The OpenAPI 3.1 document served at /api/v1/openapi.json, generated from the operations the
// routes parse and answer with (operation.ts), so it cannot drift from them: parameters and
// bodies from the zod schemas the routes parse with (z.toJSONSchema, as the client sends them),
// answers from the response schemas, every error as the shared Error schema.
//
// Adding operations (another module under /api/v1, e.g. the write API under /api/v1/admin):
//   1. In your module, describe each route with `defineOperation({ method, path, operationId,
//      summary, query, params, body: { schema }, responses: { 200: { description, schema } },
//      errors: [400, 401, ...], security: [{ apiToken: [] }] })` from ./operation.ts; `path` is
//      relative to /api/v1 in OpenAPI style (/admin/articles/{id}), `op.route` is the Fastify one.
//      Shared answer shapes: `.register(apiSchemas, { id: 'Name' })` to make them components.
//   2. In the route, parse with the same schemas: `parseOr400(op.query, request.query)`,
//      `parseOr400(op.params, request.params)`, and the body likewise.
//   3. Export your operations as an array and spread it into OPERATIONS below; if they need
//      credentials, add the scheme to SECURITY_SCHEMES (e.g. apiToken: { type: 'http',
//      scheme: 'bearer' }).
// src/web/api/openapi.test.ts then checks the document against the OpenAPI 3.1 schema, that
// every route under /api/v1 is in it and the reverse, and that public operations accept exactly
// the query parameters they document.
import { z } from 'zod';
import { adminOperations, API_TOKEN_SCHEME, apiTokenScheme } from './admin/operations.ts';
import { contentOperations } from './content-operations.ts';
import { ApiError, apiSchemas, ERROR_MEANINGS, type Operation } from './operation.ts';

/** Every operation under /api/v1, in the order the document lists them. */
export const OPERATIONS: readonly Operation[] = [...contentOperations, ...adminOperations];

/** Security schemes operations may name in `security` (none for the public content API). */
export const SECURITY_SCHEMES: Record<string, Record<string, unknown>> = {
  [API_TOKEN_SCHEME]: apiTokenScheme,
};

type JsonSchema = Record<string, unknown>;

/** Drops what the document does not need: per-schema $schema/$id, and JavaScript's safe-integer bounds. */
function tidy(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(tidy);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  const obj = schema as JsonSchema;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$schema' || key === '$id') continue;
    if ((key === 'minimum' || key === 'maximum') && Math.abs(Number(value)) === Number.MAX_SAFE_INTEGER)
      continue;
    // zod writes a long pattern beside format: date-time or date; the format says it.
    if (key === 'pattern' && (obj.format === 'date-time' || obj.format === 'date')) continue;
    out[key] = tidy(value);
  }
  return out;
}

const componentUri = (id: string) => `#/components/schemas/${id}`;

/** A query or path schema's keys as OpenAPI parameters, each described as a client sends it. */
function parametersOf(schema: z.ZodObject | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  return Object.entries(schema.shape).map(([name, field]) => {
    const json = tidy(
      z.toJSONSchema(field as z.ZodType, { io: 'input', unrepresentable: 'any' }),
    ) as JsonSchema;
    const { description, ...rest } = json;
    const required = where === 'path' || !(field as z.ZodType).safeParse(undefined).success;
    return {
      name,
      in: where,
      required,
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** Gives every unnamed answer or body schema a component name, so the document refers to all by $ref. */
function nameSchema(schema: z.ZodType, fallback: string): string {
  const existing = apiSchemas.get(schema);
  if (existing) return existing.id;
  apiSchemas.add(schema, { id: fallback });
  return fallback;
}

const ref = (id: string) => ({ $ref: componentUri(id) });
const header = (description: string, type = 'string') => ({ description, schema: { type } });
const CACHE_HEADERS = {
  ETag: header('Send it back in If-None-Match to get a 304 when nothing changed.'),
  'Cache-Control': header('How long the answer may be reused.'),
};
const RATE_HEADERS = {
  'x-ratelimit-limit': header('Requests allowed per minute.', 'integer'),
  'x-ratelimit-remaining': header('Requests left in the current minute.', 'integer'),
  'x-ratelimit-reset': header('Seconds until the count starts again.', 'integer'),
};

function operationObject(op: Operation) {
  const rate = op.rateLimited ? RATE_HEADERS : {};
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(op.responses)) {
    if (!answer) continue;
    const headers = { ...(op.cacheable && status !== '304' ? CACHE_HEADERS : {}), ...rate };
    responses[status] = {
      description: answer.description,
      ...(Object.keys(headers).length ? { headers } : {}),
      ...(answer.schema
        ? {
            content: {
              [answer.contentType ?? 'application/json']: {
                schema: ref(nameSchema(answer.schema, `${capitalized(op.operationId)}${status}`)),
              },
            },
          }
        : {}),
    };
  }
  for (const status of op.errors) {
    responses[String(status)] = {
      description: ERROR_MEANINGS[status],
      headers: {
        ...rate,
        ...(status === 429 || status === 503 ? { 'Retry-After': header('Seconds to wait.', 'integer') } : {}),
      },
      content: { 'application/json': { schema: ref(nameSchema(ApiError, 'Error')) } },
    };
  }
  const parameters = [...parametersOf(op.params, 'path'), ...parametersOf(op.query, 'query')];
  return {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.tags ? { tags: op.tags } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            ...(op.body.description ? { description: op.body.description } : {}),
            content: {
              [op.body.contentType ?? 'application/json']: {
                schema: ref(nameSchema(op.body.schema, `${capitalized(op.operationId)}Body`)),
              },
            },
          },
        }
      : {}),
    responses,
    security: op.security,
  };
}

function capitalized(id: string): string {
  return id.charAt(0).toUpperCase() + id.slice(1);
}

/** The document for a site at `baseUrl`. */
export function openApiDocument(baseUrl: string, operations: readonly Operation[] = OPERATIONS) {
  const ids = new Set<string>();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    if (ids.has(op.operationId)) throw new Error(`operationId ${op.operationId} is used twice`);
    ids.add(op.operationId);
    const item = paths[op.path] ?? {};
    paths[op.path] = item;
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is described twice`);
    item[op.method] = operationObject(op);
  }
  // After the operations: they name their unnamed schemas as they go.
  const generated = z.toJSONSchema(apiSchemas, { uri: componentUri, io: 'output', unrepresentable: 'any' });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Midad API',
      version: '1',
      description:
        'JSON access to a Midad site. The content API is public and read-only: it returns published articles only, never unpublished content; its answers carry ETags (send If-None-Match for a 304). Operations that need credentials say so in their security. Errors are { "error": { "code", "message" } } with a stable code. Full guide: docs/api.md.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    // Public unless an operation says otherwise.
    security: [],
    paths,
    components: {
      schemas: tidy(generated.schemas) as Record<string, JsonSchema>,
      ...(Object.keys(SECURITY_SCHEMES).length ? { securitySchemes: SECURITY_SCHEMES } : {}),
    },
  };
}

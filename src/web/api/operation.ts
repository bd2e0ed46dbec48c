// One API operation described once: its method and path, the zod schemas its route parses
// (query, path parameters, body) and those of its answers. The route parses with these very
// schemas and openapi.ts turns them into the OpenAPI document, so the two cannot disagree.
// Schemas that several answers share are named components: register them in `apiSchemas` with
// an id (`.register(apiSchemas, { id: 'Article' })`) and the document refers to them by $ref.
import { z } from 'zod';

/** Named schemas: each becomes #/components/schemas/<id> in the OpenAPI document. */
export const apiSchemas = z.registry<{ id: string; description?: string }>();

/** Every error answer of the API: a status and `{ "error": { "code", "message" } }`. */
export const ApiError = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable: see the table in docs/api.md.'),
      message: z.string().describe('For the developer reading the log; may change.'),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('For refused input (400 malformed, 422 invalid): each field named, with what is wrong.'),
    }),
  })
  .register(apiSchemas, { id: 'Error' });

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** What each error status means, as the document describes it unless an operation says more. */
export const ERROR_MEANINGS = {
  400: 'A parameter the operation does not take, a bad or repeated value, a malformed cursor.',
  401: 'No credentials, or credentials that are not valid.',
  403: 'The credentials do not allow this.',
  404: 'Nothing there: an unknown resource or filter, or content that is not published.',
  409: 'The change conflicts with the current state.',
  413: 'The body is too large.',
  422: 'The request is well formed but breaks a rule (an unknown section, a file that is not an image): `fields` names the field.',
  429: 'Too many requests from this address: wait for the time in retry-after.',
  503: 'The database cannot be reached for a moment: retry after the time in retry-after.',
} as const;
export type ErrorStatus = keyof typeof ERROR_MEANINGS;

export interface OperationResponse {
  description: string;
  /** The body's schema; omit for an answer without body (204, 304). */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

export interface OperationSpec {
  method: HttpMethod;
  /** Relative to the server (/api/v1), OpenAPI style: /articles/{ref}. */
  path: string;
  /** Unique across the document; names the function a generated client gets. */
  operationId: string;
  summary: string;
  description?: string;
  /** Groups operations in documentation tools (e.g. "content", "admin"). */
  tags?: readonly string[];
  /** The schema the route parses its query string with; every key becomes a query parameter. */
  query?: z.ZodObject;
  /** The schema the route parses its path parameters with. */
  params?: z.ZodObject;
  body?: { schema: z.ZodType; contentType?: string; description?: string };
  /** Successful answers by status (200, 201, 204, 304…). */
  responses: Partial<Record<number, OperationResponse>>;
  /** Error statuses the operation may answer; each gets the Error schema. */
  errors: readonly ErrorStatus[];
  /** [] for public operations; otherwise the schemes of openapi.ts's SECURITY_SCHEMES it takes. */
  security: readonly Readonly<Record<string, readonly string[]>>[];
  /** Adds ETag and Cache-Control to the successful answers' headers. */
  cacheable?: boolean;
  /** Adds the x-ratelimit-* headers to every answer. */
  rateLimited?: boolean;
}

/** An operation as defineOperation returns it: its schemas keep their types for the route. */
export type Operation<S extends OperationSpec = OperationSpec> = Readonly<S> & {
  /** The path as Fastify writes it: /articles/:ref. */
  readonly route: string;
};

/** Checks what can be checked when the module loads, and returns the operation. */
export function defineOperation<S extends OperationSpec>(spec: S): Operation<S> {
  if (!spec.path.startsWith('/')) throw new Error(`${spec.operationId}: the path must start with /`);
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(spec.operationId)) {
    throw new Error(`${spec.operationId}: an operationId is an identifier`);
  }
  const inPath = [...spec.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const declared = spec.params ? Object.keys(spec.params.shape) : [];
  if (inPath.sort().join() !== declared.sort().join()) {
    throw new Error(`${spec.operationId}: path parameters {${inPath}} but params schema {${declared}}`);
  }
  return { ...spec, route: spec.path.replace(/\{([^}]+)\}/g, ':$1') };
}

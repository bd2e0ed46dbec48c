// The OpenAPI document against the routes it describes: valid OpenAPI 3.1 (the OpenAPI
// Initiative's schema, and every Schema Object compiled as JSON Schema 2020-12), one operation for
// every route under /api/v1 and no other, each public operation accepting exactly the query
// parameters it documents, and real answers matching the documented schemas.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { OPERATIONS, type openApiDocument } from './openapi.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'query' | 'path';
  required: boolean;
  schema: Json;
}
interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
  security: unknown[];
}
type Document = ReturnType<typeof openApiDocument>;

const DOC_ID = 'https://midad.test/openapi.json';

let site: TestSite;
let doc: Document;
const routes = new Set<string>();

before(async () => {
  site = await startTestSite({
    onRoute: ({ method, url }) => {
      for (const m of [method].flat()) {
        if (m !== 'HEAD' && m !== 'OPTIONS' && url.startsWith('/api/v1/')) routes.add(`${m} ${url}`);
      }
    },
  });
  const res = await site.app.inject('/api/v1/openapi.json');
  assert.equal(res.statusCode, 200);
  doc = res.json<Document>();
});
after(() => site.close());

function operations(): { method: string; path: string; op: OperationObject }[] {
  return Object.entries(doc.paths).flatMap(([p, item]) =>
    Object.entries(item as Record<string, OperationObject>).map(([method, op]) => ({ method, path: p, op })),
  );
}

function newAjv(): Ajv2020 {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  ajv.addFormat('media-range', true);
  return ajv;
}

/** A value the parameter's schema accepts, as it would be written in a URL. */
function sample(p: Parameter): string {
  const s = p.schema;
  if (p.name === 'ref') return String(site.mainArticle.id);
  if (p.name === 'q') return 'مالي';
  if (Array.isArray(s.enum)) return String(s.enum[0]);
  if (s.format === 'date') return '2026-01-15';
  if (s.type === 'integer') return String(s.default ?? s.minimum ?? 1);
  if (p.name === 'fields') return 'title';
  return 'x';
}

function urlOf(pathTemplate: string, op: OperationObject, query: Record<string, string>): string {
  let url = `/api/v1${pathTemplate}`;
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(sample(p)));
  }
  const qs = new URLSearchParams(query).toString();
  return qs ? `${url}?${qs}` : url;
}

function requiredQuery(op: OperationObject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of op.parameters ?? []) if (p.in === 'query' && p.required) out[p.name] = sample(p);
  return out;
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose schemas are valid JSON Schema', async () => {
    // The OpenAPI Initiative's schema for 3.1 documents, as a maintained validator ships it.
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2)?.slice(0, 2000));
    // The OpenAPI schema only checks that Schema Objects are objects: compile each one.
    const schemas = newAjv();
    schemas.addSchema({ ...doc, $id: DOC_ID });
    for (const name of Object.keys(doc.components.schemas)) {
      assert.ok(schemas.validateSchema(doc.components.schemas[name]!), `${name}: ${schemas.errorsText()}`);
      schemas.getSchema(`${DOC_ID}#/components/schemas/${name}`);
    }
    for (const { path: p, op } of operations()) {
      for (const param of op.parameters ?? []) {
        assert.ok(schemas.validateSchema(param.schema), `${p} ${param.name}: ${schemas.errorsText()}`);
      }
    }
  });

  it('says what the API is: license, public security, an operationId and error schema everywhere', () => {
    assert.equal(doc.info.license.identifier, 'AGPL-3.0-or-later');
    assert.deepEqual(doc.security, []);
    const ids = new Set<string>();
    for (const { method, path: p, op } of operations()) {
      const where = `${method.toUpperCase()} ${p}`;
      assert.match(op.operationId, /^[A-Za-z][A-Za-z0-9_]*$/, where);
      assert.ok(!ids.has(op.operationId), `${op.operationId} twice`);
      ids.add(op.operationId);
      assert.ok(Array.isArray(op.security), `${where} says whether it needs credentials`);
      for (const requirement of op.security as Record<string, unknown>[]) {
        for (const scheme of Object.keys(requirement)) {
          assert.ok(doc.components.securitySchemes?.[scheme], `${where}: unknown security scheme ${scheme}`);
        }
      }
      const errors = Object.entries(op.responses).filter(([status]) => Number(status) >= 400);
      assert.ok(
        errors.some(([status]) => status === '400'),
        `${where} documents its 400`,
      );
      for (const [status, response] of errors) {
        assert.deepEqual(
          response.content?.['application/json']?.schema,
          { $ref: '#/components/schemas/Error' },
          `${where} ${status}`,
        );
      }
    }
    const search = doc.paths['/search']?.get as OperationObject;
    assert.deepEqual(search.security, []);
    assert.deepEqual(
      (search.parameters ?? []).map((p) => p.name),
      ['q', 'lang', 'section', 'author', 'from', 'to', 'sort', 'limit', 'cursor'],
    );
  });

  it('describes every route under /api/v1, and nothing else', () => {
    const documented = new Set(OPERATIONS.map((op) => `${op.method.toUpperCase()} /api/v1${op.route}`));
    assert.ok(routes.size >= 7, 'the route table was seen');
    assert.deepEqual(
      [...routes].filter((r) => !documented.has(r)).sort(),
      [],
      'routes missing from the document',
    );
    assert.deepEqual([...documented].filter((r) => !routes.has(r)).sort(), [], 'operations without a route');
  });

  it('matches each public operation to the query parameters its route accepts', async () => {
    for (const { method, path: p, op } of operations()) {
      if (method !== 'get' || op.security.length > 0) continue;
      const required = requiredQuery(op);
      const base = await site.app.inject(urlOf(p, op, required));
      assert.equal(base.statusCode, 200, `${p}: ${base.body.slice(0, 200)}`);
      for (const param of op.parameters ?? []) {
        if (param.in !== 'query') continue;
        const res = await site.app.inject(urlOf(p, op, { ...required, [param.name]: sample(param) }));
        const code = res.statusCode === 400 ? res.json<{ error: { code: string } }>().error.code : '';
        assert.notEqual(code, 'unknown_parameter', `${p} documents ${param.name}, and its route takes it`);
        assert.ok(res.statusCode < 500, `${p} ${param.name}: ${res.statusCode}`);
        if (param.required) {
          const { [param.name]: _left, ...without } = required;
          const missing = await site.app.inject(urlOf(p, op, without));
          assert.equal(missing.statusCode, 400, `${p} requires ${param.name}`);
        }
      }
      const extra = await site.app.inject(urlOf(p, op, { ...required, undocumented: '1' }));
      assert.equal(extra.statusCode, 400, `${p} refuses what it does not document`);
      assert.equal(extra.json<{ error: { code: string } }>().error.code, 'unknown_parameter', p);
    }
  });

  it('documents the answers the routes really give', async () => {
    const ajv = newAjv();
    ajv.addSchema({ ...doc, $id: DOC_ID });
    const schemaAt = (pointer: string) => ajv.compile({ $ref: `${DOC_ID}#${pointer}` });
    const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
    for (const { method, path: p, op } of operations()) {
      if (method !== 'get' || op.security.length > 0) continue;
      const at = `/paths/${esc(p)}/get/responses`;
      const ok = await site.app.inject(urlOf(p, op, requiredQuery(op)));
      const validOk = schemaAt(`${at}/200/content/application~1json/schema`);
      assert.ok(validOk(ok.json()), `${p} 200: ${ajv.errorsText(validOk.errors)}`);
      const bad = await site.app.inject(urlOf(p, op, { ...requiredQuery(op), undocumented: '1' }));
      const validBad = schemaAt(`${at}/400/content/application~1json/schema`);
      assert.ok(validBad(bad.json()), `${p} 400: ${ajv.errorsText(validBad.errors)}`);
    }
    // Every field an article summary can have, and one asked for by `fields`.
    const full = await site.app.inject('/api/v1/articles?limit=50');
    const summaryList = schemaAt('/components/schemas/ArticleList');
    assert.ok(summaryList(full.json()), ajv.errorsText(summaryList.errors));
    const picked = await site.app.inject('/api/v1/articles?fields=title&limit=3');
    assert.ok(summaryList(picked.json()), ajv.errorsText(summaryList.errors));
    // And the check can fail: an answer with a field the document does not have.
    const body = full.json<{ data: Record<string, unknown>[] }>();
    body.data[0]!.password = 'x';
    assert.equal(summaryList(body), false);
  });
});

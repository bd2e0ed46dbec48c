// Kysely builds a query's syntax tree and compiles it to SQL on every call: for the small
// lookups a reader page runs a dozen of, that costs as much as SQLite takes to answer them.
// A reusable query is built once with placeholders for its arguments and compiled; later calls
// only put the values in the placeholders' places and run the same SQL text (which the
// statement cache then finds already prepared). An array argument (an `in (…)` list) gives
// one compiled form per length. The SQL depends on the dialect, so each engine has its own.
// On SQLite the compiled SQL runs on the connection directly when nothing holds it (see
// direct-reads.ts).
//
// The builder must use its arguments only as values in the query (in `where`, `limit`, …),
// never to decide the query's shape: a placeholder is an object, not the value. An argument
// that does not reach the query as a value is refused the first time the query is compiled.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import { directReaderOf } from './direct-reads.ts';

class Placeholder {
  constructor(
    readonly arg: number,
    readonly index: number | null,
  ) {}
}

type Part = { placeholder: Placeholder } | { value: unknown };

interface Shape {
  sql: string;
  parts: Part[];
}

/** Array lengths met per query and engine before the forms are dropped and compiled again. */
const SHAPES_KEPT = 64;

export type ReusableQuery<DB, Args extends readonly unknown[], Row> = (
  db: Kysely<DB>,
  ...args: Args
) => Promise<Row[]>;

export function reusableQuery<DB, Args extends readonly unknown[], Row>(
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
): ReusableQuery<DB, Args, Row> {
  const byEngine = new Map<unknown, Map<string, Shape>>();
  return async (db, ...args) => {
    const executor = db.getExecutor();
    // A plugin (withSchema, say) may rewrite the SQL per Kysely instance, which a form kept
    // per engine would not follow: such an instance builds the query every time.
    if (executor.plugins.length > 0) return (await db.executeQuery(build(db, ...args))).rows;
    const engine = executor.adapter.constructor;
    let shapes = byEngine.get(engine);
    if (!shapes) {
      shapes = new Map();
      byEngine.set(engine, shapes);
    }
    const key = args.map((a) => (Array.isArray(a) ? a.length : '.')).join(',');
    let shape = shapes.get(key);
    if (!shape) {
      shape = compileShape(db, build, args);
      if (shapes.size >= SHAPES_KEPT) shapes.clear();
      shapes.set(key, shape);
    }
    const parameters = shape.parts.map((part) =>
      'value' in part ? part.value : argumentValue(args, part.placeholder),
    );
    const rows = directReaderOf(db)?.(shape.sql, parameters);
    if (rows !== undefined) return rows as Row[];
    const result = await db.executeQuery<Row>(CompiledQuery.raw(shape.sql, parameters));
    return result.rows;
  };
}

function argumentValue(args: readonly unknown[], p: Placeholder): unknown {
  const arg = args[p.arg];
  return p.index === null ? arg : (arg as unknown[])[p.index];
}

function compileShape<DB, Args extends readonly unknown[], Row>(
  db: Kysely<DB>,
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
  args: Args,
): Shape {
  const placeholders = args.map((arg, i) =>
    Array.isArray(arg) ? arg.map((_, k) => new Placeholder(i, k)) : new Placeholder(i, null),
  );
  const compiled = build(db, ...(placeholders as unknown as Args)).compile();
  const parts: Part[] = compiled.parameters.map((value) =>
    value instanceof Placeholder ? { placeholder: value } : { value },
  );
  const used = new Set(parts.flatMap((p) => ('placeholder' in p ? [p.placeholder] : [])));
  for (const p of placeholders.flat()) {
    if (!used.has(p)) {
      throw new Error(
        `A reusable query's argument ${p.arg + 1}${p.index === null ? '' : ` [${p.index}]`} does not reach its SQL as a value: ${compiled.sql}`,
      );
    }
  }
  return { sql: compiled.sql, parts };
}

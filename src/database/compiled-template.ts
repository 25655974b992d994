import type { Compilable, RootOperationNode } from 'kysely';

/**
 * Compile once per query shape, bind per request.
 *
 * Building and compiling a Kysely query costs 100–200 µs of CPU, as much as PostgreSQL takes to execute a
 * prepared register read. A hot read has few shapes (which filters are present), so its statement is built once
 * per shape with `slot` markers in place of the values, compiled, and kept: a request only fills an array of
 * parameters. The Kysely builder stays the one typed source of the statement; the SQL text is exactly what a
 * direct compile gives (`compiled-template.spec.ts` checks it), so named prepared statements keep their names.
 */

/** A value to be filled per request: stands in for it while the template is built and compiled. */
class Slot {
  constructor(readonly key: string) {}
}

/**
 * A marker for the value `key`, typed as the value it stands for so the builder accepts it. Use it only where the
 * builder binds the value as a parameter: a slot cannot take part in JavaScript arithmetic or string methods.
 */
export function slot<T>(key: string): T {
  return new Slot(key) as unknown as T;
}

export interface CompiledTemplate<K extends string> {
  readonly sql: string;
  /** The statement's operation node (whether it writes is read from it: `writesData`). */
  readonly query: RootOperationNode;
  /** The parameters of the statement for these values, in order (constants of the statement kept). */
  bind(values: Readonly<Partial<Record<K, unknown>>>): unknown[];
}

/**
 * Compiles `query`, built with `slot(key)` markers, into a template. Throws when a marker is missing from the
 * compiled parameters or an unknown one is found (a value the builder transformed instead of binding).
 */
export function compileTemplate<K extends string>(query: Compilable<unknown>, keys: readonly K[]): CompiledTemplate<K> {
  const compiled = query.compile();
  const constants = [...compiled.parameters];
  const positions: [number, K][] = [];
  const found = new Set<string>();
  constants.forEach((value, index) => {
    if (!(value instanceof Slot)) return;
    if (!keys.includes(value.key as K)) throw new Error(`compileTemplate: unexpected slot "${value.key}"`);
    positions.push([index, value.key as K]);
    found.add(value.key);
    constants[index] = undefined;
  });
  const missing = keys.filter((key) => !found.has(key));
  if (missing.length > 0) throw new Error(`compileTemplate: slots not bound as parameters: ${missing.join(', ')}`);
  return {
    sql: compiled.sql,
    query: compiled.query,
    bind(values) {
      const parameters = constants.slice();
      for (const [index, key] of positions) parameters[index] = values[key];
      return parameters;
    },
  };
}

/**
 * Templates by shape: `get(shape, build)` compiles the first time a shape is asked for and returns the same
 * template afterwards. Shapes come from a bounded set of flags; `max` is a safety net (beyond it, a template is
 * compiled for the request and not kept).
 */
export class TemplateCache<K extends string> {
  private readonly templates = new Map<string, CompiledTemplate<K>>();

  constructor(private readonly max = 256) {}

  get(shape: string, build: () => CompiledTemplate<K>): CompiledTemplate<K> {
    let template = this.templates.get(shape);
    if (template === undefined) {
      template = build();
      if (this.templates.size < this.max) this.templates.set(shape, template);
    }
    return template;
  }

  get size(): number {
    return this.templates.size;
  }
}

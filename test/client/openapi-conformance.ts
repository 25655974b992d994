import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';

/**
 * Checks requests and responses against the OpenAPI 3.1 document with Ajv's JSON Schema 2020-12 dialect (the one
 * OpenAPI 3.1 uses): is a status documented for the operation, a content type documented for that status, a body
 * valid against its schema; and is a request valid by the document (parameters and body). Used by the generated
 * client's tour and by the fuzz test (test/ops/fuzz.ops-spec.ts).
 */

type Schema = { [keyword: string]: unknown };
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, { content?: Record<string, { schema?: Schema }>; headers?: Record<string, unknown> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, unknown>;
}

const BASE = 'https://awards-registry.invalid/openapi.json';

/** The media type of a Content-Type, without parameters, lower case. */
export const mediaTypeOf = (contentType: string | undefined): string =>
  (contentType ?? '').split(';')[0].trim().toLowerCase();

/** A copy of `value` whose local references (`#/components/…`) point into the document. */
function absolute(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(absolute);
  if (value === null || typeof value !== 'object') return value;
  return absoluteSchema(Object.fromEntries(Object.entries(value)));
}
function absoluteSchema(schema: Schema): Schema {
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' && value.startsWith('#') ? `${BASE}${value}` : absolute(value),
    ]),
  );
}

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A query or path parameter's text as the value its schema describes (the server converts the same way). */
function coerce(text: string, schema: Schema | undefined): unknown {
  const type = schema?.type;
  const types = Array.isArray(type) ? type : [type];
  if ((types.includes('integer') || types.includes('number')) && text.trim() !== '' && Number.isFinite(Number(text)))
    return Number(text);
  if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * The values of each name of a query string, decoded as a form (`+` is a space). A name or value that is not valid
 * percent-encoding is taken as written, as the server's parser (fast-querystring) takes it.
 */
function queryValues(query: string): Map<string, string[]> {
  const decode = (text: string): string => {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch {
      return text;
    }
  };
  const values = new Map<string, string[]>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decode(at < 0 ? pair : pair.slice(0, at));
    values.set(name, [...(values.get(name) ?? []), decode(at < 0 ? '' : pair.slice(at + 1))]);
  }
  return values;
}

export class Conformance {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<Schema, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
    for (const [name, format] of Object.entries(fullFormats)) this.ajv.addFormat(name, format);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: BASE, components: document.components });
  }

  /** The operation of a path template (`/api/v1/nominations/{id}`) and method, or undefined. */
  operation(method: string, path: string): Operation | undefined {
    return this.document.paths[path]?.[method.toLowerCase()];
  }

  /** The errors of `value` against `schema`, as one line each (none when valid). */
  errorsOf(schema: Schema, value: unknown): string[] {
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(absoluteSchema(schema));
      this.compiled.set(schema, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
  }

  /**
   * What is wrong with a response by the document: an undocumented status or content type, or a body that its
   * schema refuses. An empty list when it conforms.
   */
  responseProblems(
    method: string,
    path: string,
    response: { status: number; contentType: string | undefined; body: string },
  ): string[] {
    const operation = this.operation(method, path);
    if (!operation) return [`${method} ${path} is not in the document`];
    const documented = operation.responses[String(response.status)] ?? operation.responses.default;
    if (!documented) return [`status ${response.status} is not documented`];
    const content = documented.content ?? {};
    if (Object.keys(content).length === 0) {
      return response.body.length === 0 ? [] : [`status ${response.status} documents no body, got one`];
    }
    const mediaType = mediaTypeOf(response.contentType);
    const entry = Object.entries(content).find(([type]) => mediaTypeOf(type) === mediaType)?.[1];
    if (!entry) return [`content type ${response.contentType ?? '(none)'} is not documented for ${response.status}`];
    if (!entry.schema || !/json/.test(mediaType)) return [];
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      return [`the ${mediaType} body is not JSON`];
    }
    return this.errorsOf(entry.schema, body).map((error) => `body${error}`);
  }

  /**
   * Why the document says a request is invalid (an empty list when it is valid): a path or query parameter
   * against its schema, a missing required parameter, a query parameter given twice, a body of an undocumented
   * media type, or a JSON body its schema refuses.
   */
  requestProblems(
    method: string,
    path: string,
    request: { url: string; headers: Record<string, string>; body?: string | Buffer },
  ): string[] {
    const operation = this.operation(method, path);
    if (!operation) return [`${method} ${path} is not in the document`];
    const problems: string[] = [];
    const [rawPath, rawQuery = ''] = request.url.split(/\?(.*)/s);
    const names = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
    const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '([^/]*)')}$`);
    const values = pattern.exec(rawPath)?.slice(1) ?? [];
    if (values.length !== names.length) return ['the path does not match the operation'];
    const query = queryValues(rawQuery);
    for (const parameter of operation.parameters ?? []) {
      const schema = parameter.schema ?? {};
      let decoded: (string | undefined)[];
      if (parameter.in === 'path') {
        try {
          decoded = [decodeURIComponent(values[names.indexOf(parameter.name)] ?? '')];
        } catch {
          problems.push(`path ${parameter.name}: not valid percent-encoding`);
          continue;
        }
      } else if (parameter.in === 'query') {
        decoded = query.get(parameter.name) ?? [];
      } else if (parameter.in === 'header') {
        const value = request.headers[parameter.name.toLowerCase()];
        decoded = value === undefined ? [] : [value];
      } else {
        continue;
      }
      const texts = decoded.filter((text) => text !== undefined);
      if (texts.length < decoded.length) {
        problems.push(`${parameter.in} ${parameter.name}: not valid percent-encoding`);
        continue;
      }
      if (texts.length === 0) {
        if (parameter.required) problems.push(`${parameter.in} ${parameter.name}: required`);
        continue;
      }
      const isArray = schema.type === 'array';
      if (!isArray && texts.length > 1) {
        problems.push(`${parameter.in} ${parameter.name}: given ${texts.length} times`);
        continue;
      }
      const items = isSchema(schema.items) ? schema.items : undefined;
      const value = isArray ? texts.map((text) => coerce(text, items)) : coerce(texts[0], schema);
      for (const error of this.errorsOf(schema, value)) problems.push(`${parameter.in} ${parameter.name}${error}`);
    }

    const payload = request.body === undefined ? '' : String(request.body);
    const content = operation.requestBody?.content ?? {};
    if (payload.length === 0) {
      if (operation.requestBody?.required) problems.push('body: required');
      return problems;
    }
    const mediaType = mediaTypeOf(request.headers['content-type']);
    const entry = Object.entries(content).find(([type]) => mediaTypeOf(type) === mediaType)?.[1];
    if (!entry) {
      // A GET's body is never read: the document has nothing to say about it.
      if (method.toUpperCase() !== 'GET') problems.push(`body: media type ${mediaType || '(none)'} is not documented`);
      return problems;
    }
    if (mediaType === 'application/json' && entry.schema) {
      // JSON text as JSON.parse reads it, with duplicate keys resolved the same way as the server's parser.
      let body: unknown;
      try {
        body = JSON.parse(payload);
      } catch {
        problems.push('body: not JSON');
        return problems;
      }
      for (const error of this.errorsOf(entry.schema, body)) problems.push(`body${error}`);
    }
    return problems;
  }
}

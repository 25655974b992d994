import type { OpenAPIObject } from '@nestjs/swagger';

const DESCRIPTION =
  'Makes a retry safe: a retry with the same key and the same request gets the first response again (status and ' +
  'body, header `Idempotent-Replayed: true`) and changes nothing; the same key with another request is a 422 ' +
  '`IDEMPOTENCY_KEY_REUSED`; while the first request still runs, a retry waits up to 5 s, then gets a 409 ' +
  '`IDEMPOTENCY_IN_PROGRESS`. Keys belong to the API key that sends them and are kept 24 h (`IDEMPOTENCY_TTL_HOURS`). ' +
  '1 to 255 visible ASCII characters; a UUID is a good key.';

/** Documents the optional `Idempotency-Key` header on every POST operation (see `IdempotencyInterceptor`). */
export function documentIdempotencyKey(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    const operation = item.post;
    if (!operation) continue;
    const parameters = operation.parameters ?? [];
    if (parameters.some((parameter) => 'name' in parameter && parameter.name === 'Idempotency-Key')) continue;
    operation.parameters = [
      ...parameters,
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: DESCRIPTION,
        schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7E]+$' },
      },
    ];
  }
  return document;
}

/**
 * The JSON schema Fastify serializes an award page with (fast-json-stringify, compiled once per route) instead of
 * `JSON.stringify`: the register's largest bodies. The properties are listed in the order `toAwardDto` writes
 * them, which is the order `JSON.stringify` would print; `award-page.schema.spec.ts` checks the output is the same
 * bytes. Nothing is required, so a property left out here would be dropped: the spec fails when the DTO gains one.
 */
const text = { type: 'string' } as const;
const nullableText = { type: ['string', 'null'] } as const;
const numeric = { type: 'number' } as const;

export const AWARD_ITEM_SCHEMA = {
  type: 'object',
  properties: {
    id: text,
    year: numeric,
    periodFrom: numeric,
    periodTo: numeric,
    awardCode: text,
    awardName: text,
    basis: text,
    recipientKind: text,
    recipientName: text,
    individualId: nullableText,
    organizationId: text,
    organizationName: text,
    proposingOrganizationId: text,
    decisionId: text,
    decisionNumber: text,
    issuedOn: text,
    regime: text,
    certificateNumber: nullableText,
    verificationCode: text,
    bonusAmount: numeric,
    bonusPaidWithAwardId: nullableText,
    revoked: { type: 'boolean' },
    revokedAt: nullableText,
    revokedReason: nullableText,
    bonusRecoveryDue: { type: 'boolean' },
    revocation: {
      type: ['object', 'null'],
      properties: { id: text, number: text, issuedOn: text, ground: text },
    },
    bonusRecovery: {
      type: ['object', 'null'],
      properties: { amount: numeric, dueSince: text },
    },
    needsReview: { type: 'boolean' },
  },
} as const;

export const AWARD_PAGE_SCHEMA = {
  type: 'object',
  properties: {
    items: { type: 'array', items: AWARD_ITEM_SCHEMA },
    nextCursor: nullableText,
  },
} as const;

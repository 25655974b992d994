import { HttpStatus, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { registerConstraint } from '../common/errors/database-errors.js';
import { Db } from '../database/db.js';
import type { Authority, RevocationGround } from '../rules/index.js';

registerConstraint('uq_revocations_number', {
  status: HttpStatus.CONFLICT,
  code: 'DECISION_NUMBER_TAKEN',
  detail: 'The issuer already used this decision number this year (R-NUM-1)',
  field: 'number',
});

/** A revocation decision as reads serve it, with its issuer and the number of awards it revoked. */
export interface RevocationRow {
  id: string;
  number: number;
  numberText: string;
  year: number;
  issuedOn: string;
  issuerId: string;
  issuerName: string;
  issuerSymbol: string | null;
  authority: Authority;
  ground: RevocationGround;
  reason: string;
  createdAt: Date;
  awardCount: number;
}

export interface NewRevocation {
  issuerOrganizationId: string;
  authority: Authority;
  year: number;
  number: number;
  numberText: string;
  issuedOn: string;
  ground: RevocationGround;
  reason: string;
  createdByKeyId: string | null;
}

export interface RevocationFilter {
  issuerOrganizationId?: string;
  year?: number;
  /** Keyset: the (issuedOn, id) of the last row served. */
  after?: [string, string] | null;
  limit: number;
}

/** Every query on `revocations` (R-REVOKE-1); the awards it revokes are written by `AwardsRepository`. */
@Injectable()
export class RevocationsRepository {
  constructor(private readonly db: Db) {}

  private selectRevocations() {
    return this.db
      .selectFrom('revocations as r')
      .innerJoin('organizations as o', 'o.id', 'r.issuer_organization_id')
      .select((eb) => [
        'r.id as id',
        'r.number as number',
        'r.number_text as numberText',
        'r.year as year',
        eb.fn<string>('to_char', ['r.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
        'r.issuer_organization_id as issuerId',
        'o.name as issuerName',
        'o.document_symbol as issuerSymbol',
        'r.authority as authority',
        'r.ground as ground',
        'r.reason as reason',
        'r.created_at as createdAt',
        eb
          .selectFrom('awards as a')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('a.revocation_id', '=', 'r.id')
          .$asScalar()
          .$notNull()
          .as('awardCount'),
      ])
      .$narrowType<Pick<RevocationRow, 'authority' | 'ground'>>();
  }

  async findById(id: string): Promise<RevocationRow | null> {
    return (await this.selectRevocations().where('r.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Keyset page, newest first: (issued_on, id) descending (index `ix_revocations_issued_on`). */
  list(filter: RevocationFilter): Promise<RevocationRow[]> {
    let query = this.selectRevocations();
    if (filter.issuerOrganizationId !== undefined) {
      query = query.where('r.issuer_organization_id', '=', sql<string>`${filter.issuerOrganizationId}::uuid`);
    }
    if (filter.year !== undefined) query = query.where('r.year', '=', filter.year);
    const after = filter.after;
    if (after) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('r.issued_on', 'r.id'),
          '<',
          eb.tuple(sql<Date>`${after[0]}::date`, sql<string>`${after[1]}::uuid`),
        ),
      );
    }
    return query
      .orderBy('r.issued_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  async insert(revocation: NewRevocation): Promise<string> {
    const row = await this.db
      .insertInto('revocations')
      .values({
        issuer_organization_id: revocation.issuerOrganizationId,
        authority: revocation.authority,
        year: revocation.year,
        number: revocation.number,
        number_text: revocation.numberText,
        issued_on: revocation.issuedOn,
        ground: revocation.ground,
        reason: revocation.reason,
        created_by_key_id: revocation.createdByKeyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}

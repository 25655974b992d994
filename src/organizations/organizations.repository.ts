import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { anyOf, isoDate, lowerContains, unaccentedContains } from '../common/database/expressions.js';
import { Db } from '../database/db.js';
import type { DecisionNumbering } from '../rules/index.js';
import type { NewOrganization, Organization, OrganizationKind } from './organization.js';

export interface OrganizationFilter {
  parentId?: string;
  ancestorId?: string;
  kind?: string;
  q?: string;
  /** Only the organizations that exist on this day (YYYY-MM-DD, R-ORG-1). */
  activeOn?: string;
  after?: [string, string] | null;
  limit: number;
}

/** The columns an update may change (undefined: unchanged). */
export type OrganizationChanges = Partial<Omit<NewOrganization, 'validFrom'>>;

/** The columns of `organizations` as `Organization`. */
const COLUMNS = [
  'id',
  'code',
  'name',
  'short_name as shortName',
  'kind',
  'parent_id as parentId',
  'document_symbol as documentSymbol',
  'decision_numbering as decisionNumbering',
  'enterprise',
  'successor_id as successorId',
  'created_at as createdAt',
  'updated_at as updatedAt',
] as const;

/** Every query on `organizations` and its closure table. */
@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: Db) {}

  /** Whether `descendantId` is `ancestorId` or lies below it (`strictly`: below it only), by the closure table. */
  async isWithin(ancestorId: string, descendantId: string, strictly = false): Promise<boolean> {
    let query = this.db
      .selectFrom('organization_closure')
      .select('depth')
      .where('ancestor_id', '=', ancestorId)
      .where('descendant_id', '=', descendantId);
    if (strictly) query = query.where('depth', '>', 0);
    return (await query.executeTakeFirst()) !== undefined;
  }

  /** Which of `descendantIds` lie in the subtree of `ancestorId` (itself included), in one statement. */
  async withinOf(ancestorId: string, descendantIds: readonly string[]): Promise<Set<string>> {
    if (descendantIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('organization_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', ancestorId)
      .where('descendant_id', '=', anyOf(descendantIds, 'uuid'))
      .execute();
    return new Set(rows.map((r) => r.descendant_id));
  }

  private selectOrganizations() {
    return this.db
      .selectFrom('organizations as o')
      .select(COLUMNS)
      .select((eb) => [
        isoDate(eb.ref('o.valid_from')).$castTo<string | null>().as('validFrom'),
        isoDate(eb.ref('o.valid_to')).$castTo<string | null>().as('validTo'),
      ])
      .$narrowType<{ kind: OrganizationKind; decisionNumbering: DecisionNumbering }>();
  }

  async findById(id: string): Promise<Organization | null> {
    return (await this.selectOrganizations().where('o.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Reads the organization and locks its row until the transaction ends (concurrent edits queue up). */
  async findByIdForUpdate(id: string): Promise<Organization | null> {
    return (await this.selectOrganizations().where('o.id', '=', id).forUpdate().executeTakeFirst()) ?? null;
  }

  /**
   * Reads organizations and share-locks their rows until the transaction ends, in id order (no deadlock between two
   * readers): a decision issued by, or granting to, them and their dissolution (`findByIdForUpdate`) never overlap.
   */
  async findManyForShare(ids: readonly string[]): Promise<Map<string, Organization>> {
    if (ids.length === 0) return new Map();
    const rows = await this.selectOrganizations()
      .where('o.id', '=', anyOf(ids, 'uuid'))
      .orderBy('o.id')
      .forShare()
      .execute();
    return new Map(rows.map((row) => [row.id, row]));
  }

  /** `findManyForShare` of one organization (any case of its id), or undefined when it does not exist. */
  async findOneForShare(id: string): Promise<Organization | undefined> {
    const key = id.toLowerCase();
    return (await this.findManyForShare([key])).get(key);
  }

  /** The children of `id` that still exist on `date` (R-ORG-1: exist on or after it), by code. */
  childrenAliveOn(id: string, date: string): Promise<Organization[]> {
    return this.selectOrganizations()
      .where('o.parent_id', '=', id)
      .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', sql<Date>`${date}::date`)]))
      .orderBy('o.code')
      .execute();
  }

  /**
   * What the organization did or received from `date` on: decisions it issued and collective awards (not revoked)
   * it received dated on or after `date`. Read under the row's lock, so a decision committed just before counts.
   */
  async actsFrom(id: string, date: string): Promise<{ decisions: number; awards: number }> {
    const day = sql<Date>`${date}::date`;
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('decisions')
          .select((d) => d.fn.countAll<string>().as('n'))
          .where('issuer_organization_id', '=', id)
          .where('issued_on', '>=', day)
          .as('decisions'),
        eb
          .selectFrom('revocations')
          .select((r) => r.fn.countAll<string>().as('n'))
          .where('issuer_organization_id', '=', id)
          .where('issued_on', '>=', day)
          .as('revocations'),
        eb
          .selectFrom('awards')
          .select((a) => a.fn.countAll<string>().as('n'))
          .where('recipient_kind', '=', 'COLLECTIVE')
          .where('organization_id', '=', id)
          .where('revoked_at', 'is', null)
          .where('issued_on', '>=', day)
          .as('awards'),
      ])
      .executeTakeFirstOrThrow();
    // A revocation is itself a decision (Law 2022 Art 93): counted with them.
    return { decisions: Number(row.decisions ?? 0) + Number(row.revocations ?? 0), awards: Number(row.awards ?? 0) };
  }

  /** Ends the organization's life: `validTo` its last day, `successorId` who takes over (R-ORG-1). */
  async dissolve(id: string, validTo: string, successorId: string | null): Promise<Organization | null> {
    await this.db
      .updateTable('organizations')
      .set({ valid_to: sql<Date>`${validTo}::date`, successor_id: successorId, updated_at: sql`now()` })
      .where('id', '=', id)
      .execute();
    return this.findById(id);
  }

  /** Keyset page ordered by (code, id); `ancestorId` is one closure-table join, however deep the tree. */
  list(filter: OrganizationFilter): Promise<Organization[]> {
    let query = this.selectOrganizations();
    const { ancestorId, q, after } = filter;
    if (ancestorId) {
      query = query.innerJoin('organization_closure as c', (join) =>
        join.onRef('c.descendant_id', '=', 'o.id').on('c.ancestor_id', '=', ancestorId),
      );
    }
    if (filter.parentId) query = query.where('o.parent_id', '=', filter.parentId);
    if (filter.kind) query = query.where('o.kind', '=', filter.kind);
    if (filter.activeOn) {
      const day = sql<Date>`${filter.activeOn}::date`;
      query = query
        .where((eb) => eb.or([eb('o.valid_from', 'is', null), eb('o.valid_from', '<=', day)]))
        .where((eb) => eb.or([eb('o.valid_to', 'is', null), eb('o.valid_to', '>=', day)]));
    }
    if (q) {
      query = query.where((eb) =>
        eb.or([
          unaccentedContains(eb.ref('o.name'), q),
          unaccentedContains(eb.fn.coalesce('o.short_name', sql.lit('')), q),
          lowerContains(eb.fn<string>('lower', ['o.code']), q),
        ]),
      );
    }
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('o.code', 'o.id'), '>', eb.tuple(after[0], after[1])));
    }
    return query
      .orderBy('o.code', 'asc')
      .orderBy('o.id', 'asc')
      .limit(filter.limit + 1)
      .execute();
  }

  async create(values: NewOrganization): Promise<Organization> {
    const { id } = await this.db
      .insertInto('organizations')
      .values({
        code: values.code,
        name: values.name,
        short_name: values.shortName,
        kind: values.kind,
        parent_id: values.parentId,
        document_symbol: values.documentSymbol,
        decision_numbering: values.decisionNumbering,
        enterprise: values.enterprise,
        valid_from: values.validFrom == null ? null : sql<Date>`${values.validFrom}::date`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await this.findById(id)) as Organization;
  }

  /**
   * Writes the given columns and stamps `updated_at`; a new `parent_id` moves the subtree (the closure trigger) and
   * the database refuses a cycle. Returns the organization as it now stands, or null when there is none.
   */
  async update(id: string, changes: OrganizationChanges): Promise<Organization | null> {
    const row = await this.db
      .updateTable('organizations')
      .set({
        code: changes.code,
        name: changes.name,
        short_name: changes.shortName,
        kind: changes.kind,
        parent_id: changes.parentId,
        document_symbol: changes.documentSymbol,
        decision_numbering: changes.decisionNumbering,
        enterprise: changes.enterprise,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    return row ? this.findById(id) : null;
  }
}

import { Injectable } from '@nestjs/common';
import { type Expression, sql } from 'kysely';
import { unaccentedContains } from '../common/database/expressions.js';
import { Db } from '../database/db.js';
import type { DisciplinaryMeasure, InitiativeLevel, Rating } from '../rules/index.js';
import type { CaseClosing, DisciplinaryCase, DisciplinaryCaseKind } from './disciplinary-case.js';
import type { Gender, Individual, IndividualValues, ReportingCategory } from './individual.js';
import type { Initiative } from './initiative.js';
import type { IndividualRating } from './rating.js';

/** The text columns of a case narrowed to their literals. */
type CaseLiterals = { kind: DisciplinaryCaseKind; measure: DisciplinaryMeasure | null };

export interface IndividualFilter {
  /** Whole subtree of this organization. */
  organizationId?: string;
  /** The caller's scope: whole subtree of this organization; null for no bound. */
  scopeRoot: string | null;
  q?: string;
  after?: [string, string] | null;
  limit: number;
}

export interface SubListPage<Cursor> {
  after: Cursor | null;
  limit: number;
}

/** A `date` column as `YYYY-MM-DD` text, the form of the API and the rules (pg would hand back a local midnight). */
const isoDate = (date: Expression<Date>) => sql<string>`to_char(${date}, 'YYYY-MM-DD')`;
const isoDateOrNull = (date: Expression<Date | null>) => sql<string | null>`to_char(${date}, 'YYYY-MM-DD')`;

/** Every query on `individuals` and the records hanging off a person: ratings, initiatives, disciplinary cases. */
@Injectable()
export class IndividualsRepository {
  constructor(private readonly db: Db) {}

  // --- individuals ---------------------------------------------------------------------------------------------

  private selectIndividuals() {
    return this.db
      .selectFrom('individuals as i')
      .select((eb) => [
        'i.id',
        'i.full_name as fullName',
        'i.gender',
        isoDateOrNull(eb.ref('i.birth_date')).as('birthDate'),
        'i.national_id as nationalId',
        'i.position',
        'i.organization_id as organizationId',
        isoDateOrNull(eb.ref('i.joined_on')).as('joinedOn'),
        'i.reporting_category as reportingCategory',
        isoDateOrNull(eb.ref('i.recruited_on')).as('recruitedOn'),
        'i.created_at as createdAt',
        'i.updated_at as updatedAt',
      ])
      .$narrowType<{ gender: Gender | null; reportingCategory: ReportingCategory | null }>();
  }

  async findById(id: string): Promise<Individual | null> {
    return (await this.selectIndividuals().where('i.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Reads the person and locks the row until the transaction ends (concurrent edits queue up). */
  async findByIdForUpdate(id: string): Promise<Individual | null> {
    return (await this.selectIndividuals().where('i.id', '=', id).forUpdate().executeTakeFirst()) ?? null;
  }

  /**
   * Keyset page ordered by (full_name, id). Subtree filters are closure-table joins; the name search compares
   * diacritic-free, lower-case text so the trigram index `ix_individuals_full_name_trgm` serves it.
   */
  list(filter: IndividualFilter): Promise<Individual[]> {
    let query = this.selectIndividuals();
    const { organizationId, scopeRoot, q, after } = filter;
    if (organizationId) {
      query = query.innerJoin('organization_closure as fc', (join) =>
        join.onRef('fc.descendant_id', '=', 'i.organization_id').on('fc.ancestor_id', '=', organizationId),
      );
    }
    if (scopeRoot) {
      query = query.innerJoin('organization_closure as sc', (join) =>
        join.onRef('sc.descendant_id', '=', 'i.organization_id').on('sc.ancestor_id', '=', scopeRoot),
      );
    }
    if (q) query = query.where((eb) => unaccentedContains(eb.ref('i.full_name'), q));
    if (after) {
      query = query.where((eb) => eb(eb.refTuple('i.full_name', 'i.id'), '>', eb.tuple(after[0], after[1])));
    }
    return query
      .orderBy('i.full_name', 'asc')
      .orderBy('i.id', 'asc')
      .limit(filter.limit + 1)
      .execute();
  }

  /** The person's row as it stands after an INSERT or UPDATE. */
  private returningIndividual() {
    return [
      'id',
      'full_name as fullName',
      'gender',
      isoDateOrNull(sql.ref('birth_date')).as('birthDate'),
      'national_id as nationalId',
      'position',
      'organization_id as organizationId',
      isoDateOrNull(sql.ref('joined_on')).as('joinedOn'),
      'reporting_category as reportingCategory',
      isoDateOrNull(sql.ref('recruited_on')).as('recruitedOn'),
      'created_at as createdAt',
      'updated_at as updatedAt',
    ] as const;
  }

  async create(values: IndividualValues): Promise<Individual> {
    return this.db
      .insertInto('individuals')
      .values({
        full_name: values.fullName,
        gender: values.gender,
        birth_date: values.birthDate,
        national_id: values.nationalId,
        position: values.position,
        organization_id: values.organizationId,
        joined_on: values.joinedOn,
        reporting_category: values.reportingCategory,
        recruited_on: values.recruitedOn,
      })
      .returning(this.returningIndividual())
      .$narrowType<{ gender: Gender | null; reportingCategory: ReportingCategory | null }>()
      .executeTakeFirstOrThrow();
  }

  /** Writes the given columns and stamps `updated_at`; null when there is no such person. */
  async update(id: string, changes: Partial<IndividualValues>): Promise<Individual | null> {
    const row = await this.db
      .updateTable('individuals')
      .set({
        full_name: changes.fullName,
        gender: changes.gender,
        birth_date: changes.birthDate,
        national_id: changes.nationalId,
        position: changes.position,
        organization_id: changes.organizationId,
        joined_on: changes.joinedOn,
        reporting_category: changes.reportingCategory,
        recruited_on: changes.recruitedOn,
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returning(this.returningIndividual())
      .$narrowType<{ gender: Gender | null; reportingCategory: ReportingCategory | null }>()
      .executeTakeFirst();
    return row ?? null;
  }

  // --- ratings -------------------------------------------------------------------------------------------------

  /** Sets the rating of a person for a year, replacing any earlier rating of that year. */
  upsertRating(individualId: string, year: number, rating: Rating): Promise<IndividualRating> {
    return this.db
      .insertInto('individual_ratings')
      .values({ individual_id: individualId, year, rating })
      .onConflict((conflict) =>
        conflict
          .columns(['individual_id', 'year'])
          .doUpdateSet((eb) => ({ rating: eb.ref('excluded.rating'), updated_at: sql`now()` })),
      )
      .returning(['individual_id as individualId', 'year', 'rating', 'updated_at as updatedAt'])
      .$narrowType<{ rating: Rating }>()
      .executeTakeFirstOrThrow();
  }

  /** Ratings newest year first, keyset on year. */
  listRatings(individualId: string, page: SubListPage<number>): Promise<IndividualRating[]> {
    let query = this.db
      .selectFrom('individual_ratings')
      .select(['individual_id as individualId', 'year', 'rating', 'updated_at as updatedAt'])
      .$narrowType<{ rating: Rating }>()
      .where('individual_id', '=', individualId);
    if (page.after !== null) query = query.where('year', '<', page.after);
    return query
      .orderBy('year', 'desc')
      .limit(page.limit + 1)
      .execute();
  }

  // --- initiatives ---------------------------------------------------------------------------------------------

  createInitiative(values: Omit<Initiative, 'id' | 'createdAt'>): Promise<Initiative> {
    return this.db
      .insertInto('initiatives')
      .values({
        individual_id: values.individualId,
        year: values.year,
        title: values.title,
        level: values.level,
        recognized_on: values.recognizedOn,
      })
      .returning((eb) => [
        'id',
        'individual_id as individualId',
        'year',
        'title',
        'level',
        isoDate(eb.ref('recognized_on')).as('recognizedOn'),
        'created_at as createdAt',
      ])
      .$narrowType<{ level: InitiativeLevel }>()
      .executeTakeFirstOrThrow();
  }

  /** Initiatives newest first, keyset on (year, recognized_on, id). */
  listInitiatives(individualId: string, page: SubListPage<[number, string, string]>): Promise<Initiative[]> {
    let query = this.db
      .selectFrom('initiatives as n')
      .select((eb) => [
        'n.id',
        'n.individual_id as individualId',
        'n.year',
        'n.title',
        'n.level',
        isoDate(eb.ref('n.recognized_on')).as('recognizedOn'),
        'n.created_at as createdAt',
      ])
      .$narrowType<{ level: InitiativeLevel }>()
      .where('n.individual_id', '=', individualId);
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('n.year', 'n.recognized_on', 'n.id'),
          '<',
          eb.tuple(after[0], sql<Date>`${after[1]}::date`, sql<string>`${after[2]}::uuid`),
        ),
      );
    }
    return query
      .orderBy('n.year', 'desc')
      .orderBy('n.recognized_on', 'desc')
      .orderBy('n.id', 'desc')
      .limit(page.limit + 1)
      .execute();
  }

  // --- disciplinary cases --------------------------------------------------------------------------------------

  private caseColumns() {
    return [
      'id',
      'individual_id as individualId',
      'organization_id as organizationId',
      'kind',
      isoDate(sql.ref('opened_on')).as('openedOn'),
      'note',
      isoDateOrNull(sql.ref('closed_on')).as('closedOn'),
      'outcome',
      'measure',
      isoDateOrNull(sql.ref('measure_from')).as('measureFrom'),
      isoDateOrNull(sql.ref('measure_to')).as('measureTo'),
      'created_at as createdAt',
    ] as const;
  }

  /** Opens a case on a person or on a collective (`ck_disciplinary_cases_one_subject`: exactly one). */
  createCase(
    values: Pick<DisciplinaryCase, 'individualId' | 'organizationId' | 'kind' | 'openedOn' | 'note'>,
  ): Promise<DisciplinaryCase> {
    return this.db
      .insertInto('disciplinary_cases')
      .values({
        individual_id: values.individualId,
        organization_id: values.organizationId,
        kind: values.kind,
        opened_on: values.openedOn,
        note: values.note,
      })
      .returning(this.caseColumns())
      .$narrowType<CaseLiterals>()
      .executeTakeFirstOrThrow();
  }

  /** Reads a case and locks it until the transaction ends, so two closings cannot both succeed. */
  async findCaseForUpdate(id: string): Promise<DisciplinaryCase | null> {
    const row = await this.db
      .selectFrom('disciplinary_cases')
      .select(this.caseColumns())
      .$narrowType<CaseLiterals>()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    return row ?? null;
  }

  /** Closes a case; the database refuses a closing date before the opening one (`ck_disciplinary_cases_closed_after_opened`). */
  async closeCase(id: string, closing: CaseClosing): Promise<DisciplinaryCase> {
    return this.db
      .updateTable('disciplinary_cases')
      .set({
        closed_on: closing.closedOn,
        outcome: closing.outcome,
        measure: closing.measure,
        measure_from: closing.measureFrom,
        measure_to: closing.measureTo,
      })
      .where('id', '=', id)
      .returning(this.caseColumns())
      .$narrowType<CaseLiterals>()
      .executeTakeFirstOrThrow();
  }

  /** Cases of a person or of a collective, newest first, keyset on (opened_on, id). */
  listCases(
    subject: { individualId: string } | { organizationId: string },
    page: SubListPage<[string, string]>,
  ): Promise<DisciplinaryCase[]> {
    let query = this.db
      .selectFrom('disciplinary_cases')
      .select(this.caseColumns())
      .$narrowType<CaseLiterals>()
      .where((eb) =>
        'individualId' in subject
          ? eb('individual_id', '=', subject.individualId)
          : eb('organization_id', '=', subject.organizationId),
      );
    const after = page.after;
    if (after) {
      query = query.where((eb) =>
        eb(eb.refTuple('opened_on', 'id'), '<', eb.tuple(sql<Date>`${after[0]}::date`, sql<string>`${after[1]}::uuid`)),
      );
    }
    return query
      .orderBy('disciplinary_cases.opened_on', 'desc')
      .orderBy('disciplinary_cases.id', 'desc')
      .limit(page.limit + 1)
      .execute();
  }
}

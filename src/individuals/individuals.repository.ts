import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { unaccentedContains } from '../common/database/sql.js';
import { DisciplinaryCase } from './disciplinary-case.entity.js';
import { Individual } from './individual.entity.js';
import { Initiative } from './initiative.entity.js';
import type { Rating } from '../rules/index.js';
import { IndividualRating } from './rating.entity.js';

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

/** Every query on `individuals` and the records hanging off a person: ratings, initiatives, disciplinary cases. */
@Injectable()
export class IndividualsRepository {
  constructor(
    @InjectRepository(Individual) private readonly individuals: Repository<Individual>,
    @InjectRepository(IndividualRating) private readonly ratings: Repository<IndividualRating>,
    @InjectRepository(Initiative) private readonly initiatives: Repository<Initiative>,
    @InjectRepository(DisciplinaryCase) private readonly cases: Repository<DisciplinaryCase>,
  ) {}

  private repo<T extends object>(entity: new () => T, fallback: Repository<T>, manager?: EntityManager): Repository<T> {
    return manager ? manager.getRepository(entity) : fallback;
  }

  findById(id: string, manager?: EntityManager): Promise<Individual | null> {
    return this.repo(Individual, this.individuals, manager).findOneBy({ id });
  }

  /** Reads the person and locks the row until the transaction ends (concurrent edits queue up). */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Individual | null> {
    return manager
      .getRepository(Individual)
      .createQueryBuilder('i')
      .setLock('pessimistic_write')
      .where('i.id = :id', { id })
      .getOne();
  }

  /**
   * Keyset page ordered by (full_name, id). Subtree filters are closure-table joins; the name search compares
   * diacritic-free, lower-case text so the trigram index `ix_individuals_full_name_trgm` serves it.
   */
  list(filter: IndividualFilter): Promise<Individual[]> {
    const query = this.individuals.createQueryBuilder('i');
    if (filter.organizationId) {
      query.innerJoin(
        'organization_closure',
        'fc',
        'fc.descendant_id = i.organization_id AND fc.ancestor_id = :organizationId',
        {
          organizationId: filter.organizationId,
        },
      );
    }
    if (filter.scopeRoot) {
      query.innerJoin(
        'organization_closure',
        'sc',
        'sc.descendant_id = i.organization_id AND sc.ancestor_id = :scopeRoot',
        {
          scopeRoot: filter.scopeRoot,
        },
      );
    }
    if (filter.q) {
      query.andWhere(unaccentedContains('i.full_name', ':q'), { q: filter.q });
    }
    if (filter.after) {
      query.andWhere('(i.full_name, i.id) > (:afterName, :afterId)', {
        afterName: filter.after[0],
        afterId: filter.after[1],
      });
    }
    return query
      .orderBy('i.full_name', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }

  create(values: Partial<Individual>, manager?: EntityManager): Promise<Individual> {
    const repo = this.repo(Individual, this.individuals, manager);
    return repo.save(repo.create(values));
  }

  save(individual: Individual, manager?: EntityManager): Promise<Individual> {
    return this.repo(Individual, this.individuals, manager).save(individual);
  }

  /** Sets the rating of a person for a year, replacing any earlier rating of that year. */
  async upsertRating(
    individualId: string,
    year: number,
    rating: Rating,
    manager?: EntityManager,
  ): Promise<IndividualRating> {
    const rows: { individual_id: string; year: number; rating: Rating; updated_at: Date }[] = await this.repo(
      IndividualRating,
      this.ratings,
      manager,
    ).query(
      `INSERT INTO individual_ratings (individual_id, year, rating) VALUES ($1, $2, $3)
       ON CONFLICT (individual_id, year) DO UPDATE SET rating = EXCLUDED.rating, updated_at = now()
       RETURNING individual_id, year, rating, updated_at`,
      [individualId, year, rating],
    );
    const row = rows[0];
    return Object.assign(new IndividualRating(), {
      individualId: row.individual_id,
      year: row.year,
      rating: row.rating,
      updatedAt: row.updated_at,
    });
  }

  /** Ratings newest year first, keyset on year. */
  listRatings(individualId: string, page: SubListPage<number>): Promise<IndividualRating[]> {
    const query = this.ratings.createQueryBuilder('r').where('r.individual_id = :individualId', { individualId });
    if (page.after !== null) query.andWhere('r.year < :afterYear', { afterYear: page.after });
    return query
      .orderBy('r.year', 'DESC')
      .limit(page.limit + 1)
      .getMany();
  }

  createInitiative(values: Partial<Initiative>, manager?: EntityManager): Promise<Initiative> {
    const repo = this.repo(Initiative, this.initiatives, manager);
    return repo.save(repo.create(values));
  }

  /** Initiatives newest first, keyset on (year, recognized_on, id). */
  listInitiatives(individualId: string, page: SubListPage<[number, string, string]>): Promise<Initiative[]> {
    const query = this.initiatives.createQueryBuilder('n').where('n.individual_id = :individualId', { individualId });
    if (page.after) {
      query.andWhere('(n.year, n.recognized_on, n.id) < (:afterYear, CAST(:afterOn AS date), CAST(:afterId AS uuid))', {
        afterYear: page.after[0],
        afterOn: page.after[1],
        afterId: page.after[2],
      });
    }
    return query
      .orderBy('n.year', 'DESC')
      .addOrderBy('n.recognized_on', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(page.limit + 1)
      .getMany();
  }

  createCase(values: Partial<DisciplinaryCase>, manager?: EntityManager): Promise<DisciplinaryCase> {
    const repo = this.repo(DisciplinaryCase, this.cases, manager);
    return repo.save(repo.create(values));
  }

  /** Reads a case and locks it until the transaction ends, so two closings cannot both succeed. */
  findCaseForUpdate(id: string, manager: EntityManager): Promise<DisciplinaryCase | null> {
    return manager
      .getRepository(DisciplinaryCase)
      .createQueryBuilder('d')
      .setLock('pessimistic_write')
      .where('d.id = :id', { id })
      .getOne();
  }

  saveCase(disciplinaryCase: DisciplinaryCase, manager?: EntityManager): Promise<DisciplinaryCase> {
    return this.repo(DisciplinaryCase, this.cases, manager).save(disciplinaryCase);
  }

  /** Cases newest first, keyset on (opened_on, id). */
  listCases(individualId: string, page: SubListPage<[string, string]>): Promise<DisciplinaryCase[]> {
    const query = this.cases.createQueryBuilder('d').where('d.individual_id = :individualId', { individualId });
    if (page.after) {
      query.andWhere('(d.opened_on, d.id) < (CAST(:afterOn AS date), CAST(:afterId AS uuid))', {
        afterOn: page.after[0],
        afterId: page.after[1],
      });
    }
    return query
      .orderBy('d.opened_on', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .limit(page.limit + 1)
      .getMany();
  }
}

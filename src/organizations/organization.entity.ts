import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { OrganizationKind } from '../rules/index.js';

/** The kinds live with the rule engine, which derives each kind's decision authority from them (R-AUTH-4). */
export { ORGANIZATION_KINDS, type OrganizationKind } from '../rules/index.js';

/**
 * The TypeORM mapping of `organizations`, kept only for the relations of the entities that still point at it
 * (nominations, decisions, awards): the organizations module reads and writes the table through
 * `OrganizationsRepository` and the plain `Organization` type of `organization.ts`. Delete it with the last of them.
 */
@Entity('organizations')
// Codes are unique ignoring case: a unique index on lower(code) (OrganizationCodeAndSymbol migration).
@Index('uq_organizations_code_ci', { synchronize: false })
@Check('ck_organizations_document_symbol', `"document_symbol" ~ '^[A-Za-z0-9Đđ-]+$'`)
@Check('ck_organizations_kind', `"kind" IN ('PROVINCE','DEPARTMENT','DISTRICT','COMMUNE','UNIT','ENTERPRISE','OTHER')`)
@Check('ck_organizations_decision_numbering', `"decision_numbering" IN ('REGISTER','AUTO')`)
@Check('ck_organizations_enterprise_kind', `"kind" <> 'ENTERPRISE' OR "enterprise"`)
@Check('ck_organizations_not_own_parent', `"parent_id" IS NULL OR "parent_id" <> "id"`)
@Check('ck_organizations_valid_dates', `"valid_from" IS NULL OR "valid_to" IS NULL OR "valid_from" <= "valid_to"`)
@Check('ck_organizations_successor', `"successor_id" IS NULL OR ("valid_to" IS NOT NULL AND "successor_id" <> "id")`)
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organizations' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  shortName: string | null;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  @Index('ix_organizations_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_organizations_parent' })
  parent?: Relation<Organization> | null;

  /** Symbol used in decision numbers, e.g. `STTTT` in `05/QĐ-STTTT`: `A–Z`, `0–9` and `-` only; not unique. */
  @Column({ type: 'text', nullable: true })
  documentSymbol: string | null;

  /** How its decisions are numbered (R-NUM-1): REGISTER (given from the document register) or AUTO. */
  @Column({ type: 'text', default: 'REGISTER' })
  decisionNumbering: 'REGISTER' | 'AUTO';
  /** An enterprise (doanh nghiệp, row 03 of form 0603); kind ENTERPRISE implies it. */
  @Column({ type: 'boolean', default: false })
  enterprise: boolean;

  /** First day it exists (R-ORG-1); null: since before the registry knows. */
  @Column({ type: 'date', nullable: true })
  validFrom: string | null;

  /** Last day it exists (R-ORG-1); null: it still exists. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** The organization that took over when it was merged or dissolved. */
  @Index('ix_organizations_successor_id')
  @Column({ type: 'uuid', nullable: true })
  successorId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'successor_id', foreignKeyConstraintName: 'fk_organizations_successor' })
  successor?: Relation<Organization> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

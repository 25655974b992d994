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
  Unique,
} from 'typeorm';
import { HistoryImport } from '../history/history-import.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { Authority, Regime, SigningMode } from '../rules/index.js';

/**
 * A decision (quyết định khen thưởng): issued by one organization's head under one authority, numbered in the
 * issuer's series for the calendar year (R-NUM-1), granting one award per included nomination.
 */
@Entity('decisions')
@Unique('uq_decisions_issuer_year_number', ['issuerOrganizationId', 'year', 'number'])
// The target of the awards' copy of the number (AwardDecisionNumbers: `fk_awards_decision_number`).
@Unique('uq_decisions_id_number', ['id', 'numberText'])
@Check(
  'ck_decisions_authority',
  `"authority" IN ('DEPARTMENT_HEAD','DISTRICT_CHAIR','COMMUNE_CHAIR','ENTERPRISE_HEAD','PROVINCE_CHAIR','MINISTER','PRIME_MINISTER','PRESIDENT')`,
)
@Check('ck_decisions_signing_mode', `"signing_mode" IN ('DIRECT','ON_BEHALF')`)
@Check('ck_decisions_number', `"number" > 0`)
@Check('ck_decisions_year', `"year" = extract(year FROM "issued_on")`)
@Check('ck_decisions_source', `"source" IN ('REGISTRY','HISTORY')`)
@Check(
  'ck_decisions_issuer',
  `("source" = 'REGISTRY' AND "issuer_organization_id" IS NOT NULL AND "history_import_hash" IS NULL) OR ("source" = 'HISTORY' AND "issuer_name" IS NOT NULL AND "history_import_hash" IS NOT NULL)`,
)
@Index('ix_decisions_issued_on', ['issuedOn', 'id'])
// Partial and expression indexes, declared in the HistoryHouseholdsForm0603 migration.
@Index('uq_decisions_history_issuer_name', { synchronize: false })
@Index('ix_decisions_history_import_hash', { synchronize: false })
export class Decision {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_decisions' })
  id: string;

  /** Null only for a history decision whose issuer is not in the registry (a Prime Minister, the President…). */
  @Column({ type: 'uuid', nullable: true })
  issuerOrganizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_organization_id', foreignKeyConstraintName: 'fk_decisions_issuer_organization' })
  issuerOrganization?: Relation<Organization>;

  @Column({ type: 'text' })
  authority: Authority;

  /** Calendar year of `issuedOn`: numbering restarts each year. */
  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  number: number;

  /** The number as printed, e.g. `05/QĐ-STTTT`. */
  @Column({ type: 'text' })
  numberText: string;

  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'text' })
  signerName: string;

  @Column({ type: 'text' })
  signerTitle: string;

  /** ON_BEHALF prints "KT." before the title of the authority (e.g. a Vice Chairman for the Chairman). */
  @Column({ type: 'text' })
  signingMode: SigningMode;

  @Column({ type: 'text' })
  regime: Regime;

  /** REGISTRY: made by the workflow; HISTORY: loaded from an agency's records (`POST /history/import`). */
  @Column({ type: 'text', default: 'REGISTRY' })
  source: 'REGISTRY' | 'HISTORY';

  /** The issuer as written on a history decision. */
  @Column({ type: 'text', nullable: true })
  issuerName: string | null;

  /** The imported file a history decision came from. */
  @Column({ type: 'text', nullable: true })
  historyImportHash: string | null;

  @ManyToOne(() => HistoryImport, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'history_import_hash', foreignKeyConstraintName: 'fk_decisions_history_import' })
  historyImport?: Relation<HistoryImport> | null;

  @Column({ type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

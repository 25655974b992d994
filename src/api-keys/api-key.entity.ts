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
import { Organization } from '../organizations/organization.entity.js';

export const ROLES = ['ADMIN', 'HR_OFFICER', 'APPROVER', 'AUDITOR'] as const;
export type Role = (typeof ROLES)[number];

/** A bearer API key. Only the SHA-256 of the token is stored; the token itself is shown once, at creation. */
@Entity('api_keys')
@Unique('uq_api_keys_token_hash', ['tokenHash'])
@Check('ck_api_keys_role', `"role" IN ('ADMIN','HR_OFFICER','APPROVER','AUDITOR')`)
@Check('ck_api_keys_scope', `("role" IN ('HR_OFFICER','APPROVER')) = ("organization_id" IS NOT NULL)`)
export class ApiKey {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_api_keys' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  role: Role;

  @Index('ix_api_keys_organization_id')
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_api_keys_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'text' })
  tokenHash: string;

  /** The first characters of the token, so a person can tell keys apart without the secret. */
  @Column({ type: 'text' })
  tokenPrefix: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

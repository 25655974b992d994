import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * Settings of the configurable ([C]) rules (docs/rules.md): quota ratios and switches (R-QUOTA-CSCS,
 * R-QUOTA-CSTINH) and council vote policies (R-VOTE-1) per award code. Seeded with the defaults.
 */
@Entity('rule_settings')
export class RuleSetting {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_rule_settings' })
  key: string;

  @Column({ type: 'jsonb' })
  value: unknown;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

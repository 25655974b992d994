import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The TypeORM mapping of `history_imports` (one row per imported file), for the schema check only. */
@Entity('history_imports')
export class HistoryImport {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_history_imports' })
  fileHash: string;

  @Column({ type: 'text' })
  fileName: string;

  @Column({ type: 'int' })
  rows: number;

  @Column({ type: 'int' })
  decisions: number;

  @Column({ type: 'int' })
  awards: number;

  @Column({ type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

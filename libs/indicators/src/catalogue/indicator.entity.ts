import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { IndicatorDirection, IndicatorGroup, IndicatorKind, IndicatorUnit } from './indicator-vocabulary.js';

/** An indicator or central measure of the county's catalogue (seed 003). */
@Entity()
export class Indicator {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'varchar', length: 30 })
  group: IndicatorGroup;

  /** A shift or a governing document; background indicators have none. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  area: string | null;

  @Column({ type: 'varchar', length: 20 })
  kind: IndicatorKind;

  @Column({ type: 'varchar', length: 10 })
  direction: IndicatorDirection;

  @Column({ type: 'varchar', length: 20 })
  unit: IndicatorUnit;

  @Column({ type: 'varchar', length: 200 })
  source: string;

  @Column({ type: 'numeric', precision: 14, scale: 4, nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  target: number | null;

  @Index({ unique: true, where: 'kolada_kpi_id IS NOT NULL' })
  @Column({ type: 'varchar', length: 16, nullable: true })
  koladaKpiId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /**
   * What the number counts, for generated sentences in the seeds' style: `fallskador per 100 000 invånare 65 år och
   * äldre` gives "Västra Götaland rapporterade 2 832 fallskador per 100 000 invånare 65 år och äldre (2023), …".
   */
  @Column({ type: 'text', nullable: true })
  phrase: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set when an administrator edits the indicator; the reference loader then leaves it alone. */
  @Column({ type: 'timestamptz', nullable: true })
  customizedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

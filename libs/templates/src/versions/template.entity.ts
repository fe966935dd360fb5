import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/** A template (mall) of the delregional analysis; its content lives in its versions. */
@Entity()
export class Template {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stable handle of a template shipped as reference data (`vvg-default`); null for templates made in the app. */
  @Index({ unique: true, where: 'code IS NOT NULL' })
  @Column({ type: 'varchar', length: 64, nullable: true })
  code: string | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

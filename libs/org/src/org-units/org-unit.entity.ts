import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnitType } from './org-unit-type.js';

/** Nation, county, the six delregions, the 49 municipalities, hospital groups and local areas. */
@Entity()
export class OrgUnit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 20 })
  type: OrgUnitType;

  /** Stable business key: `SE`, `14`, `DR-SKB`, municipality code `1444`, `H-NU`. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  parent: Relation<OrgUnit> | null;

  /** Kolada's id (`0000` riket, `0014` Västra Götaland, municipality codes). */
  @Index({ unique: true, where: 'kolada_id IS NOT NULL' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  koladaId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Set when an administrator edits the unit; the reference loader then leaves it alone. */
  @Column({ type: 'timestamptz', nullable: true })
  customizedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

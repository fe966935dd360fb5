import { Role } from '@arshjulet/core';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../org-units/org-unit.entity.js';
import type { User } from './user.entity.js';

/** A role a user holds, county-wide (orgUnit null) or for one delregion. */
@Entity()
@Index(['userId', 'role', 'orgUnitId'], { unique: true, where: 'org_unit_id IS NOT NULL' })
@Index(['userId', 'role'], { unique: true, where: 'org_unit_id IS NULL' })
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne('User', 'assignments', { onDelete: 'CASCADE' })
  @JoinColumn()
  user: Relation<User>;

  @Column({ type: 'varchar', length: 40 })
  role: Role;

  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @ManyToOne(() => OrgUnit, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn()
  orgUnit: Relation<OrgUnit> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
